package dev.tokensmith.transplant.align;

import dev.tokensmith.core.Tokenizer;
import dev.tokensmith.core.normalizer.BertNormalizer;
import dev.tokensmith.core.normalizer.Normalizer;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What a tokenizer's normalizer does to text, in words. Canonical bytes live in that normalized space: a
 * lower-casing tokenizer has no {@code " The"}, so an alignment with a cased one cannot share it.
 */
final class Normalization {
    private Normalization() {}

    static String describe(Tokenizer t) {
        Set<String> parts = new LinkedHashSet<>();
        for (Normalizer n : PipelineParts.normalizers(t)) {
            switch (n) {
                case BertNormalizer b -> {
                    if (b.lowercase()) {
                        parts.add("lowercase");
                    }
                    boolean strip = b.stripAccents() != null ? b.stripAccents() : b.lowercase();
                    if (strip) {
                        parts.add("strip accents");
                    }
                    if (b.cleanText()) {
                        parts.add("drop control characters");
                    }
                    if (b.handleChineseChars()) {
                        parts.add("space around CJK ideographs");
                    }
                }
                case dev.tokensmith.core.normalizer.Lowercase _ -> parts.add("lowercase");
                case dev.tokensmith.core.normalizer.StripAccents _ -> parts.add("strip accents");
                case dev.tokensmith.core.normalizer.Nfc _ -> parts.add("NFC");
                case dev.tokensmith.core.normalizer.Nfd _ -> parts.add("NFD");
                case dev.tokensmith.core.normalizer.Nfkc _ -> parts.add("NFKC");
                case dev.tokensmith.core.normalizer.Nfkd _ -> parts.add("NFKD");
                case dev.tokensmith.core.normalizer.Nmt _ -> parts.add("NMT (drop/replace control characters)");
                case dev.tokensmith.core.normalizer.Precompiled _ -> parts.add("SentencePiece precompiled map");
                case dev.tokensmith.core.normalizer.Strip _ -> parts.add("strip surrounding whitespace");
                // Spaces as a metaspace marker and a prepended marker are part of the spelling, not of the text.
                case dev.tokensmith.core.normalizer.Prepend _ -> {}
                case dev.tokensmith.core.normalizer.Replace r -> {
                    if (!(r.pattern() instanceof dev.tokensmith.core.normalizer.Replace.Literal(String from)
                            && from.equals(" "))) {
                        parts.add("replace");
                    }
                }
                case dev.tokensmith.core.normalizer.ByteLevel _ -> {}
                default -> parts.add(n.getClass().getSimpleName());
            }
        }
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }
}
