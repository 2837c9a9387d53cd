package dev.tokensmith.core.pretokenizer;

import dev.tokensmith.core.text.ByteLevelAlphabet;
import dev.tokensmith.core.text.NormalizedString;
import dev.tokensmith.core.text.PreTokenizedString;
import dev.tokensmith.core.text.SplitBehavior;
import dev.tokensmith.core.text.SplitPattern;
import dev.tokensmith.core.text.scan.PieceScanners;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * GPT-2's byte-level pre-tokenizer: optionally prepends a space, optionally splits with GPT-2's regex, then
 * rewrites every split as one alphabet character per UTF-8 byte ({@link ByteLevelAlphabet}). The first byte
 * of a character takes its place in the alignments; the following bytes are insertions aligned with it.
 */
public record ByteLevel(ByteLevelConfig config) implements PreTokenizer {
    /** GPT-2's split regex, as HF compiles it (with Oniguruma). */
    public static final String GPT2_REGEX =
            "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+";

    /** Split with its hand-written scanner, which matches exactly as the regex does. */
    private static final SplitPattern GPT2 =
            PieceScanners.splitPattern(PieceScanners.forPattern(GPT2_REGEX).orElseThrow());

    public ByteLevel {
        Objects.requireNonNull(config, "config");
    }

    public ByteLevel(boolean addPrefixSpace, boolean trimOffsets, boolean useRegex) {
        this(new ByteLevelConfig(addPrefixSpace, trimOffsets, useRegex));
    }

    @Override
    public void preTokenize(PreTokenizedString text) {
        text.split((index, piece) -> {
            if (config.addPrefixSpace() && !piece.get().startsWith(" ")) {
                piece.prepend(" ");
            }
            return config.useRegex() ? piece.split(GPT2, SplitBehavior.ISOLATED) : List.of(piece);
        });
        text.normalize(ByteLevel::toBytes);
    }

    /** Rewrites {@code s} as byte-level characters, one per UTF-8 byte. */
    static void toBytes(NormalizedString s) {
        String text = s.get();
        if (text.isEmpty()) {
            return;
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        int[] cps = new int[utf8.length];
        int[] changes = new int[utf8.length];
        int b = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int width = utf8Length(c);
            for (int k = 0; k < width; k++, b++) {
                cps[b] = ByteLevelAlphabet.charOf(utf8[b]);
                changes[b] = k == 0 ? 0 : 1;
            }
            i += Character.charCount(c);
        }
        s.transform(cps, changes, cps.length, 0);
    }

    private static int utf8Length(int c) {
        if (c < 0x80) {
            return 1;
        }
        if (c < 0x800) {
            return 2;
        }
        if (c < 0x10000) {
            // String.getBytes writes a lone surrogate (impossible in Rust strings) as the one byte '?'
            return Character.isSurrogate((char) c) ? 1 : 3;
        }
        return 4;
    }
}
