package dev.tokensmith.transplant.align;

import dev.tokensmith.core.Tokenizer;
import dev.tokensmith.core.model.Bpe;
import dev.tokensmith.core.model.Model;
import dev.tokensmith.core.model.Unigram;
import dev.tokensmith.core.model.WordLevel;
import dev.tokensmith.core.model.WordPiece;
import dev.tokensmith.core.text.ByteLevelAlphabet;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * How one tokenizer family spells its model tokens, and the rule that turns a token into its canonical bytes: the
 * bytes the token stands for in the middle of running text, with a word-initial token carrying the space before
 * it. GPT-2's {@code "Ġthe"}, Llama 2's {@code "▁the"} and BERT's word-initial {@code "the"} all become {@code
 * " the"}; GPT-2's {@code "the"}, Llama 2's {@code "the"} and BERT's {@code "##the"} become {@code "the"}.
 *
 * <p>The rules, per family (docs/transplant.md, "Alignment", says why):
 *
 * <ul>
 *   <li>{@link Family#BYTE_LEVEL}: each character is one byte of GPT-2's alphabet ({@link ByteLevelAlphabet}); the
 *       bytes are the token. tiktoken encodings load as byte-level BPE and follow this rule.
 *   <li>{@link Family#METASPACE}: the space marker ({@code ▁} unless configured) is a space; the rest is UTF-8.
 *   <li>{@link Family#WORD_SPLIT} (WordPiece, WordLevel, BPE with a continuing-subword prefix): a token with the
 *       prefix continues a word and is the rest's UTF-8; a word-initial token gets a space before it, unless it
 *       starts with punctuation or a character of a script written without spaces (Han, kana, Thai, ...), which
 *       the pre-tokenizer isolates wherever it stands and which running text most often glues to what precedes.
 *   <li>{@link Family#PLAIN}: the token's UTF-8, as is.
 * </ul>
 *
 * With byte fallback, {@code <0xXX>} tokens are the one byte {@code XX}, whatever the family.
 *
 * <pre>{@code
 * TokenSpelling s = TokenSpelling.of(Tokenizers.load("cl100k_base"));
 * byte[] b = s.canonicalBytes("Ġthe"); // " the"
 * }</pre>
 *
 * @param family the family the tokenizer's pipeline belongs to
 * @param spaceMarker the metaspace replacement (METASPACE only, else null)
 * @param continuingPrefix the continuing-subword prefix (WORD_SPLIT only; empty for WordLevel, where every token
 *     starts a word)
 * @param byteFallback whether {@code <0xXX>} tokens stand for single bytes
 */
public record TokenSpelling(Family family, String spaceMarker, String continuingPrefix, boolean byteFallback) {

    /** The tokenizer families whose spelling differs. */
    public enum Family {
        BYTE_LEVEL("byte-level"),
        METASPACE("metaspace"),
        WORD_SPLIT("word-split"),
        PLAIN("plain");

        private final String label;

        Family(String label) {
            this.label = label;
        }

        /** A short lower-case name for reports. */
        public String label() {
            return label;
        }
    }

    public TokenSpelling {
        Objects.requireNonNull(family, "family");
        if (family == Family.METASPACE && (spaceMarker == null || spaceMarker.isEmpty())) {
            throw new IllegalArgumentException("a metaspace spelling needs its space marker");
        }
        if (family == Family.WORD_SPLIT && continuingPrefix == null) {
            throw new IllegalArgumentException("a word-split spelling needs its continuing prefix (may be empty)");
        }
    }

    /** The spelling of {@code tokenizer}'s model tokens, read from its pipeline. */
    public static TokenSpelling of(Tokenizer tokenizer) {
        Model model = tokenizer.model();
        boolean byteFallback = switch (model) {
            case Bpe b -> b.byteFallback();
            case Unigram u -> u.byteFallback();
            default -> false;
        };
        if (PipelineParts.hasByteLevel(tokenizer)) {
            return new TokenSpelling(Family.BYTE_LEVEL, null, null, byteFallback);
        }
        switch (model) {
            case WordPiece w -> {
                return new TokenSpelling(Family.WORD_SPLIT, null, w.continuingSubwordPrefix(), false);
            }
            case WordLevel ignored -> {
                return new TokenSpelling(Family.WORD_SPLIT, null, "", false);
            }
            case Bpe b
            when b.continuingSubwordPrefix() != null
                    && !b.continuingSubwordPrefix().isEmpty() -> {
                return new TokenSpelling(Family.WORD_SPLIT, null, b.continuingSubwordPrefix(), byteFallback);
            }
            default -> {}
        }
        String marker = PipelineParts.spaceMarker(tokenizer);
        if (marker != null) {
            return new TokenSpelling(Family.METASPACE, marker, null, byteFallback);
        }
        return new TokenSpelling(Family.PLAIN, null, null, byteFallback);
    }

    /** The canonical bytes of a model token (added tokens are their content's UTF-8 instead). */
    public byte[] canonicalBytes(String token) {
        if (byteFallback) {
            int b = byteFallbackValue(token);
            if (b >= 0) {
                return new byte[] {(byte) b};
            }
        }
        return switch (family) {
            case BYTE_LEVEL -> {
                byte[] raw = ByteLevelAlphabet.decode(token);
                yield raw != null ? raw : utf8(token);
            }
            case METASPACE -> utf8(token.replace(spaceMarker, " "));
            case WORD_SPLIT -> wordSplit(token);
            case PLAIN -> utf8(token);
        };
    }

    /** Whether {@code token} is a byte-fallback token of this spelling. */
    public boolean isByteFallback(String token) {
        return byteFallback && byteFallbackValue(token) >= 0;
    }

    /** A short description for reports, e.g. {@code "word-split (##)"}. */
    public String describe() {
        String d = switch (family) {
            case BYTE_LEVEL -> "byte-level (GPT-2 alphabet)";
            case METASPACE -> "metaspace (" + spaceMarker + " = space)";
            case WORD_SPLIT ->
                continuingPrefix.isEmpty()
                        ? "word-split (whole words)"
                        : "word-split (" + continuingPrefix + " continues a word)";
            case PLAIN -> "plain (tokens are their text)";
        };
        return byteFallback ? d + ", byte fallback" : d;
    }

    private byte[] wordSplit(String token) {
        if (!continuingPrefix.isEmpty()
                && token.length() > continuingPrefix.length()
                && token.startsWith(continuingPrefix)) {
            return utf8(token.substring(continuingPrefix.length()));
        }
        if (token.isEmpty() || GluedStarts.isGlued(token.codePointAt(0))) {
            return utf8(token);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(token.length() + 1);
        out.write(' ');
        out.writeBytes(utf8(token));
        return out.toByteArray();
    }

    /** The byte of a {@code <0xXX>} token (two upper-case hex digits, as SentencePiece writes them), or -1. */
    public static int byteFallbackValue(String token) {
        if (token.length() != 6 || !token.startsWith("<0x") || token.charAt(5) != '>') {
            return -1;
        }
        int hi = Character.digit(token.charAt(3), 16);
        int lo = Character.digit(token.charAt(4), 16);
        boolean upper = !Character.isLowerCase(token.charAt(3)) && !Character.isLowerCase(token.charAt(4));
        return hi < 0 || lo < 0 || !upper ? -1 : hi * 16 + lo;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
