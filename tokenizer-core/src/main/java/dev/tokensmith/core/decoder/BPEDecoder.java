package dev.tokensmith.core.decoder;

import java.util.ArrayList;
import java.util.List;

/**
 * Original BPE's end-of-word suffix: every occurrence of {@code suffix} becomes a space, or nothing in the last
 * token.
 */
public record BPEDecoder(String suffix) implements Decoder {

    /** HF's default suffix {@code </w>}. */
    public static BPEDecoder defaults() {
        return new BPEDecoder("</w>");
    }

    @Override
    public List<String> decodeChain(List<String> tokens) {
        List<String> out = new ArrayList<>(tokens.size());
        int last = tokens.size() - 1;
        for (int i = 0; i < tokens.size(); i++) {
            out.add(tokens.get(i).replace(suffix, i == last ? "" : " "));
        }
        return out;
    }
}
