package dev.tokensmith.corpora.mix;

import dev.tokensmith.corpora.Corpora;
import dev.tokensmith.corpora.Corpus;
import dev.tokensmith.corpora.CorpusException;
import dev.tokensmith.corpora.TextSource;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SequencedMap;
import java.util.stream.Stream;

/**
 * A mixture of categories with exact byte proportions: {@code totalBytes} is split between the categories in
 * proportion to their weights (whole bytes, largest remainders first, so the targets add up to the total
 * exactly), and each category contributes {@link ByteSample ByteSample.of(category, target, seed, cut)}. With
 * {@link ByteSample.Cut#TRUNCATE} (the default) every category's bytes equal its target, but for up to 3 bytes
 * where a cut falls inside a character. The documents come category after category, in the order given (one
 * category open at a time); a category holding fewer bytes than its target is an error.
 *
 * <pre>{@code
 * Mixture mix = Mixture.of(corpus, Map.of("nl/en", 0.5, "nl/de", 0.3, "code/python", 0.2), 10_000_000, 42);
 * mix.targets();   // {nl/en=5000000, nl/de=3000000, code/python=2000000}
 * }</pre>
 */
public final class Mixture implements TextSource {
    private final String name;
    private final List<ByteSample> parts;
    private final Map<String, Long> targets;

    private Mixture(String name, List<ByteSample> parts) {
        this.name = name;
        this.parts = List.copyOf(parts);
        Map<String, Long> t = new LinkedHashMap<>();
        for (ByteSample p : parts) {
            t.put(p.name(), p.targetBytes());
        }
        this.targets = Collections.unmodifiableMap(t);
    }

    /**
     * The corpus's categories named in {@code weights}, mixed to {@code totalBytes} bytes. They come in the map's
     * order when it has one ({@link SequencedMap}: {@link LinkedHashMap}, {@link java.util.TreeMap}), else sorted
     * by name, so that {@code Map.of(...)} gives the same output on every run.
     */
    public static Mixture of(Corpus corpus, Map<String, ? extends Number> weights, long totalBytes, long seed) {
        List<String> names = new ArrayList<>(weights.keySet());
        if (!(weights instanceof SequencedMap<?, ?>)) {
            Collections.sort(names);
        }
        List<TextSource> sources = new ArrayList<>();
        List<Double> w = new ArrayList<>();
        for (String category : names) {
            sources.add(corpus.category(category));
            w.add(weights.get(category).doubleValue());
        }
        return of(corpus.name() + " mixture", sources, w, totalBytes, seed, ByteSample.Cut.TRUNCATE);
    }

    /**
     * Sources (named by {@link TextSource#name()}, which must differ) mixed to {@code totalBytes} bytes with the
     * given weights (non-negative, not all zero; they need not add up to 1).
     *
     * @throws IllegalArgumentException on mismatched lists or bad weights
     * @throws CorpusException when a source holds fewer bytes than its share
     */
    public static Mixture of(
            String name,
            List<? extends TextSource> sources,
            List<? extends Number> weights,
            long totalBytes,
            long seed,
            ByteSample.Cut cut) {
        if (sources.size() != weights.size() || sources.isEmpty()) {
            throw new IllegalArgumentException("need as many weights as sources, at least one");
        }
        if (totalBytes < 0) {
            throw new IllegalArgumentException("totalBytes must be >= 0: " + totalBytes);
        }
        long[] targets = apportion(weights, totalBytes);
        List<ByteSample> parts = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            TextSource source = sources.get(i);
            if (parts.stream().anyMatch(p -> p.name().equals(source.name()))) {
                throw new IllegalArgumentException("two sources are named " + source.name());
            }
            ByteSample sample = ByteSample.of(source, targets[i], seed, cut);
            if (sample.sourceBytes() < targets[i]) {
                throw new CorpusException(source.name() + ": holds " + sample.sourceBytes()
                        + " bytes of documents, but the mixture needs " + targets[i] + " from it (weight "
                        + weights.get(i) + " of " + totalBytes + " bytes)");
            }
            parts.add(sample);
        }
        return new Mixture(name, parts);
    }

    /** Each source's bytes: in proportion to the weights, floored, then the leftover bytes to the largest remainders. */
    static long[] apportion(List<? extends Number> weights, long total) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Number w : weights) {
            double d = w.doubleValue();
            if (!(d >= 0) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("weights must be finite and >= 0: " + weights);
            }
            sum = sum.add(new BigDecimal(d));
        }
        if (sum.signum() == 0) {
            throw new IllegalArgumentException("weights must not all be 0");
        }
        int n = weights.size();
        long[] targets = new long[n];
        BigDecimal[] remainders = new BigDecimal[n];
        long assigned = 0;
        for (int i = 0; i < n; i++) {
            BigDecimal exact = new BigDecimal(weights.get(i).doubleValue())
                    .multiply(BigDecimal.valueOf(total))
                    .divide(sum, MathContext.DECIMAL128);
            BigDecimal floor = exact.setScale(0, RoundingMode.FLOOR);
            targets[i] = floor.longValueExact();
            remainders[i] = exact.subtract(floor);
            assigned += targets[i];
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (weights.get(i).doubleValue() > 0) {
                order.add(i);
            }
        }
        order.sort(Comparator.<Integer, BigDecimal>comparing(i -> remainders[i])
                .reversed()
                .thenComparing(i -> i));
        for (int k = 0; assigned < total; k = (k + 1) % order.size()) {
            targets[order.get(k)]++;
            assigned++;
        }
        return targets;
    }

    /** Each part's bytes (by source name), in output order; they add up to the total. */
    public Map<String, Long> targets() {
        return targets;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public OptionalLong sizeBytes() {
        return OptionalLong.empty();
    }

    @Override
    public Stream<String> documents() {
        return Corpora.concat(name, parts).documents();
    }

    /** The per-source samples, in output order. */
    @Override
    public List<ByteSample> parts() {
        return parts;
    }
}
