package dev.tokensmith.core;

import java.util.Arrays;
import java.util.List;

/**
 * The result of encoding: token ids, token strings, offsets into the original text, type ids, word ids, the
 * special-tokens mask and the attention mask, all of one length.
 *
 * <p>Offsets are UTF-16 indices into the text as given ({@code text.substring(start, end)} is the token's
 * source); HF tokenizers reports code-point indices, which equal these for text without supplementary
 * characters ({@link #codePointOffsets} converts). Added special tokens have offsets (0, 0). Immutable;
 * accessors return copies, {@code *At} accessors read without copying.
 */
public final class Encoding {
    private static final Encoding EMPTY = new Encoding(
            new int[0],
            new String[0],
            new int[0],
            new int[0],
            new int[0],
            new int[0],
            new int[0],
            new int[0],
            List.of());

    private final int[] ids;
    private final String[] tokens;
    private final int[] offsets; // start, end pairs
    private final int[] typeIds;
    private final int[] wordIds; // -1: none
    private final int[] specialTokensMask;
    private final int[] sequenceIds; // -1: none (special tokens)
    private final int[] attentionMask;
    private final List<Encoding> overflowing;

    Encoding(
            int[] ids,
            String[] tokens,
            int[] offsets,
            int[] typeIds,
            int[] wordIds,
            int[] specialTokensMask,
            int[] sequenceIds,
            int[] attentionMask,
            List<Encoding> overflowing) {
        int n = ids.length;
        if (tokens.length != n
                || offsets.length != 2 * n
                || typeIds.length != n
                || wordIds.length != n
                || specialTokensMask.length != n
                || sequenceIds.length != n
                || attentionMask.length != n) {
            throw new IllegalArgumentException("Encoding arrays differ in length");
        }
        this.ids = ids;
        this.tokens = tokens;
        this.offsets = offsets;
        this.typeIds = typeIds;
        this.wordIds = wordIds;
        this.specialTokensMask = specialTokensMask;
        this.sequenceIds = sequenceIds;
        this.attentionMask = attentionMask;
        this.overflowing = List.copyOf(overflowing);
    }

    public static Encoding empty() {
        return EMPTY;
    }

    public static Builder builder(int capacity) {
        return new Builder(capacity);
    }

    public int size() {
        return ids.length;
    }

    public int[] ids() {
        return ids.clone();
    }

    public int idAt(int i) {
        return ids[i];
    }

    public String[] tokens() {
        return tokens.clone();
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

    /** Offsets as {start0, end0, start1, end1, ...} in UTF-16 units of the input. */
    public int[] offsets() {
        return offsets.clone();
    }

    public int[] typeIds() {
        return typeIds.clone();
    }

    public int typeIdAt(int i) {
        return typeIds[i];
    }

    /** Index of the pre-tokenized word each token came from; -1 for added special tokens. */
    public int[] wordIds() {
        return wordIds.clone();
    }

    public int wordIdAt(int i) {
        return wordIds[i];
    }

    public int[] specialTokensMask() {
        return specialTokensMask.clone();
    }

    public int specialTokensMaskAt(int i) {
        return specialTokensMask[i];
    }

    /** Which input sequence (0 or 1 in a pair) each token came from; -1 for added special tokens. */
    public int[] sequenceIds() {
        return sequenceIds.clone();
    }

    public int sequenceIdAt(int i) {
        return sequenceIds[i];
    }

    /** 1 for real tokens, 0 for padding. */
    public int[] attentionMask() {
        return attentionMask.clone();
    }

    public int attentionMaskAt(int i) {
        return attentionMask[i];
    }

    public List<Encoding> overflowing() {
        return overflowing;
    }

    /** Offsets converted from UTF-16 units of {@code text} to code-point indices, as HF's Python API reports. */
    public int[] codePointOffsets(String text) {
        int[] out = new int[offsets.length];
        for (int i = 0; i < offsets.length; i++) {
            int o = Math.min(offsets[i], text.length());
            out[i] = text.codePointCount(0, o);
        }
        return out;
    }

    /** This encoding with every sequence id set to {@code sequenceId} (specials keep -1 only if already so). */
    public Encoding withSequenceId(int sequenceId) {
        int[] seq = new int[ids.length];
        Arrays.fill(seq, sequenceId);
        return new Encoding(ids, tokens, offsets, typeIds, wordIds, specialTokensMask, seq, attentionMask, overflowing);
    }

    /** This encoding with every type id set to {@code typeId}. */
    public Encoding withTypeId(int typeId) {
        int[] types = new int[ids.length];
        Arrays.fill(types, typeId);
        return new Encoding(
                ids, tokens, offsets, types, wordIds, specialTokensMask, sequenceIds, attentionMask, overflowing);
    }

    /** Tokens {@code [from, to)} as a new encoding (no overflowing). */
    public Encoding slice(int from, int to) {
        Builder b = new Builder(to - from);
        for (int i = from; i < to; i++) {
            b.addFrom(this, i);
        }
        return b.build();
    }

    /**
     * At most {@code maxLength} tokens, keeping the start ({@code fromLeft == false}) or the end; the rest becomes
     * overflowing windows that overlap by {@code stride} tokens (HF's Encoding::truncate).
     */
    public Encoding truncate(int maxLength, int stride, boolean fromLeft) {
        int n = size();
        if (maxLength >= n) {
            return this;
        }
        if (maxLength == 0) {
            return new Builder(0).overflowing(List.of(this)).build();
        }
        if (stride >= maxLength) {
            throw new IllegalArgumentException("stride " + stride + " must be smaller than max_length " + maxLength);
        }
        int step = maxLength - stride;
        List<Encoding> parts = new java.util.ArrayList<>();
        if (!fromLeft) {
            for (int start = 0; start < n; start += step) {
                int stop = Math.min(start + maxLength, n);
                parts.add(slice(start, stop));
                if (stop == n) {
                    break;
                }
            }
        } else {
            for (int stop = n; stop > 0; stop -= step) {
                int start = Math.max(stop - maxLength, 0);
                parts.add(slice(start, stop));
                if (start == 0) {
                    break;
                }
            }
        }
        Encoding head = parts.get(0);
        return new Encoding(
                head.ids,
                head.tokens,
                head.offsets,
                head.typeIds,
                head.wordIds,
                head.specialTokensMask,
                head.sequenceIds,
                head.attentionMask,
                parts.subList(1, parts.size()));
    }

    /** Padded to {@code length} with the given pad token (attention 0, special 1), on the left or the right. */
    public Encoding pad(int length, int padId, int padTypeId, String padToken, boolean left) {
        int n = size();
        if (n >= length) {
            return this;
        }
        Builder b = new Builder(length);
        if (left) {
            for (int i = n; i < length; i++) {
                b.add(padId, padToken, 0, 0, padTypeId, -1, 1, -1, 0);
            }
        }
        for (int i = 0; i < n; i++) {
            b.addFrom(this, i);
        }
        if (!left) {
            for (int i = n; i < length; i++) {
                b.add(padId, padToken, 0, 0, padTypeId, -1, 1, -1, 0);
            }
        }
        List<Encoding> over = new java.util.ArrayList<>();
        for (Encoding o : overflowing) {
            over.add(o.pad(length, padId, padTypeId, padToken, left));
        }
        return b.overflowing(over).build();
    }

    /** The concatenation of {@code parts}, in order. */
    public static Encoding concat(List<Encoding> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        int n = 0;
        for (Encoding e : parts) {
            n += e.size();
        }
        Builder b = new Builder(n);
        for (Encoding e : parts) {
            for (int i = 0; i < e.size(); i++) {
                b.add(
                        e.ids[i],
                        e.tokens[i],
                        e.offsets[2 * i],
                        e.offsets[2 * i + 1],
                        e.typeIds[i],
                        e.wordIds[i],
                        e.specialTokensMask[i],
                        e.sequenceIds[i]);
            }
        }
        return b.build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Encoding e
                && Arrays.equals(ids, e.ids)
                && Arrays.equals(tokens, e.tokens)
                && Arrays.equals(offsets, e.offsets)
                && Arrays.equals(typeIds, e.typeIds)
                && Arrays.equals(wordIds, e.wordIds)
                && Arrays.equals(specialTokensMask, e.specialTokensMask)
                && Arrays.equals(sequenceIds, e.sequenceIds)
                && Arrays.equals(attentionMask, e.attentionMask);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ids);
    }

    @Override
    public String toString() {
        return "Encoding" + Arrays.toString(ids);
    }

    /** Accumulates tokens one by one; the only way to make an Encoding outside this package. */
    public static final class Builder {
        private int[] ids;
        private String[] tokens;
        private int[] offsets;
        private int[] typeIds;
        private int[] wordIds;
        private int[] special;
        private int[] sequenceIds;
        private int[] attention;
        private int size;
        private List<Encoding> overflowing = List.of();

        Builder(int capacity) {
            int c = Math.max(4, capacity);
            ids = new int[c];
            tokens = new String[c];
            offsets = new int[2 * c];
            typeIds = new int[c];
            wordIds = new int[c];
            special = new int[c];
            sequenceIds = new int[c];
            attention = new int[c];
        }

        public Builder add(
                int id, String token, int start, int end, int typeId, int wordId, int specialMask, int sequenceId) {
            return add(id, token, start, end, typeId, wordId, specialMask, sequenceId, 1);
        }

        public Builder add(
                int id,
                String token,
                int start,
                int end,
                int typeId,
                int wordId,
                int specialMask,
                int sequenceId,
                int attentionMask) {
            if (size == ids.length) {
                int c = size * 2;
                ids = Arrays.copyOf(ids, c);
                tokens = Arrays.copyOf(tokens, c);
                offsets = Arrays.copyOf(offsets, 2 * c);
                typeIds = Arrays.copyOf(typeIds, c);
                wordIds = Arrays.copyOf(wordIds, c);
                special = Arrays.copyOf(special, c);
                sequenceIds = Arrays.copyOf(sequenceIds, c);
                attention = Arrays.copyOf(attention, c);
            }
            ids[size] = id;
            tokens[size] = token;
            offsets[2 * size] = start;
            offsets[2 * size + 1] = end;
            typeIds[size] = typeId;
            wordIds[size] = wordId;
            special[size] = specialMask;
            sequenceIds[size] = sequenceId;
            attention[size] = attentionMask;
            size++;
            return this;
        }

        /** Adds token {@code i} of {@code from} with the same fields. */
        public Builder addFrom(Encoding from, int i) {
            return add(
                    from.ids[i],
                    from.tokens[i],
                    from.offsets[2 * i],
                    from.offsets[2 * i + 1],
                    from.typeIds[i],
                    from.wordIds[i],
                    from.specialTokensMask[i],
                    from.sequenceIds[i],
                    from.attentionMask[i]);
        }

        public Builder overflowing(List<Encoding> overflowing) {
            this.overflowing = overflowing;
            return this;
        }

        public int size() {
            return size;
        }

        public Encoding build() {
            return new Encoding(
                    Arrays.copyOf(ids, size),
                    Arrays.copyOf(tokens, size),
                    Arrays.copyOf(offsets, 2 * size),
                    Arrays.copyOf(typeIds, size),
                    Arrays.copyOf(wordIds, size),
                    Arrays.copyOf(special, size),
                    Arrays.copyOf(sequenceIds, size),
                    Arrays.copyOf(attention, size),
                    overflowing);
        }
    }
}
