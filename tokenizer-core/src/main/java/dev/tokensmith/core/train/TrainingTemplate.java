package dev.tokensmith.core.train;

import dev.tokensmith.core.AddedToken;
import dev.tokensmith.core.Padding;
import dev.tokensmith.core.Tokenizer;
import dev.tokensmith.core.decoder.Decoder;
import dev.tokensmith.core.model.Bpe;
import dev.tokensmith.core.normalizer.Nfc;
import dev.tokensmith.core.normalizer.Nfkc;
import dev.tokensmith.core.normalizer.Normalizer;
import dev.tokensmith.core.pretokenizer.ByteLevelConfig;
import dev.tokensmith.core.pretokenizer.PreTokenizer;
import dev.tokensmith.core.pretokenizer.Split;
import dev.tokensmith.core.processor.PostProcessor;
import dev.tokensmith.core.text.ByteLevelAlphabet;
import dev.tokensmith.core.text.SplitBehavior;
import dev.tokensmith.core.text.scan.PieceScanners;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The pipelines a tokenizer is trained for: what runs before the model (normalizer and pre-tokenizer, the
 * same for counting and for the trained tokenizer), what runs after it, and the trainer defaults that
 * belong with them. Each mirrors a released family so that the result loads anywhere HF tokenizers does.
 */
public enum TrainingTemplate {
    /** GPT-2: byte-level with GPT-2's regex, all 256 byte characters in the alphabet. */
    BYTE_LEVEL("byte-level", List.of("<|endoftext|>")),
    /** Llama 3: its split regex (digits in groups of up to three), then byte-level; merges ignored for whole words. */
    LLAMA3("llama3", List.of("<|begin_of_text|>", "<|end_of_text|>")),
    /** Qwen2: NFC, Llama 3's regex with single digits, then byte-level. */
    QWEN2("qwen2", List.of("<|endoftext|>")),
    /**
     * KL3M's character-level family (kl3m-004-char-*): NFKC, byte-level with GPT-2's regex, tokens of at
     * most 3 characters by default, KL3M's thirteen special tokens and its initial alphabet (the code
     * points U+0000..U+00FE, as its training script passes them), left padding with {@code <|pad|>}.
     */
    CHAR_LEVEL(
            "char-level",
            List.of(
                    "<|start|>",
                    "<|end|>",
                    "<|pad|>",
                    "<|unk|>",
                    "<|sep|>",
                    "<|cls|>",
                    "<|mask|>",
                    "<|system|>",
                    "</|system|>",
                    "<|user|>",
                    "</|user|>",
                    "<|instruction|>",
                    "</|instruction|>"));

    private static final ByteLevelConfig SPLIT_ONLY = new ByteLevelConfig(false, true, true);
    private static final ByteLevelConfig MAP_ONLY = new ByteLevelConfig(false, true, false);
    private static final ByteLevelConfig GPT2_OUTPUT = new ByteLevelConfig(true, false, true);
    private static final ByteLevelConfig QWEN_OUTPUT = new ByteLevelConfig(false, false, false);

    private final String id;
    private final List<String> specialTokens;

    TrainingTemplate(String id, List<String> specialTokens) {
        this.id = id;
        this.specialTokens = specialTokens;
    }

    /** The name used on the command line and in provenance. */
    public String id() {
        return id;
    }

    public static TrainingTemplate byId(String id) {
        for (TrainingTemplate t : values()) {
            if (t.id.equals(id)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown tokenizer template '" + id + "'; known: "
                + Arrays.stream(values()).map(TrainingTemplate::id).collect(Collectors.joining(", ")));
    }

    public Optional<Normalizer> normalizer() {
        return switch (this) {
            case BYTE_LEVEL, LLAMA3 -> Optional.empty();
            case QWEN2 -> Optional.of(new Nfc());
            case CHAR_LEVEL -> Optional.of(new dev.tokensmith.core.normalizer.Sequence(List.of(new Nfkc())));
        };
    }

    public PreTokenizer preTokenizer() {
        return switch (this) {
            case BYTE_LEVEL, CHAR_LEVEL -> new dev.tokensmith.core.pretokenizer.ByteLevel(SPLIT_ONLY);
            case LLAMA3 -> splitThenBytes(PieceScanners.LLAMA3);
            case QWEN2 -> splitThenBytes(PieceScanners.QWEN2);
        };
    }

    private static PreTokenizer splitThenBytes(String regex) {
        return new dev.tokensmith.core.pretokenizer.Sequence(List.of(
                Split.regex(regex, SplitBehavior.ISOLATED, false),
                new dev.tokensmith.core.pretokenizer.ByteLevel(MAP_ONLY)));
    }

    public PostProcessor postProcessor() {
        return new dev.tokensmith.core.processor.ByteLevel(this == QWEN2 ? QWEN_OUTPUT : GPT2_OUTPUT);
    }

    public Decoder decoder() {
        return new dev.tokensmith.core.decoder.ByteLevel(this == QWEN2 ? QWEN_OUTPUT : ByteLevelConfig.DEFAULT);
    }

    /** Whether the trained model looks a whole pre-token up before merging (Llama 3 does). */
    public boolean ignoreMerges() {
        return this == LLAMA3;
    }

    public List<String> defaultSpecialTokens() {
        return specialTokens;
    }

    /** The characters every trained vocabulary of this family holds. */
    public List<Integer> defaultInitialAlphabet() {
        if (this == CHAR_LEVEL) {
            return IntStream.range(0, 255).boxed().toList();
        }
        List<Integer> bytes = new ArrayList<>(256);
        for (int b = 0; b < 256; b++) {
            bytes.add((int) ByteLevelAlphabet.charOf(b));
        }
        return bytes;
    }

    /** The longest token in characters, or null for none. */
    public Integer defaultMaxTokenLength() {
        return this == CHAR_LEVEL ? 3 : null;
    }

    /** A trainer builder with this family's defaults (special tokens, alphabet, token length). */
    public BpeTrainer.Builder trainer() {
        return BpeTrainer.builder()
                .specialTokens(specialTokens)
                .initialAlphabet(defaultInitialAlphabet())
                .maxTokenLength(defaultMaxTokenLength());
    }

    /** The complete tokenizer around a trained model: its stages, its special tokens as added tokens. */
    public Tokenizer tokenizer(BpeTrainingResult result) {
        Bpe model = result.modelBuilder().ignoreMerges(ignoreMerges()).build();
        Tokenizer.Builder b = Tokenizer.builder(model)
                .preTokenizer(preTokenizer())
                .postProcessor(postProcessor())
                .decoder(decoder());
        normalizer().ifPresent(b::normalizer);
        List<AddedToken> added = new ArrayList<>();
        for (String s : result.specialTokens()) {
            added.add(AddedToken.special(model.tokenToId(s), s));
        }
        b.addedTokens(added);
        if (this == CHAR_LEVEL && result.specialTokens().contains("<|pad|>")) {
            b.padding(new Padding(null, true, null, model.tokenToId("<|pad|>"), 0, "<|pad|>"));
        }
        return b.build();
    }
}
