package dev.tokensmith.core.format;

/** The real tokenizer.json snippets of {@link PreTokenizerJsonTest}, for tests in other packages. */
public final class PreTokenizerJsonTestAccess {
    public static final String LLAMA3 = PreTokenizerJsonTest.LLAMA3;
    public static final String GPT4O = PreTokenizerJsonTest.GPT4O;
    public static final String BERT = PreTokenizerJsonTest.BERT;

    private PreTokenizerJsonTestAccess() {}
}
