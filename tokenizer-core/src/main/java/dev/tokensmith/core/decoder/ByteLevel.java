package dev.tokensmith.core.decoder;

import dev.tokensmith.core.pretokenizer.ByteLevelConfig;
import dev.tokensmith.core.text.ByteLevelAlphabet;
import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * Maps byte-level characters back to bytes and decodes them as UTF-8, all tokens in one string (a character
 * may span tokens). A token with a character outside the byte alphabet (an added token, say) contributes its
 * own UTF-8 bytes. The configuration only matters to the other ByteLevel roles; it is kept for writing.
 */
public record ByteLevel(ByteLevelConfig config) implements Decoder {

    @Override
    public List<String> decodeChain(List<String> tokens) {
        return List.of(RawBytes.lossy(bytes(tokens)));
    }

    @Override
    public List<String> decodeChainRaw(List<String> tokens) {
        return List.of(RawBytes.escaped(bytes(tokens)));
    }

    private static byte[] bytes(List<String> tokens) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String token : tokens) {
            byte[] b = ByteLevelAlphabet.decode(token);
            out.writeBytes(b != null ? b : RawBytes.toBytes(token));
        }
        return out.toByteArray();
    }
}
