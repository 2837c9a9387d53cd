package dev.tokensmith.transplant.method;

import dev.tokensmith.math.FloatMatrix;
import java.util.Objects;
import java.util.Optional;

/**
 * A donor model's tables, one row per token of the new vocabulary (the donor is the model that already has
 * the new tokenizer). The hidden size may differ from the base's: OMP only reads coefficients from it.
 *
 * @param input the donor's input embeddings
 * @param head the donor's output head, empty when tied
 */
public record DonorTables(FloatMatrix input, Optional<FloatMatrix> head) {
    public DonorTables {
        Objects.requireNonNull(input, "input");
        head.ifPresent(h -> {
            if (h.rows() != input.rows()) {
                throw new IllegalArgumentException(
                        "the donor's head has " + h.rows() + " rows but its input embeddings " + input.rows());
            }
        });
    }

    /** A donor with tied embeddings. */
    public static DonorTables of(FloatMatrix input) {
        return new DonorTables(input, Optional.empty());
    }
}
