package dev.tokensmith.transplant.method;

import dev.tokensmith.math.FloatMatrix;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * What a transplant method needs: the base model's tables, which of its rows form the old vocabulary, the new
 * vocabulary's size, the shared tokens as {@code (oldId, newId)} pairs, and the new tokens (new id and surface
 * text, the canonical text the token stands for in running text, e.g. {@code " the"} for a word-initial token
 * and {@code "ing"} for a continuation). A donor, when there is one, has the new vocabulary: its rows are
 * indexed by new ids.
 *
 * <p>Shared tokens always copy their base row; methods only estimate rows for {@link #newIds()}. The old
 * vocabulary ({@link #oldIds()}) is every base row unless the caller says otherwise (the held-out experiment
 * hides the held-out rows from the methods by leaving them out).
 *
 * <pre>{@code
 * TransplantProblem p = TransplantProblem.builder(baseInput, newVocabSize)
 *         .shared(oldIds, newIds).newTokens(ids, texts).donor(DonorTables.of(donorInput)).build();
 * }</pre>
 *
 * @param baseInput the base model's input embeddings [base rows, hidden]
 * @param baseHead the base model's output head [base rows, hidden], empty when tied
 * @param oldIds the base rows that belong to the old vocabulary (ascending)
 * @param newVocabSize the number of rows of the new tables
 * @param sharedOld old ids of the shared tokens
 * @param sharedNew new ids of the shared tokens (aligned with {@code sharedOld})
 * @param newIds the new tokens, which need estimated rows
 * @param newTexts their surface texts (aligned with {@code newIds})
 * @param donor the donor's tables, indexed by new ids, if any
 */
public record TransplantProblem(
        FloatMatrix baseInput,
        Optional<FloatMatrix> baseHead,
        int[] oldIds,
        int newVocabSize,
        int[] sharedOld,
        int[] sharedNew,
        int[] newIds,
        String[] newTexts,
        Optional<DonorTables> donor) {

    public TransplantProblem {
        Objects.requireNonNull(baseInput, "baseInput");
        baseHead.ifPresent(h -> {
            if (h.rows() != baseInput.rows() || h.cols() != baseInput.cols()) {
                throw new IllegalArgumentException("the base output head is " + h.rows() + "x" + h.cols()
                        + " but the input embeddings are " + baseInput.rows() + "x" + baseInput.cols());
            }
        });
        if (sharedOld.length != sharedNew.length) {
            throw new IllegalArgumentException(
                    sharedOld.length + " shared old ids but " + sharedNew.length + " shared new ids");
        }
        if (newIds.length != newTexts.length) {
            throw new IllegalArgumentException(newIds.length + " new ids but " + newTexts.length + " texts");
        }
        for (int id : oldIds) {
            Objects.checkIndex(id, baseInput.rows());
        }
        for (int id : sharedOld) {
            Objects.checkIndex(id, baseInput.rows());
        }
        boolean[] seen = new boolean[newVocabSize];
        for (int id : sharedNew) {
            claim(seen, id, "shared");
        }
        for (int id : newIds) {
            claim(seen, id, "new");
        }
        donor.ifPresent(d -> {
            if (d.input().rows() < newVocabSize || d.input().cols() <= 0) {
                throw new IllegalArgumentException("the donor's input embeddings have "
                        + d.input().rows() + " rows; the new vocabulary needs " + newVocabSize);
            }
        });
    }

    private static void claim(boolean[] seen, int id, String what) {
        Objects.checkIndex(id, seen.length);
        if (seen[id]) {
            throw new IllegalArgumentException("new id " + id + " is listed twice (as " + what + ")");
        }
        seen[id] = true;
    }

    public static Builder builder(FloatMatrix baseInput, int newVocabSize) {
        return new Builder(baseInput, newVocabSize);
    }

    /** The hidden size. */
    public int hidden() {
        return baseInput.cols();
    }

    /** Whether the base has a separate output head. */
    public boolean untied() {
        return baseHead.isPresent();
    }

    /** The base table a method reads for {@code table}. */
    public FloatMatrix base(Table table) {
        return table == Table.INPUT
                ? baseInput
                : baseHead.orElseThrow(() -> new IllegalStateException("the base model has tied embeddings"));
    }

    /** The donor table for {@code table} (its head, or its input embeddings when the donor is tied). */
    public Optional<FloatMatrix> donor(Table table) {
        return donor.map(d -> table == Table.HEAD ? d.head().orElse(d.input()) : d.input());
    }

    /** The new token texts in a form safe to print. */
    public String text(int newIndex) {
        return newTexts[newIndex];
    }

    /** Options for a {@link TransplantProblem}. */
    public static final class Builder {
        private final FloatMatrix baseInput;
        private final int newVocabSize;
        private Optional<FloatMatrix> baseHead = Optional.empty();
        private int[] oldIds;
        private int[] sharedOld = new int[0];
        private int[] sharedNew = new int[0];
        private int[] newIds = new int[0];
        private String[] newTexts = new String[0];
        private Optional<DonorTables> donor = Optional.empty();

        private Builder(FloatMatrix baseInput, int newVocabSize) {
            this.baseInput = baseInput;
            this.newVocabSize = newVocabSize;
        }

        public Builder head(FloatMatrix head) {
            this.baseHead = Optional.ofNullable(head);
            return this;
        }

        /** The base rows of the old vocabulary (default: all). */
        public Builder oldIds(int[] ids) {
            this.oldIds = ids.clone();
            Arrays.sort(this.oldIds);
            return this;
        }

        public Builder shared(int[] oldIds, int[] newIds) {
            this.sharedOld = oldIds.clone();
            this.sharedNew = newIds.clone();
            return this;
        }

        public Builder newTokens(int[] ids, String[] texts) {
            this.newIds = ids.clone();
            this.newTexts = texts.clone();
            return this;
        }

        public Builder donor(DonorTables donor) {
            this.donor = Optional.ofNullable(donor);
            return this;
        }

        public TransplantProblem build() {
            int[] old = oldIds;
            if (old == null) {
                old = new int[baseInput.rows()];
                Arrays.setAll(old, i -> i);
            }
            return new TransplantProblem(
                    baseInput, baseHead, old, newVocabSize, sharedOld, sharedNew, newIds, newTexts, donor);
        }
    }
}
