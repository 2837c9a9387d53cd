package dev.tokensmith.corpora.mix;

import dev.tokensmith.corpora.TextSource;
import java.math.BigDecimal;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * A train / held-out split by document: a document is held out when its {@link DocumentKey} (purpose
 * {@code "split"}, the seed), read as a fraction of 2^64, is below {@code heldOutFraction}. The choice depends only
 * on the document's text and the seed: the two parts are disjoint, together they are the source, reordering the
 * source does not move a document to the other side, and duplicate documents always land on the same side (so
 * they cannot leak from train into held-out). The fraction is met in expectation by document count, not exactly.
 *
 * <pre>{@code
 * Split split = Split.of(corpus.category("nl/en"), 0.05, 7);
 * train(split.train());
 * evaluate(split.heldOut());
 * }</pre>
 */
public final class Split {
    static final String PURPOSE = "split";
    private static final BigDecimal TWO_TO_64 =
            new BigDecimal(BigDecimal.valueOf(2).toBigInteger().pow(64));

    private final TextSource source;
    private final double heldOutFraction;
    private final long seed;
    private final long threshold;
    private final boolean allHeldOut;

    private Split(TextSource source, double heldOutFraction, long seed) {
        this.source = source;
        this.heldOutFraction = heldOutFraction;
        this.seed = seed;
        this.allHeldOut = heldOutFraction == 1.0;
        this.threshold = allHeldOut
                ? 0
                : new BigDecimal(heldOutFraction)
                        .multiply(TWO_TO_64)
                        .toBigInteger()
                        .longValue();
    }

    /** @throws IllegalArgumentException unless 0 <= heldOutFraction <= 1 */
    public static Split of(TextSource source, double heldOutFraction, long seed) {
        if (!(heldOutFraction >= 0 && heldOutFraction <= 1)) {
            throw new IllegalArgumentException("heldOutFraction must be in [0, 1]: " + heldOutFraction);
        }
        return new Split(source, heldOutFraction, seed);
    }

    /** The documents not held out, in the source's order. */
    public TextSource train() {
        return part(false);
    }

    /** The held-out documents, in the source's order. */
    public TextSource heldOut() {
        return part(true);
    }

    public double heldOutFraction() {
        return heldOutFraction;
    }

    /** Whether {@code document} is held out under a split with this fraction and seed. */
    public boolean isHeldOut(String document) {
        return isHeldOut(new DocumentKey(PURPOSE, seed), document);
    }

    private boolean isHeldOut(DocumentKey keys, String document) {
        return allHeldOut || Long.compareUnsigned(keys.of(document), threshold) < 0;
    }

    private TextSource part(boolean heldOut) {
        String name = source.name() + (heldOut ? " (held out)" : " (train)");
        return new TextSource() {
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
                DocumentKey keys = new DocumentKey(PURPOSE, seed);
                return source.documents().filter(d -> isHeldOut(keys, d) == heldOut);
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }
}
