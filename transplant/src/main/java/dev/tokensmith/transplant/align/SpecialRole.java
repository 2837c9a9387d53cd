package dev.tokensmith.transplant.align;

import java.util.Locale;

/**
 * What a special token is for. Roles match special tokens across tokenizers whose spellings differ ({@code <s>}
 * and {@code <|begin_of_text|>} are both {@link #BOS}). {@link #CLS} and {@link #BOS}, and {@link #SEP} and {@link
 * #EOS}, stand in for each other when one side has only the other.
 */
public enum SpecialRole {
    BOS,
    EOS,
    PAD,
    UNK,
    CLS,
    SEP,
    MASK;

    /** The role's name as written on the command line and in JSON: {@code bos}, {@code eos}, ... */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role that may stand in for this one when a tokenizer lacks it, or null. */
    public SpecialRole standIn() {
        return switch (this) {
            case BOS -> CLS;
            case CLS -> BOS;
            case EOS -> SEP;
            case SEP -> EOS;
            default -> null;
        };
    }

    /** The role named {@code label} (any case). */
    public static SpecialRole parse(String label) {
        for (SpecialRole r : values()) {
            if (r.label().equalsIgnoreCase(label)) {
                return r;
            }
        }
        throw new IllegalArgumentException(
                "unknown special-token role \"" + label + "\" (roles: bos, eos, pad," + " unk, cls, sep, mask)");
    }
}
