package dev.tokensmith.cli;

import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * The CLI's test tokenizers: a BPE over a few letters ({@code hello}, {@code world}, {@code he}..., {@code [UNK]}
 * for anything else, {@code \r} as a token), declaring truncation to 2 tokens and padding to 8 that the CLI must
 * not apply, and special tokens {@code <s>} (1) and {@code </s>} (2).
 */
public final class Fixtures {
    private Fixtures() {}

    /** No normalizer, pre-tokenizer, post-processor or decoder: needs only the BPE model codec. */
    public static Path tinyBpe() {
        return resource("tiny-bpe.json");
    }

    /** The same with a TemplateProcessing post-processor ({@code <s> $A </s>}) and a Fuse decoder. */
    public static Path tinyBpeTemplate() {
        return resource("tiny-bpe-template.json");
    }

    private static Path resource(String name) {
        try {
            return Path.of(Fixtures.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
