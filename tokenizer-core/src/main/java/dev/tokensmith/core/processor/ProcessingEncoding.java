package dev.tokensmith.core.processor;

import dev.tokensmith.core.Encoding;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An encoding on its way through the post-processors. Besides the token data it carries HF's <em>sequence
 * ranges</em> (sequence id to token range), which is how HF tracks which input a token came from while
 * encodings are wrapped, re-tagged and merged; the final {@link Encoding#sequenceIds()} are derived from them
 * exactly as HF derives them, quirks included (a range missing for a sequence id below the number of ranges
 * covers everything; later ids overwrite earlier ones). Immutable.
 */
public final class ProcessingEncoding {
    private static final ProcessingEncoding EMPTY = new ProcessingEncoding(
            new int[0], new String[0], new int[0], new int[0], new int[0], new int[0], Map.of(), List.of());

    private final int[] ids;
    private final String[] tokens;
    private final int[] offsets; // start, end pairs
    private final int[] typeIds;
    private final int[] wordIds; // -1: none
    private final int[] specialTokensMask;
    private final Map<Integer, Range> ranges;
    private final List<ProcessingEncoding> overflowing;

    /** A half-open token range {@code [start, end)}. */
    record Range(int start, int end) {}

    private ProcessingEncoding(
            int[] ids,
            String[] tokens,
            int[] offsets,
            int[] typeIds,
            int[] wordIds,
            int[] specialTokensMask,
            Map<Integer, Range> ranges,
            List<ProcessingEncoding> overflowing) {
        this.ids = ids;
        this.tokens = tokens;
        this.offsets = offsets;
        this.typeIds = typeIds;
        this.wordIds = wordIds;
        this.specialTokensMask = specialTokensMask;
        this.ranges = ranges;
        this.overflowing = overflowing;
    }

    /**
     * The model's encoding as HF hands it to post-processing: no sequence ranges (the sequence ids of {@code e}
     * are ignored), overflowing parts converted alike.
     */
    public static ProcessingEncoding of(Encoding e) {
        int n = e.size();
        List<ProcessingEncoding> over = new ArrayList<>(e.overflowing().size());
        for (Encoding o : e.overflowing()) {
            over.add(of(o));
        }
        String[] tokens = new String[n];
        int[] special = new int[n];
        for (int i = 0; i < n; i++) {
            tokens[i] = e.tokenAt(i);
            special[i] = e.specialTokensMaskAt(i);
        }
        return new ProcessingEncoding(
                e.ids(), tokens, e.offsets(), e.typeIds(), e.wordIds(), special, Map.of(), List.copyOf(over));
    }

    /**
     * Input {@code index} (0 or 1) prepared as HF's {@code PostProcessor::process} does before calling the
     * processor: the whole encoding and each overflowing part get sequence id {@code index}; the encoding
     * itself (not its overflowing parts) gets type id {@code index}.
     */
    static ProcessingEncoding input(Encoding e, int index) {
        ProcessingEncoding p = of(e);
        List<ProcessingEncoding> over = new ArrayList<>(p.overflowing.size());
        for (ProcessingEncoding o : p.overflowing) {
            over.add(o.withSequenceId(index));
        }
        return p.withOverflowing(over).withSequenceId(index).withTypeIds(index);
    }

    /** A run of special tokens, as a template's special-token piece adds them: no sequence ranges. */
    static ProcessingEncoding special(int[] ids, List<String> tokens, int typeId) {
        Builder b = new Builder(ids.length);
        for (int i = 0; i < ids.length; i++) {
            b.add(ids[i], tokens.get(i), 0, 0, typeId, -1, 1);
        }
        return b.build(Map.of(), List.of());
    }

    public int size() {
        return ids.length;
    }

    public int idAt(int i) {
        return ids[i];
    }

    public String tokenAt(int i) {
        return tokens[i];
    }

    public int startAt(int i) {
        return offsets[2 * i];
    }

    public int endAt(int i) {
        return offsets[2 * i + 1];
    }

    public int typeIdAt(int i) {
        return typeIds[i];
    }

    public int wordIdAt(int i) {
        return wordIds[i];
    }

    public int specialTokensMaskAt(int i) {
        return specialTokensMask[i];
    }

    public List<ProcessingEncoding> overflowing() {
        return overflowing;
    }

    /** Offsets as {start0, end0, start1, end1, ...}. */
    public int[] offsets() {
        return offsets.clone();
    }

    /** The sequence id of each token, -1 for none, by HF's rule ({@code Encoding::get_sequence_ids}). */
    public int[] sequenceIds() {
        int n = ids.length;
        int[] seq = new int[n];
        Arrays.fill(seq, -1);
        int count = ranges.isEmpty() ? 1 : ranges.size();
        for (int s = 0; s < count; s++) {
            Range r = ranges.get(s);
            int start = r == null ? 0 : Math.min(r.start(), n);
            int end = r == null ? n : Math.min(r.end(), n);
            Arrays.fill(seq, start, Math.max(start, end), s);
        }
        return seq;
    }

    /** This encoding with {@code [0, size)} recorded as sequence {@code sequenceId} (HF's set_sequence_id). */
    public ProcessingEncoding withSequenceId(int sequenceId) {
        Map<Integer, Range> r = new HashMap<>(ranges);
        r.put(sequenceId, new Range(0, ids.length));
        return new ProcessingEncoding(
                ids, tokens, offsets, typeIds, wordIds, specialTokensMask, Map.copyOf(r), overflowing);
    }

    /** This encoding with every type id set to {@code typeId}; overflowing parts keep theirs, as in HF. */
    public ProcessingEncoding withTypeIds(int typeId) {
        int[] t = new int[ids.length];
        Arrays.fill(t, typeId);
        return new ProcessingEncoding(ids, tokens, offsets, t, wordIds, specialTokensMask, ranges, overflowing);
    }

    ProcessingEncoding withOffsets(int[] newOffsets) {
        return new ProcessingEncoding(
                ids, tokens, newOffsets, typeIds, wordIds, specialTokensMask, ranges, overflowing);
    }

    ProcessingEncoding withOverflowing(List<ProcessingEncoding> newOverflowing) {
        return new ProcessingEncoding(
                ids, tokens, offsets, typeIds, wordIds, specialTokensMask, ranges, List.copyOf(newOverflowing));
    }

    /** HF's {@code Encoding::merge(encodings, false)}: concatenation, overflowing parts combined pairwise. */
    public static ProcessingEncoding merge(List<ProcessingEncoding> parts) {
        ProcessingEncoding acc = EMPTY;
        for (ProcessingEncoding p : parts) {
            acc = acc.mergeWith(p);
        }
        return acc;
    }

    /**
     * HF's {@code merge_with(pair, false)}: {@code pair} appended (offsets unchanged, its ranges shifted); the
     * overflowing parts are every combination of ours and its (ours with it, ours with its overflowing parts,
     * then us with its overflowing parts).
     */
    public ProcessingEncoding mergeWith(ProcessingEncoding pair) {
        List<ProcessingEncoding> over = new ArrayList<>();
        for (ProcessingEncoding selfO : overflowing) {
            over.add(selfO.mergeWith(pair));
            for (ProcessingEncoding otherO : pair.overflowing) {
                over.add(selfO.mergeWith(otherO));
            }
        }
        for (ProcessingEncoding otherO : pair.overflowing) {
            over.add(mergeWith(otherO));
        }
        int n = ids.length;
        Map<Integer, Range> r = new HashMap<>(ranges);
        for (Map.Entry<Integer, Range> e : pair.ranges.entrySet()) {
            r.put(
                    e.getKey(),
                    new Range(n + e.getValue().start(), n + e.getValue().end()));
        }
        return new ProcessingEncoding(
                concat(ids, pair.ids),
                concat(tokens, pair.tokens),
                concat(offsets, pair.offsets),
                concat(typeIds, pair.typeIds),
                concat(wordIds, pair.wordIds),
                concat(specialTokensMask, pair.specialTokensMask),
                Map.copyOf(r),
                List.copyOf(over));
    }

    /** The public form: sequence ids resolved from the ranges; overflowing parts converted alike. */
    public Encoding toEncoding() {
        int[] seq = sequenceIds();
        Encoding.Builder b = Encoding.builder(ids.length);
        for (int i = 0; i < ids.length; i++) {
            b.add(
                    ids[i],
                    tokens[i],
                    offsets[2 * i],
                    offsets[2 * i + 1],
                    typeIds[i],
                    wordIds[i],
                    specialTokensMask[i],
                    seq[i]);
        }
        List<Encoding> over = new ArrayList<>(overflowing.size());
        for (ProcessingEncoding o : overflowing) {
            over.add(o.toEncoding());
        }
        return b.overflowing(List.copyOf(over)).build();
    }

    private static int[] concat(int[] a, int[] b) {
        int[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Accumulates tokens for the processors that wrap encodings in special tokens. */
    static final class Builder {
        private int[] ids;
        private String[] tokens;
        private int[] offsets;
        private int[] typeIds;
        private int[] wordIds;
        private int[] special;
        private int size;

        Builder(int capacity) {
            int c = Math.max(1, capacity);
            ids = new int[c];
            tokens = new String[c];
            offsets = new int[2 * c];
            typeIds = new int[c];
            wordIds = new int[c];
            special = new int[c];
        }

        Builder add(int id, String token, int start, int end, int typeId, int wordId, int specialMask) {
            if (size == ids.length) {
                int c = size * 2;
                ids = Arrays.copyOf(ids, c);
                tokens = Arrays.copyOf(tokens, c);
                offsets = Arrays.copyOf(offsets, 2 * c);
                typeIds = Arrays.copyOf(typeIds, c);
                wordIds = Arrays.copyOf(wordIds, c);
                special = Arrays.copyOf(special, c);
            }
            ids[size] = id;
            tokens[size] = token;
            offsets[2 * size] = start;
            offsets[2 * size + 1] = end;
            typeIds[size] = typeId;
            wordIds[size] = wordId;
            special[size] = specialMask;
            size++;
            return this;
        }

        /** Adds every token of {@code e} as a non-special token, with type id {@code typeId} (-1: keep). */
        Builder addSequence(ProcessingEncoding e, int typeId) {
            for (int i = 0; i < e.size(); i++) {
                add(
                        e.ids[i],
                        e.tokens[i],
                        e.offsets[2 * i],
                        e.offsets[2 * i + 1],
                        typeId < 0 ? e.typeIds[i] : typeId,
                        e.wordIds[i],
                        0);
            }
            return this;
        }

        int size() {
            return size;
        }

        ProcessingEncoding build(Map<Integer, Range> ranges, List<ProcessingEncoding> overflowing) {
            return new ProcessingEncoding(
                    Arrays.copyOf(ids, size),
                    Arrays.copyOf(tokens, size),
                    Arrays.copyOf(offsets, 2 * size),
                    Arrays.copyOf(typeIds, size),
                    Arrays.copyOf(wordIds, size),
                    Arrays.copyOf(special, size),
                    Map.copyOf(ranges),
                    List.copyOf(overflowing));
        }
    }
}
