package dev.tokensmith.core.normalizer;

import dev.tokensmith.core.text.NormalizedString;

/**
 * Rewrites text before it is split, keeping alignments with the original. Immutable and thread-safe. The
 * implementations are HF tokenizers' normalizers, named as HF names them; each reproduces HF's text and
 * offsets.
 */
public sealed interface Normalizer
        permits BertNormalizer,
                ByteLevel,
                Lowercase,
                Nfc,
                Nfd,
                Nfkc,
                Nfkd,
                Nmt,
                Precompiled,
                Prepend,
                Replace,
                Sequence,
                Strip,
                StripAccents {
    void normalize(NormalizedString text);
}
