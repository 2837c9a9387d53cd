package dev.tokensmith.cli.bench;

import dev.tokensmith.cli.compare.DjlTokenizer;

/**
 * The HF oracle (HF tokenizers in Rust, through DJL's JNI binding). Only {@link Encoders} creates it, after
 * checking that DJL is on the class path. See {@link DjlTokenizer#countTokens} for what {@code idsOnly} leaves out.
 */
final class HfEncoder implements BenchEncoder, AutoCloseable {
    private final DjlTokenizer tokenizer;
    private final boolean idsOnly;

    HfEncoder(DjlTokenizer tokenizer, boolean idsOnly) {
        this.tokenizer = tokenizer;
        this.idsOnly = idsOnly;
    }

    @Override
    public String name() {
        return idsOnly ? "hf (djl, ids only)" : "hf (djl encode)";
    }

    @Override
    public Library library() {
        return Library.HF;
    }

    @Override
    public Operation operation() {
        return Operation.ENCODE;
    }

    @Override
    public int encode(String text) {
        return tokenizer.countTokens(text, idsOnly);
    }

    /** The library and version, e.g. {@code HF tokenizers 0.21.0 (DJL)}. */
    String version() {
        return tokenizer.name();
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
