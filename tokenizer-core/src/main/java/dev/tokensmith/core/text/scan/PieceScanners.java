package dev.tokensmith.core.text.scan;

import dev.tokensmith.core.format.Tiktoken;
import dev.tokensmith.core.pretokenizer.ByteLevel;
import dev.tokensmith.core.text.Match;
import dev.tokensmith.core.text.SplitPattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Hand-written {@link PieceScanner}s for the split patterns of the released tokenizers, found by the exact text
 * of the Oniguruma pattern. Each matches exactly what {@code Patterns.regex(OnigRegex.compile(pattern))} matches
 * (the tests compare them on every code point, in contexts and on random text), several times faster and without
 * allocating.
 *
 * <p>Recognised: GPT-2's ({@link ByteLevel#GPT2_REGEX}, also Claude's), tiktoken's r50k, cl100k and o200k ({@link
 * Tiktoken#R50K_PATTERN}, {@link Tiktoken#CL100K_PATTERN}, {@link Tiktoken#O200K_PATTERN}, the last also GPT-4o's
 * tokenizer.json), the Oniguruma forms that the built-in tiktoken encodings split with ({@link
 * #R50K_ONIGURUMA}, {@link #CL100K_ONIGURUMA}), Llama 3's ({@link #LLAMA3}) and Qwen2's ({@link #QWEN2}).
 *
 * <p>Note that {@link Tiktoken#CL100K_PATTERN} is tiktoken (fancy-regex) syntax: read as Oniguruma, its {@code
 * \p{N}{1,3}+} is a repeated group, so numbers are not split into threes; its scanner does the same (and, unlike
 * java.util.regex, which recurses once per repetition, does not overflow the stack on long digit runs). The
 * cl100k_base built-in splits with {@link #CL100K_ONIGURUMA}, which keeps tiktoken's meaning.
 *
 * <p>Equivalent texts share a scanner: GPT-2's and both r50k forms match alike. cl100k's and Llama 3's differ only
 * where white space holding a line break runs to the end of the input ({@code \s++$} takes it whole).
 */
public final class PieceScanners {
    /** Llama 3's split pattern (Meta's tokenizer.json). */
    public static final String LLAMA3 = "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}{1,3}"
            + "| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";

    /** Qwen2's split pattern: Llama 3's with single numbers. */
    public static final String QWEN2 = "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}"
            + "| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";

    /** {@link Tiktoken#R50K_PATTERN} as the built-in r50k/p50k encodings give it to Oniguruma. */
    public static final String R50K_ONIGURUMA =
            "'(?:[sdmt]|ll|ve|re)| ?\\p{L}++| ?\\p{N}++| ?[^\\s\\p{L}\\p{N}]++|\\s++\\z|\\s+(?!\\S)|\\s";

    /** {@link Tiktoken#CL100K_PATTERN} as the built-in cl100k encoding gives it to Oniguruma. */
    public static final String CL100K_ONIGURUMA = "'(?i:[sdmt]|ll|ve|re)|[^\\r\\n\\p{L}\\p{N}]?+\\p{L}++"
            + "|(?>\\p{N}{1,3})| ?[^\\s\\p{L}\\p{N}]++[\\r\\n]*+|\\s++\\z|\\s*[\\r\\n]|\\s+(?!\\S)|\\s";

    private static final PieceScanner CL100K = new Cl100kScanner(3, true);

    private static final Map<String, PieceScanner> BY_PATTERN = Map.of(
            ByteLevel.GPT2_REGEX,
            Gpt2Scanner.INSTANCE,
            Tiktoken.R50K_PATTERN,
            Gpt2Scanner.INSTANCE,
            R50K_ONIGURUMA,
            Gpt2Scanner.INSTANCE,
            Tiktoken.CL100K_PATTERN,
            new Cl100kScanner(Integer.MAX_VALUE, true),
            CL100K_ONIGURUMA,
            CL100K,
            LLAMA3,
            new Cl100kScanner(3, false),
            QWEN2,
            new Cl100kScanner(1, false),
            Tiktoken.O200K_PATTERN,
            O200kScanner.INSTANCE);

    private PieceScanners() {}

    /** The scanner for an Oniguruma split pattern, when it is one of the recognised patterns (exact text). */
    public static Optional<PieceScanner> forPattern(String onigPattern) {
        return Optional.ofNullable(BY_PATTERN.get(onigPattern));
    }

    /**
     * The scanner's pieces as a {@link SplitPattern}: every piece is a match, as the regex gives them ({@code
     * Patterns.regex}); an empty input gives one empty non-match.
     */
    public static SplitPattern splitPattern(PieceScanner scanner) {
        return inside -> {
            List<Match> out = new ArrayList<>();
            int n = inside.length();
            if (n == 0) {
                out.add(new Match(0, 0, false));
                return out;
            }
            char[] chars = inside.toCharArray();
            for (int start = 0; start < n; ) {
                int end = scanner.pieceEnd(chars, start, n);
                out.add(new Match(start, end, true));
                start = end;
            }
            return out;
        };
    }
}
