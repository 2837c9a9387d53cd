package dev.tokensmith.core.decoder;

import java.util.List;

/**
 * Turns token strings back into text. Decoders form a chain (HF's {@code decode_chain}): each maps the list of
 * token strings to a new list; the tokenizer joins the final list. Immutable and thread-safe.
 *
 * <p>Decoders that assemble bytes ({@link ByteLevel}, {@link ByteFallback}) replace invalid UTF-8 with U+FFFD
 * in {@link #decodeChain}, as HF does. {@link #decodeChainRaw} keeps those bytes instead, as escape characters
 * (see {@link RawBytes}), so that {@code RawBytes.toBytes(String.join("", decodeChainRaw(tokens)))} gives the
 * exact bytes; for valid UTF-8 both chains give the same strings.
 */
public sealed interface Decoder
        permits BPEDecoder, ByteFallback, ByteLevel, CTC, Fuse, Metaspace, Replace, Sequence, Strip, WordPiece {

    List<String> decodeChain(List<String> tokens);

    /** {@link #decodeChain} with undecodable bytes kept as escapes (one per byte) instead of U+FFFD. */
    default List<String> decodeChainRaw(List<String> tokens) {
        return decodeChain(tokens);
    }

    /** The decoded text: the chain's strings joined (HF's {@code Decoder::decode}). */
    default String decode(List<String> tokens) {
        return String.join("", decodeChain(tokens));
    }
}
