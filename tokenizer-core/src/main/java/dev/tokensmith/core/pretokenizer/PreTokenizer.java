package dev.tokensmith.core.pretokenizer;

import dev.tokensmith.core.text.PreTokenizedString;

/**
 * Splits text into the pieces the model tokenizes one by one (HF tokenizers' pre-tokenizers, same names and
 * behaviour, offsets included). Immutable and thread-safe.
 */
public sealed interface PreTokenizer
        permits BertPreTokenizer,
                ByteLevel,
                CharDelimiterSplit,
                Digits,
                FixedLength,
                Metaspace,
                Punctuation,
                Sequence,
                Split,
                UnicodeScripts,
                Whitespace,
                WhitespaceSplit {
    /** Splits every split of {@code text} that is not yet tokenized, in place. */
    void preTokenize(PreTokenizedString text);
}
