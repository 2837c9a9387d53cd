package dev.tokensmith.transplant.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.tokensmith.core.Tokenizer;
import dev.tokensmith.transplant.io.FloatMatrix;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sentence embeddings from a BERT-style ONNX encoder (MiniLM, e5) run with ONNX Runtime: token ids with the
 * tokenizer's [CLS] … [SEP], a batch padded to its longest row, {@code last_hidden_state} mean-pooled over the
 * attention mask and L2-normalised, as sentence-transformers does for these models.
 *
 * <p>The token embedding table can be overridden without writing a new model ({@link
 * Builder#overrideInitializer}): ONNX Runtime uses the given tensor in place of the initializer of that name.
 * The override must keep the initializer's element type (float32 here), so a quantized table (e5's uint8
 * one) needs a new model from {@link OnnxRewriter}. ONNX Runtime 1.29 accepted MiniLM's table overridden with
 * more rows than the original (its Gather reads the initializer with no shape constraint); {@link
 * OnnxRewriter} handles any row count too.
 *
 * <pre>{@code
 * try (SentenceEncoder enc = SentenceEncoder.builder(Path.of("all-minilm-l6-v2.onnx"))
 *         .tokenizer(tokenizer).maxLength(256).build()) {
 *     float[][] e = enc.encode(List.of("a sentence", "another one")); // unit vectors of 384
 * }
 * }</pre>
 */
public final class SentenceEncoder implements AutoCloseable {
    private final OrtEnvironment env;
    private final OrtSession session;
    private final List<OnnxTensor> overrides;
    private final Tokenizer tokenizer;
    private final int maxLength;
    private final int batchSize;
    private final Set<String> inputNames;
    private final String outputName;

    private SentenceEncoder(Builder b, OrtSession session, List<OnnxTensor> overrides) throws OrtException {
        this.env = OrtEnvironment.getEnvironment();
        this.session = session;
        this.overrides = overrides;
        // Truncation and padding are the encoder's job (per batch); a tokenizer.json may fix both (the
        // langchain4j MiniLM one pads every input to 128, which would pull the padding into the mean).
        this.tokenizer = b.tokenizer == null ? null : b.tokenizer.withoutTruncationOrPadding();
        this.maxLength = b.maxLength;
        this.batchSize = b.batchSize;
        this.inputNames = session.getInputNames();
        for (String in : inputNames) {
            if (!in.equals("input_ids") && !in.equals("attention_mask") && !in.equals("token_type_ids")) {
                throw new OnnxFormatException(
                        b.model.toString(),
                        "unexpected model input '" + in + "' (a BERT-style encoder takes input_ids, attention_mask,"
                                + " token_type_ids)");
            }
        }
        if (!inputNames.contains("input_ids")) {
            throw new OnnxFormatException(b.model.toString(), "the model has no input_ids input: " + inputNames);
        }
        Set<String> outs = session.getOutputNames();
        this.outputName = outs.contains("last_hidden_state")
                ? "last_hidden_state"
                : outs.iterator().next();
    }

    public static Builder builder(Path model) {
        return new Builder(model);
    }

    /** Options for a {@link SentenceEncoder}. */
    public static final class Builder {
        private final Path model;
        private Tokenizer tokenizer;
        private int maxLength = 512;
        private int batchSize = 32;
        private int threads = 0;
        private final Map<String, FloatMatrix> overrides = new LinkedHashMap<>();

        private Builder(Path model) {
            this.model = model;
        }

        /**
         * The tokenizer for {@link #encode}; its post-processor adds [CLS] and [SEP]. Its own truncation and
         * padding settings are ignored ({@link #maxLength} applies).
         */
        public Builder tokenizer(Tokenizer tokenizer) {
            this.tokenizer = tokenizer;
            return this;
        }

        /** Longer inputs keep their first {@code maxLength - 1} tokens and their last ([SEP]). */
        public Builder maxLength(int maxLength) {
            this.maxLength = maxLength;
            return this;
        }

        public Builder batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /** ONNX Runtime intra-op threads (0: its default, all cores). */
        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        /** Uses {@code values} in place of the initializer {@code name} (same shape as the original). */
        public Builder overrideInitializer(String name, FloatMatrix values) {
            overrides.put(name, values);
            return this;
        }

        public SentenceEncoder build() {
            if (maxLength < 2 || batchSize < 1) {
                throw new IllegalArgumentException("maxLength must be >= 2 and batchSize >= 1");
            }
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            List<OnnxTensor> tensors = new ArrayList<>();
            try (OrtSession.SessionOptions opts = new OrtSession.SessionOptions()) {
                if (threads > 0) {
                    opts.setIntraOpNumThreads(threads);
                }
                for (Map.Entry<String, FloatMatrix> e : overrides.entrySet()) {
                    FloatMatrix m = e.getValue();
                    FloatBuffer buf = ByteBuffer.allocateDirect(m.data().length * 4)
                            .order(ByteOrder.nativeOrder())
                            .asFloatBuffer();
                    buf.put(m.data()).flip();
                    OnnxTensor t = OnnxTensor.createTensor(env, buf, m.shape());
                    tensors.add(t);
                    opts.addInitializer(e.getKey(), t);
                }
                OrtSession session = env.createSession(model.toString(), opts);
                return new SentenceEncoder(this, session, tensors);
            } catch (OrtException e) {
                tensors.forEach(OnnxTensor::close);
                throw new OnnxFormatException(model.toString(), "ONNX Runtime: " + e.getMessage(), e);
            }
        }
    }

    /** Unit-length embeddings of {@code texts}, in order. */
    public float[][] encode(List<String> texts) {
        if (tokenizer == null) {
            throw new IllegalStateException("no tokenizer was given to the builder; use encodeIds");
        }
        List<int[]> ids = new ArrayList<>(texts.size());
        for (String t : texts) {
            ids.add(truncate(tokenizer.encode(t, true).ids()));
        }
        return encodeIds(ids);
    }

    /** The token ids {@link #encode} feeds the model for {@code text}. */
    public int[] tokenIds(String text) {
        return truncate(tokenizer.encode(text, true).ids());
    }

    private int[] truncate(int[] ids) {
        if (ids.length <= maxLength) {
            return ids;
        }
        int[] out = java.util.Arrays.copyOf(ids, maxLength);
        out[maxLength - 1] = ids[ids.length - 1];
        return out;
    }

    /** Unit-length embeddings of already tokenized inputs (special tokens included), in batches. */
    public float[][] encodeIds(List<int[]> ids) {
        float[][] out = new float[ids.size()][];
        for (int from = 0; from < ids.size(); from += batchSize) {
            List<int[]> batch = ids.subList(from, Math.min(ids.size(), from + batchSize));
            float[][] hidden = run(batch, null);
            for (int i = 0; i < batch.size(); i++) {
                out[from + i] = hidden[i];
            }
        }
        return out;
    }

    /**
     * The model's {@code last_hidden_state} for one input, [tokens][hidden] (no pooling), for checking the
     * pooling by hand.
     */
    public float[][] lastHiddenState(int[] ids) {
        float[][][] holder = new float[1][][];
        run(List.of(ids), holder);
        return holder[0];
    }

    private float[][] run(List<int[]> batch, float[][][] rawOut) {
        int b = batch.size();
        int len = 0;
        for (int[] r : batch) {
            len = Math.max(len, r.length);
        }
        LongBuffer ids = LongBuffer.allocate(b * len);
        LongBuffer mask = LongBuffer.allocate(b * len);
        for (int[] r : batch) {
            for (int j = 0; j < len; j++) {
                ids.put(j < r.length ? r[j] : 0);
                mask.put(j < r.length ? 1 : 0);
            }
        }
        ids.flip();
        mask.flip();
        long[] shape = {b, len};
        Map<String, OnnxTensor> inputs = new LinkedHashMap<>();
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(env, ids, shape));
            if (inputNames.contains("attention_mask")) {
                inputs.put("attention_mask", OnnxTensor.createTensor(env, mask.duplicate(), shape));
            }
            if (inputNames.contains("token_type_ids")) {
                inputs.put("token_type_ids", OnnxTensor.createTensor(env, LongBuffer.allocate(b * len), shape));
            }
            try (OrtSession.Result result = session.run(inputs)) {
                OnnxValue v = result.get(outputName).orElseThrow();
                OnnxTensor t = (OnnxTensor) v;
                long[] s = t.getInfo().getShape();
                int hidden = (int) s[2];
                FloatBuffer h = t.getFloatBuffer();
                if (rawOut != null) {
                    float[][] tokens = new float[batch.getFirst().length][hidden];
                    for (int j = 0; j < tokens.length; j++) {
                        h.get(j * hidden, tokens[j]);
                    }
                    rawOut[0] = tokens;
                }
                return Pooling.meanPoolNormalize(h, batch, len, hidden);
            }
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed: " + e.getMessage(), e);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        } finally {
            overrides.forEach(OnnxTensor::close);
        }
    }
}
