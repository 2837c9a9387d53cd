package dev.tokensmith.corpora.mix;

import dev.tokensmith.corpora.CorpusException;
import dev.tokensmith.corpora.TextSource;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * A reproducible sample of a given number of bytes of a source's documents.
 *
 * <p>Every document gets a {@link DocumentKey} (purpose {@code "sample"}, the seed); the sample is the documents
 * with the smallest keys whose UTF-8 bytes add up to the target, emitted in the source's order. The last document
 * needed (the one with the largest key taken) is cut to fit under {@link Cut#TRUNCATE} (at a character boundary,
 * so the total is the target exactly, or up to 3 bytes less when the cut falls inside a character) and kept
 * whole under {@link Cut#WHOLE_DOCUMENT} (the total then exceeds the target by less than that document). When
 * the source holds no more than the target, the sample is the whole source.
 *
 * <p>Which documents are chosen depends only on their text, the seed and the target, not on their order; the
 * same seed gives the same bytes, another seed another sample. Planning reads the source twice with constant
 * memory (a histogram of bytes over the top 16 key bits, then the keys in the one bucket that the target falls
 * in); reading the sample reads the source once more.
 *
 * <pre>{@code
 * ByteSample sample = ByteSample.of(corpus.category("nl/de"), 1_000_000, 42);
 * try (Stream<String> docs = sample.documents()) { ... }   // 1,000,000 bytes of German documents
 * }</pre>
 */
public final class ByteSample implements TextSource {
    /** What to do with the last document needed, which is longer than the bytes still missing. */
    public enum Cut {
        /** Keep its longest prefix that fits, cut at a character boundary. */
        TRUNCATE,
        /** Keep it whole. */
        WHOLE_DOCUMENT
    }

    static final String PURPOSE = "sample";
    private static final int BUCKET_BITS = 16;

    private final TextSource source;
    private final long targetBytes;
    private final long seed;
    private final Cut cut;
    private final long sourceBytes;
    private final boolean everything;
    private final long thresholdKey;
    private final long budgetAtThreshold;

    private ByteSample(TextSource source, long targetBytes, long seed, Cut cut) {
        this.source = source;
        this.targetBytes = targetBytes;
        this.seed = seed;
        this.cut = cut;
        long[] bytesPerBucket = new long[1 << BUCKET_BITS];
        long total = 0;
        DocumentKey keys = new DocumentKey(PURPOSE, seed);
        try (Stream<String> docs = source.documents()) {
            for (Iterator<String> it = docs.iterator(); it.hasNext(); ) {
                byte[] doc = it.next().getBytes(StandardCharsets.UTF_8);
                bytesPerBucket[bucket(keys.of(doc))] += doc.length;
                total += doc.length;
            }
        }
        this.sourceBytes = total;
        this.everything = total <= targetBytes;
        if (everything || targetBytes == 0) {
            thresholdKey = 0; // with no budget: nothing is below key 0, nothing at it is taken
            budgetAtThreshold = 0;
            return;
        }
        int bucket = 0;
        long below = 0;
        while (below + bytesPerBucket[bucket] < targetBytes) {
            below += bytesPerBucket[bucket++];
        }
        long[] threshold = threshold(bucket, targetBytes - below);
        thresholdKey = threshold[0];
        budgetAtThreshold = threshold[1];
    }

    /** A sample of {@code bytes} bytes (the last document truncated to fit). */
    public static ByteSample of(TextSource source, long bytes, long seed) {
        return of(source, bytes, seed, Cut.TRUNCATE);
    }

    /**
     * A sample of {@code bytes} bytes of the source's documents; reads the source twice to plan it.
     *
     * @throws IllegalArgumentException when {@code bytes} is negative
     */
    public static ByteSample of(TextSource source, long bytes, long seed, Cut cut) {
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must be >= 0: " + bytes);
        }
        return new ByteSample(source, bytes, seed, cut);
    }

    /** The bytes asked for. */
    public long targetBytes() {
        return targetBytes;
    }

    /** The UTF-8 bytes of all the source's documents (measured while planning). */
    public long sourceBytes() {
        return sourceBytes;
    }

    public long seed() {
        return seed;
    }

    @Override
    public String name() {
        return source.name();
    }

    @Override
    public OptionalLong sizeBytes() {
        return OptionalLong.empty();
    }

    @Override
    public Stream<String> documents() {
        Stream<String> base = source.documents();
        if (everything) {
            return base;
        }
        Selector selector = new Selector();
        return base.map(selector::select).filter(Objects::nonNull);
    }

    /** Decides, document by document in source order, what the sample keeps of it (null: nothing). */
    private final class Selector {
        private final DocumentKey keys = new DocumentKey(PURPOSE, seed);
        private long budget = budgetAtThreshold;

        String select(String doc) {
            byte[] utf8 = doc.getBytes(StandardCharsets.UTF_8);
            int order = Long.compareUnsigned(keys.of(utf8), thresholdKey);
            if (order < 0) {
                return doc;
            }
            if (order > 0 || budget == 0) {
                return null;
            }
            if (utf8.length <= budget || cut == Cut.WHOLE_DOCUMENT) {
                budget = Math.max(0, budget - utf8.length);
                return doc;
            }
            int end = (int) budget;
            budget = 0;
            while (end > 0 && (utf8[end] & 0xc0) == 0x80) {
                end--;
            }
            return end == 0 ? null : new String(utf8, 0, end, StandardCharsets.UTF_8);
        }
    }

    @Override
    public String toString() {
        return "sample of " + targetBytes + " bytes of " + source.name() + " (seed " + seed + ")";
    }

    private static int bucket(long key) {
        return (int) (key >>> (64 - BUCKET_BITS));
    }

    /**
     * The key of the last document needed and the bytes that documents with exactly that key may contribute, found
     * among the documents of one histogram bucket, {@code need} being the bytes still missing below that bucket.
     */
    private long[] threshold(int bucket, long need) {
        long[] keys = new long[16];
        long[] sizes = new long[16];
        int n = 0;
        DocumentKey keyer = new DocumentKey(PURPOSE, seed);
        try (Stream<String> docs = source.documents()) {
            for (Iterator<String> it = docs.iterator(); it.hasNext(); ) {
                byte[] doc = it.next().getBytes(StandardCharsets.UTF_8);
                long key = keyer.of(doc);
                if (bucket(key) == bucket) {
                    if (n == keys.length) {
                        keys = Arrays.copyOf(keys, 2 * n);
                        sizes = Arrays.copyOf(sizes, 2 * n);
                    }
                    keys[n] = key;
                    sizes[n++] = doc.length;
                }
            }
        }
        // Sort (key, size) pairs by unsigned key: flipping the sign bit makes signed order unsigned order.
        long[][] pairs = new long[n][];
        for (int i = 0; i < n; i++) {
            pairs[i] = new long[] {keys[i] ^ Long.MIN_VALUE, sizes[i]};
        }
        Arrays.sort(pairs, (a, b) -> Long.compare(a[0], b[0]));
        long below = 0;
        for (int i = 0; i < n; ) {
            long key = pairs[i][0];
            long same = 0;
            int j = i;
            while (j < n && pairs[j][0] == key) {
                same += pairs[j++][1];
            }
            if (below + same >= need) {
                return new long[] {key ^ Long.MIN_VALUE, need - below};
            }
            below += same;
            i = j;
        }
        throw new CorpusException(source.name() + ": changed while being sampled (its documents differ between reads)");
    }
}
