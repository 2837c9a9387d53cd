package dev.tokensmith.core.decoder;

import java.util.List;

/** Joins all tokens into one string, so that later decoders see the whole text. */
public record Fuse() implements Decoder {

    @Override
    public List<String> decodeChain(List<String> tokens) {
        return List.of(String.join("", tokens));
    }
}
