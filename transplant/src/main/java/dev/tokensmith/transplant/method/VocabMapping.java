package dev.tokensmith.transplant.method;

/**
 * The minimal view of a vocabulary alignment a transplant needs: the shared tokens as {@code (oldId, newId)}
 * pairs (special tokens matched by role included) and the new tokens with their surface texts. Made from
 * {@code transplant.align.VocabAlignment} by the transplant service.
 *
 * @param newVocabSize rows of the new tables
 * @param sharedOld old ids of the shared tokens
 * @param sharedNew their new ids
 * @param newIds the tokens that need estimated rows
 * @param newTexts their surface texts
 */
public record VocabMapping(int newVocabSize, int[] sharedOld, int[] sharedNew, int[] newIds, String[] newTexts) {
    public VocabMapping {
        if (sharedOld.length != sharedNew.length || newIds.length != newTexts.length) {
            throw new IllegalArgumentException("shared and new arrays must be aligned");
        }
    }

    /** A problem builder over {@code baseInput} with this mapping's shared and new tokens. */
    public TransplantProblem.Builder problem(dev.tokensmith.math.FloatMatrix baseInput) {
        return TransplantProblem.builder(baseInput, newVocabSize)
                .shared(sharedOld, sharedNew)
                .newTokens(newIds, newTexts);
    }
}
