package dev.tokensmith.core.decoder;

import java.util.List;

/** Decoders applied in order, each to the list the previous one returned; raw mode reaches every step. */
public record Sequence(List<Decoder> decoders) implements Decoder {

    public Sequence {
        decoders = List.copyOf(decoders);
    }

    @Override
    public List<String> decodeChain(List<String> tokens) {
        List<String> current = tokens;
        for (Decoder d : decoders) {
            current = d.decodeChain(current);
        }
        return current;
    }

    @Override
    public List<String> decodeChainRaw(List<String> tokens) {
        List<String> current = tokens;
        for (Decoder d : decoders) {
            current = d.decodeChainRaw(current);
        }
        return current;
    }
}
