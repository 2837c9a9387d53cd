package dev.tokensmith.core.processor;

import java.util.ArrayList;
import java.util.List;

/**
 * One element of a {@link TemplateProcessing} template: an input sequence or a special token, each with the
 * type id its tokens get.
 */
public sealed interface Piece permits Piece.Sequence, Piece.SpecialToken {

    int typeId();

    /** Which input a {@link Piece.Sequence} stands for. */
    enum SequenceId {
        /** The first sequence, always present. */
        A,
        /** The pair's second sequence. */
        B
    }

    /** Input sequence {@code id}, every token of it given {@code typeId}. */
    record Sequence(SequenceId id, int typeId) implements Piece {}

    /** The tokens of the special token registered under {@code id}, given {@code typeId}. */
    record SpecialToken(String id, int typeId) implements Piece {}

    /**
     * Parses HF's piece notation: {@code $A}, {@code $B}, {@code $} (= {@code $A}), {@code $1} (sequence A
     * with type id 1), anything else a special token id; an optional {@code :typeId} suffix sets the type id
     * ({@code $B:1}, {@code [SEP]:1}).
     *
     * @throws IllegalArgumentException when the text is not a piece (HF: "Cannot build Piece from string")
     */
    static Piece parse(String text) {
        String[] parts = text.split(":", -1);
        Piece piece;
        if (parts.length == 2) {
            long typeId = parseU32(parts[1]);
            Piece id = parts[1].isEmpty() || typeId < 0 ? null : extractId(parts[0]);
            if (id == null) {
                throw cannotBuild(text);
            }
            piece = withTypeId(id, (int) typeId);
        } else if (parts.length == 1) {
            piece = extractId(parts[0]);
            if (piece == null) {
                throw cannotBuild(text);
            }
        } else {
            throw cannotBuild(text);
        }
        return piece;
    }

    /** Parses a whole template: pieces separated by single spaces, as HF's {@code Template::try_from(&str)}. */
    static List<Piece> parseTemplate(String text) {
        List<Piece> out = new ArrayList<>();
        for (String part : text.split(" ", -1)) {
            out.add(parse(part));
        }
        return List.copyOf(out);
    }

    private static Piece extractId(String s) {
        if (!s.startsWith("$")) {
            return new SpecialToken(s, 0);
        }
        String rest = s.substring(1);
        return switch (rest) {
            case "", "A", "a" -> new Sequence(SequenceId.A, 0);
            case "B", "b" -> new Sequence(SequenceId.B, 0);
            default -> {
                long typeId = parseU32(rest);
                yield typeId < 0 ? null : new Sequence(SequenceId.A, (int) typeId);
            }
        };
    }

    private static Piece withTypeId(Piece p, int typeId) {
        return switch (p) {
            case Sequence s -> new Sequence(s.id(), typeId);
            case SpecialToken t -> new SpecialToken(t.id(), typeId);
        };
    }

    /**
     * Rust's {@code str::parse::<u32>}: an optional {@code +}, then ASCII digits; -1 when not a u32 (or above
     * Java's int range, which type ids never reach).
     */
    private static long parseU32(String s) {
        int i = s.startsWith("+") ? 1 : 0;
        if (i == s.length()) {
            return -1;
        }
        long v = 0;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
            if (v > Integer.MAX_VALUE) {
                return -1;
            }
        }
        return v;
    }

    private static IllegalArgumentException cannotBuild(String text) {
        return new IllegalArgumentException("Cannot build Piece from string \"" + text + "\"");
    }
}
