package dev.tokensmith.cli.compare;

/**
 * The first difference found for one input.
 *
 * @param input index of the input (0-based)
 * @param addSpecialTokens whether special tokens were being added
 * @param aspect what differs: "ids", "tokens", "offsets", "decode", "decode (skip special tokens)" or "error"
 * @param position token index (for ids, tokens, offsets), code-point index (decode), or -1 (error)
 * @param ours what Tokensmith produced around the position
 * @param reference what the reference produced around the position
 */
public record Mismatch(
        int input, boolean addSpecialTokens, String aspect, int position, String ours, String reference) {}
