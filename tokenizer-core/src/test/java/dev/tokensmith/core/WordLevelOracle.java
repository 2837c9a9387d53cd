package dev.tokensmith.core;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokensmith.core.format.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * HF tokenizers (through DJL) on a WordLevel tokenizer.json built for one test: a fixed vocabulary,
 * whitespace splitting, and the post-processor and decoder under test. Decoding any list of vocabulary
 * strings, or encoding whitespace-separated vocabulary words, then shows what HF does with them.
 */
public final class WordLevelOracle implements AutoCloseable {
    private final HuggingFaceTokenizer tokenizer;
    private final Map<String, Integer> vocab;

    private WordLevelOracle(HuggingFaceTokenizer tokenizer, Map<String, Integer> vocab) {
        this.tokenizer = tokenizer;
        this.vocab = vocab;
    }

    /**
     * @param tokens the vocabulary, ids in list order ({@code [UNK]} is added first when missing)
     * @param postProcessor the post_processor JSON, or null
     * @param decoder the decoder JSON, or null
     * @param options DJL options (truncation, overflow...); padding is always off
     */
    public static WordLevelOracle of(
            List<String> tokens, JsonNode postProcessor, JsonNode decoder, Map<String, String> options) {
        Map<String, Integer> vocab = new LinkedHashMap<>();
        vocab.put("[UNK]", 0);
        for (String t : tokens) {
            vocab.putIfAbsent(t, vocab.size());
        }
        ObjectNode root = Json.object();
        root.put("version", "1.0");
        root.putNull("truncation");
        root.putNull("padding");
        root.putArray("added_tokens");
        root.putNull("normalizer");
        root.putObject("pre_tokenizer").put("type", "WhitespaceSplit");
        root.set("post_processor", postProcessor);
        root.set("decoder", decoder);
        ObjectNode model = root.putObject("model");
        model.put("type", "WordLevel");
        ObjectNode v = model.putObject("vocab");
        vocab.forEach(v::put);
        model.put("unk_token", "[UNK]");
        Map<String, String> opts = new LinkedHashMap<>(Map.of("padding", "false", "truncation", "false"));
        opts.putAll(options);
        try {
            byte[] json = Json.MAPPER.writeValueAsBytes(root);
            return new WordLevelOracle(HuggingFaceTokenizer.newInstance(new ByteArrayInputStream(json), opts), vocab);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static WordLevelOracle of(List<String> tokens, JsonNode postProcessor, JsonNode decoder) {
        return of(tokens, postProcessor, decoder, Map.of());
    }

    public int id(String token) {
        Integer id = vocab.get(token);
        if (id == null) {
            throw new IllegalArgumentException("not in the oracle's vocabulary: " + token);
        }
        return id;
    }

    /** HF's decode of these vocabulary strings (special tokens kept). */
    public String decode(List<String> tokens) {
        long[] ids = new long[tokens.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = id(tokens.get(i));
        }
        return tokenizer.decode(ids, false);
    }

    public ai.djl.huggingface.tokenizers.Encoding encode(String text, boolean addSpecialTokens) {
        return tokenizer.encode(text, addSpecialTokens, true);
    }

    public ai.djl.huggingface.tokenizers.Encoding encode(String text, String pair, boolean addSpecialTokens) {
        return tokenizer.encode(text, pair, addSpecialTokens, true);
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
