package dev.tokensmith.cli.compare;

/**
 * What an encoding shows of a text, in a form both sides can produce.
 *
 * @param ids token ids
 * @param tokens token strings
 * @param offsets {start, end} per token in code points of the text (HF's char offsets); -1, -1 where a side has
 *     none (special tokens added by a post-processor)
 */
public record Tokenization(int[] ids, String[] tokens, int[] offsets) {
    public Tokenization {
        if (tokens.length != ids.length || offsets.length != 2 * ids.length) {
            throw new IllegalArgumentException("ids, tokens and offsets differ in length");
        }
    }

    public int size() {
        return ids.length;
    }

    boolean hasOffsets(int i) {
        return offsets[2 * i] >= 0;
    }
}
