package dev.tokensmith.cli.compare;

/**
 * The outcome of comparing Tokensmith with the reference over some inputs.
 *
 * @param inputs how many inputs were compared
 * @param tokens how many tokens the reference produced for them (without special tokens)
 * @param mismatchingInputs how many inputs differ in any way
 * @param first the first difference, or null when everything matches
 */
public record ComparisonResult(int inputs, long tokens, int mismatchingInputs, Mismatch first) {
    public boolean matches() {
        return mismatchingInputs == 0;
    }
}
