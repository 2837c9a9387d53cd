package dev.tokensmith.core.processor;

import dev.tokensmith.core.Encoding;
import dev.tokensmith.core.text.Token;
import java.util.List;

/** Model encodings for processor tests, like HF's {@code Encoding::from_tokens(tokens, type_id)}. */
final class TestEncodings {
    private TestEncodings() {}

    static Encoding fromTokens(int typeId, Token... tokens) {
        return fromTokens(typeId, List.of(), tokens);
    }

    static Encoding fromTokens(int typeId, List<Encoding> overflowing, Token... tokens) {
        Encoding.Builder b = Encoding.builder(tokens.length);
        for (Token t : tokens) {
            b.add(t.id(), t.value(), t.start(), t.end(), typeId, -1, 0, -1);
        }
        return b.overflowing(overflowing).build();
    }

    static Token tok(int id, String value, int start, int end) {
        return new Token(id, value, start, end);
    }

    static int[] offsets(int... pairs) {
        return pairs;
    }
}
