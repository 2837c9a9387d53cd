package dev.tokensmith.core.model;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokensmith.core.format.Json;
import dev.tokensmith.core.text.Token;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * HF tokenizers itself (through DJL) running one model alone: a tokenizer.json with only that model, so the
 * whole input is one piece and its encoding is the model's tokens. Offsets come back as code-point offsets and
 * are turned into UTF-16 offsets of the piece (-1 when HF reports a range outside it).
 */
final class HfModelOracle implements AutoCloseable {
    static {
        System.setProperty("OPT_OUT_TRACKING", "true");
    }

    private final HuggingFaceTokenizer tokenizer;

    private HfModelOracle(HuggingFaceTokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    static HfModelOracle of(JsonNode model) {
        ObjectNode root = Json.object();
        root.put("version", "1.0");
        root.putNull("truncation");
        root.putNull("padding");
        root.putArray("added_tokens");
        root.putNull("normalizer");
        root.putNull("pre_tokenizer");
        root.putNull("post_processor");
        root.putNull("decoder");
        root.set("model", model);
        try {
            byte[] json = Json.MAPPER.writeValueAsBytes(root);
            return new HfModelOracle(HuggingFaceTokenizer.newInstance(
                    new ByteArrayInputStream(json),
                    Map.of(
                            "addSpecialTokens", "false",
                            "truncation", "false",
                            "padding", "false",
                            "modelMaxLength", "100000000")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Token> tokenize(String piece) {
        Encoding e = tokenizer.encode(piece, false, false);
        long[] ids = e.getIds();
        String[] tokens = e.getTokens();
        CharSpan[] spans = e.getCharTokenSpans();
        int codePoints = piece.codePointCount(0, piece.length());
        List<Token> out = new ArrayList<>(ids.length);
        for (int i = 0; i < ids.length; i++) {
            int start = toUtf16(piece, codePoints, spans[i].getStart());
            int end = toUtf16(piece, codePoints, spans[i].getEnd());
            out.add(new Token((int) ids[i], tokens[i], start, end));
        }
        return out;
    }

    private static int toUtf16(String piece, int codePoints, int cp) {
        return cp < 0 || cp > codePoints ? -1 : piece.offsetByCodePoints(0, cp);
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
