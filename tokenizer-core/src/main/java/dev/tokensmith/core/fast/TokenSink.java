package dev.tokensmith.core.fast;

import java.util.Arrays;

/**
 * Where a {@link SegmentEncoder} appends tokens: ids, original-text offsets (UTF-16 units) and word indices, in
 * growable primitive arrays that one thread reuses from call to call. The word index is HF's split index: it
 * counts the pre-tokenizer's pieces and the added tokens of one sequence.
 */
public final class TokenSink {
    private static final ThreadLocal<TokenSink> SCRATCH = ThreadLocal.withInitial(TokenSink::new);

    private int[] ids = new int[64];
    private int[] starts = new int[64];
    private int[] ends = new int[64];
    private int[] words = new int[64];
    private int size;
    private int word;

    /** This thread's spare sink, for encoders that need one briefly (not reentrant). */
    static TokenSink scratch() {
        return SCRATCH.get();
    }

    /** Empties the sink and restarts word numbering. */
    public void clear() {
        size = 0;
        word = 0;
    }

    /** Appends a token of the current word. */
    public void add(int id, int start, int end) {
        if (size == ids.length) {
            int c = size * 2;
            ids = Arrays.copyOf(ids, c);
            starts = Arrays.copyOf(starts, c);
            ends = Arrays.copyOf(ends, c);
            words = Arrays.copyOf(words, c);
        }
        ids[size] = id;
        starts[size] = start;
        ends[size] = end;
        words[size] = word;
        size++;
    }

    /** Ends the current word: the next token belongs to the next one. */
    public void endWord() {
        word++;
    }

    public int size() {
        return size;
    }

    public int idAt(int i) {
        return ids[i];
    }

    public int startAt(int i) {
        return starts[i];
    }

    public int endAt(int i) {
        return ends[i];
    }

    public int wordAt(int i) {
        return words[i];
    }

    /** The ids appended so far, copied. */
    public int[] ids() {
        return Arrays.copyOf(ids, size);
    }
}
