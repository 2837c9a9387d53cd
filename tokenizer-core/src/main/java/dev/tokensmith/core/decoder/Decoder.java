package dev.tokensmith.core.decoder;

import java.util.List;

/**
 * Turns token strings back into text. Decoders form a chain (HF's {@code decode_chain}): each maps the list of
 * token strings to a new list; the tokenizer joins the final list. Immutable and thread-safe.
 */
public interface Decoder {
    List<String> decodeChain(List<String> tokens);
}
