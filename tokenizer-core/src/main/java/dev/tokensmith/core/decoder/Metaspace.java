package dev.tokensmith.core.decoder;

import dev.tokensmith.core.pretokenizer.PrependScheme;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * SentencePiece's metaspace: every {@code replacement} character (a code point, usually U+2581) becomes a
 * space, except in the first token, where they are all dropped unless the prepend scheme is {@code NEVER}.
 * The prepend scheme is the pre-tokenizer's ({@link PrependScheme}), as HF shares one Metaspace between both
 * roles. {@code split} only matters to the pre-tokenizer role; it is kept for writing.
 */
public record Metaspace(int replacement, PrependScheme prependScheme, boolean split) implements Decoder {

    /** HF's default: U+2581, always, split. */
    public static Metaspace defaults() {
        return new Metaspace('\u2581', PrependScheme.ALWAYS, true);
    }

    public Metaspace {
        if (!Character.isValidCodePoint(replacement)) {
            throw new IllegalArgumentException("replacement is not a code point: " + replacement);
        }
        Objects.requireNonNull(prependScheme, "prependScheme");
    }

    @Override
    public List<String> decodeChain(List<String> tokens) {
        List<String> out = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            boolean drop = i == 0 && prependScheme != PrependScheme.NEVER;
            if (token.indexOf(Character.toString(replacement)) < 0) {
                out.add(token);
                continue;
            }
            StringBuilder sb = new StringBuilder(token.length());
            token.codePoints().forEach(c -> {
                if (c != replacement) {
                    sb.appendCodePoint(c);
                } else if (!drop) {
                    sb.append(' ');
                }
            });
            out.add(sb.toString());
        }
        return out;
    }
}
