package dev.tokensmith.core;

import dev.tokensmith.core.decoder.Decoder;
import dev.tokensmith.core.decoder.RawBytes;
import dev.tokensmith.core.decoder.StreamingBytesDecoder;
import dev.tokensmith.core.decoder.StreamingDecoder;
import dev.tokensmith.core.fast.SegmentEncoder;
import dev.tokensmith.core.fast.SegmentEncoders;
import dev.tokensmith.core.fast.TokenSink;
import dev.tokensmith.core.model.Model;
import dev.tokensmith.core.normalizer.Normalizer;
import dev.tokensmith.core.pretokenizer.PreTokenizer;
import dev.tokensmith.core.processor.PostProcessor;
import dev.tokensmith.core.text.IntList;
import dev.tokensmith.core.text.NormalizedString;
import dev.tokensmith.core.text.PreTokenizedString;
import dev.tokensmith.core.text.Token;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A tokenizer: added tokens, normalizer, pre-tokenizer, model, post-processor and decoder, composed as in HF
 * tokenizers and producing the same ids, offsets and text. Immutable and thread-safe; load one with {@link
 * Tokenizers}.
 *
 * <p>Unpaired surrogates in the input are encoded as U+FFFD (they have no UTF-8 form).
 *
 * <pre>{@code
 * Tokenizer tok = Tokenizers.fromFile(Path.of("tokenizer.json"));
 * Encoding e = tok.encode("Hello world", false);
 * String back = tok.decode(e.ids(), false);
 * }</pre>
 */
public final class Tokenizer {
    private final Normalizer normalizer;
    private final PreTokenizer preTokenizer;
    private final Model model;
    private final PostProcessor postProcessor;
    private final Decoder decoder;
    private final AddedVocabulary added;
    private final List<AddedToken> declaredAddedTokens;
    private final Truncation truncation;
    private final Padding padding;
    /** The pipeline's fast path, or null. */
    private final SegmentEncoder fast;

    private final boolean generalPathOnly;
    /**
     * Whether {@link #encodeIds} and {@link #countTokens} may hand text with lone surrogates to the fast path as
     * it is: the fast path reads them as U+FFFD, nothing normalizes the text first, and no added token holds a
     * surrogate or U+FFFD (whose matching the replacement could change). Saves a pass over every text.
     */
    private final boolean fastReadsLoneSurrogates;

    private final ThreadLocal<FastScratch> fastScratch = ThreadLocal.withInitial(FastScratch::new);

    private Tokenizer(Builder b) {
        this.normalizer = b.normalizer;
        this.preTokenizer = b.preTokenizer;
        this.model = Objects.requireNonNull(b.model, "a tokenizer needs a model");
        this.postProcessor = b.postProcessor;
        this.decoder = b.decoder;
        this.truncation = b.truncation;
        this.padding = b.padding;
        this.declaredAddedTokens = List.copyOf(b.addedTokens);
        this.added = new AddedVocabulary(declaredAddedTokens, model, normalizer);
        this.generalPathOnly = b.generalPathOnly;
        // The fast path gets text between added tokens cut from the original text: exact when no added token is
        // matched in normalized text, or when nothing is normalized.
        boolean rawCuts = normalizer == null || !added.hasNormalizedTokens();
        this.fast = rawCuts && !b.generalPathOnly
                ? SegmentEncoders.forPipeline(normalizer, preTokenizer, model).orElse(null)
                : null;
        this.fastReadsLoneSurrogates = fast != null
                && normalizer == null
                && fast.readsLoneSurrogatesAsReplacement()
                && declaredAddedTokens.stream().noneMatch(t -> hasSurrogateOrReplacement(t.content()));
    }

    /** The text the fast path gets: lone surrogates replaced, unless it reads them as replaced already. */
    private String forFastPath(String text) {
        return fastReadsLoneSurrogates ? text : replaceLoneSurrogates(text);
    }

    private static boolean hasSurrogateOrReplacement(String s) {
        return s.chars().anyMatch(c -> Character.isSurrogate((char) c) || c == 0xFFFD);
    }

    public static Builder builder(Model model) {
        return new Builder().model(model);
    }

    /** A builder starting from this tokenizer's components. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.normalizer = normalizer;
        b.preTokenizer = preTokenizer;
        b.model = model;
        b.postProcessor = postProcessor;
        b.decoder = decoder;
        b.truncation = truncation;
        b.padding = padding;
        b.addedTokens.addAll(declaredAddedTokens);
        b.generalPathOnly = generalPathOnly;
        return b;
    }

    /** Encodes {@code text} with special tokens added by the post-processor, as HF's {@code encode} does. */
    public Encoding encode(String text) {
        return encode(text, true);
    }

    public Encoding encode(String text, boolean addSpecialTokens) {
        return postProcess(encodeSequence(text, 0), null, addSpecialTokens);
    }

    public Encoding encodePair(String first, String second, boolean addSpecialTokens) {
        return postProcess(encodeSequence(first, 0), encodeSequence(second, 1), addSpecialTokens);
    }

    /** Only the ids of {@link #encode(String, boolean)}; on fast paths, without building the encoding. */
    public int[] encodeIds(String text, boolean addSpecialTokens) {
        boolean processorAddsNothing =
                postProcessor == null || !addSpecialTokens || postProcessor.addedTokens(false) == 0;
        if (fast == null || truncation != null || padding != null || !processorAddsNothing) {
            return encode(text, addSpecialTokens).ids();
        }
        // Post-processors only add special tokens; with none to add, the ids are the sequence's own.
        return sequenceIds(text);
    }

    /** The ids of one sequence through the fast path, before post-processing, truncation and padding. */
    private int[] sequenceIds(String text) {
        text = forFastPath(text);
        FastScratch s = fastScratch.get();
        IntList seg = s.segments;
        added.segments(text, seg);
        IntList ids = s.ids;
        ids.clear();
        for (int r = 0; r < seg.size(); r += 3) {
            int id = seg.get(r + 2);
            if (id >= 0) {
                ids.add(id);
            } else {
                fast.encodeIds(text, seg.get(r), seg.get(r + 1), ids);
            }
        }
        return ids.toArray();
    }

    /** The number of tokens {@code text} encodes to, without special tokens; allocates nothing on fast paths. */
    public int countTokens(String text) {
        if (fast == null) {
            return encodeSequence(text, 0).size();
        }
        text = forFastPath(text);
        FastScratch s = fastScratch.get();
        added.segments(text, s.segments);
        IntList seg = s.segments;
        int total = 0;
        for (int r = 0; r < seg.size(); r += 3) {
            if (seg.get(r + 2) >= 0) {
                total++;
            } else {
                total += fast.count(text, seg.get(r), seg.get(r + 1));
            }
        }
        return total;
    }

    /**
     * Encodes text read from {@code in} as it arrives, passing ids to {@code sink}: the ids of {@code
     * encode(wholeText, false)} without truncation, in bounded memory. Tokenizers with a fast path cut the input
     * where the encoder proves a cut changes nothing (before a space between ASCII letters or digits); a stretch
     * with no such place (a megabyte of text without spaces) is held until one comes. Other tokenizers read the
     * whole input first. Returns the number of ids.
     */
    public long encodeStream(java.io.Reader in, java.util.function.IntConsumer sink) throws java.io.IOException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(sink, "sink");
        if (fast == null || !added.allowsCutsAtSpaces()) {
            StringBuilder all = new StringBuilder();
            char[] buf = new char[1 << 16];
            for (int r; (r = in.read(buf)) >= 0; ) {
                all.append(buf, 0, r);
            }
            return emit(withoutTruncationOrPadding().encodeIds(all.toString(), false), sink);
        }
        char[] buf = new char[STREAM_CHUNK];
        StringBuilder pending = new StringBuilder();
        int scanned = 0; // pending[0, scanned) holds no safe cut
        long total = 0;
        while (true) {
            int r = in.read(buf);
            if (r < 0) {
                if (!pending.isEmpty()) {
                    total += emit(sequenceIds(pending.toString()), sink);
                }
                return total;
            }
            pending.append(buf, 0, r);
            if (pending.length() - scanned < STREAM_CHUNK) {
                continue;
            }
            String text = pending.toString();
            int cut = fast.lastSafeCut(text, Math.max(0, scanned - 2), text.length());
            if (cut < 0) {
                scanned = text.length();
                continue;
            }
            total += emit(sequenceIds(text.substring(0, cut)), sink);
            pending.delete(0, cut);
            scanned = 0;
        }
    }

    /** Characters read before a streaming encoder looks for a place to cut. */
    private static final int STREAM_CHUNK = 1 << 18;

    private static long emit(int[] ids, java.util.function.IntConsumer sink) {
        for (int id : ids) {
            sink.accept(id);
        }
        return ids.length;
    }

    /** Whether this tokenizer encodes through a fast path (see {@link SegmentEncoders}). */
    public boolean hasFastPath() {
        return fast != null;
    }

    /** This tokenizer with its fast path turned off: the general pipeline only, for differential testing. */
    public Tokenizer generalPathOnly() {
        Builder b = toBuilder();
        b.generalPathOnly = true;
        return b.build();
    }

    /**
     * Encodes {@code texts} on {@code parallelism} threads (a pool of its own, closed before returning); the
     * result is in input order and equal to encoding each text alone.
     */
    public List<Encoding> encodeBatch(List<String> texts, boolean addSpecialTokens, int parallelism) {
        return Batches.map(texts, parallelism, t -> encode(t, addSpecialTokens));
    }

    /** The ids of {@link #encodeBatch}. */
    public int[][] encodeIdsBatch(List<String> texts, boolean addSpecialTokens, int parallelism) {
        return Batches.map(texts, parallelism, t -> encodeIds(t, addSpecialTokens))
                .toArray(new int[0][]);
    }

    /** Normalization and pre-tokenization only: the pieces the model sees, with their original offsets. */
    public List<PreTokenizedString.Split> preTokenize(String text) {
        PreTokenizedString pts = added.extractAndNormalize(normalizer, text);
        if (preTokenizer != null) {
            preTokenizer.preTokenize(pts);
        }
        return pts.splits();
    }

    /** The normalized form of {@code text} (added tokens are not normalized specially here). */
    public String normalize(String text) {
        NormalizedString s = NormalizedString.of(text);
        if (normalizer != null) {
            normalizer.normalize(s);
        }
        return s.get();
    }

    private Encoding encodeSequence(String text, int typeId) {
        text = replaceLoneSurrogates(text);
        if (fast != null) {
            return fastEncodeSequence(text, typeId);
        }
        PreTokenizedString pts = added.extractAndNormalize(normalizer, text);
        if (preTokenizer != null) {
            preTokenizer.preTokenize(pts);
        }
        pts.tokenize(piece -> model.tokenize(piece.get()));
        List<PreTokenizedString.Split> splits = pts.splits();
        Encoding.Builder b = Encoding.builder(Math.max(4, text.length() / 3));
        for (int word = 0; word < splits.size(); word++) {
            PreTokenizedString.Split split = splits.get(word);
            NormalizedString piece = split.normalized();
            for (Token t : split.tokens()) {
                int[] o = piece.toOriginal(t.start(), t.end());
                b.add(t.id(), t.value(), o[0], o[1], typeId, word, 0, typeId);
            }
        }
        return b.build();
    }

    private Encoding fastEncodeSequence(String text, int typeId) {
        FastScratch s = fastScratch.get();
        IntList seg = s.segments;
        added.segments(text, seg);
        TokenSink sink = s.sink;
        sink.clear();
        for (int r = 0; r < seg.size(); r += 3) {
            int start = seg.get(r);
            int end = seg.get(r + 1);
            int id = seg.get(r + 2);
            if (id >= 0) {
                sink.add(id, start, end);
                sink.endWord();
            } else {
                fast.encode(text, start, end, sink);
            }
        }
        int n = sink.size();
        Encoding.Builder b = Encoding.builder(n);
        for (int i = 0; i < n; i++) {
            int id = sink.idAt(i);
            b.add(id, idToToken(id), sink.startAt(i), sink.endAt(i), typeId, sink.wordAt(i), 0, typeId);
        }
        return b.build();
    }

    /** One thread's buffers for the fast path. */
    private static final class FastScratch {
        final IntList segments = new IntList();
        final TokenSink sink = new TokenSink();
        final IntList ids = new IntList(256);
    }

    /**
     * Java strings may hold unpaired surrogates, which have no UTF-8 form and so no bytes to tokenize. Each becomes
     * U+FFFD (as Python's tiktoken does); offsets are unchanged since both are one UTF-16 unit.
     */
    static String replaceLoneSurrogates(String text) {
        char[] copy = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isSurrogate(c)) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
                continue;
            }
            if (copy == null) {
                copy = text.toCharArray();
            }
            copy[i] = '\uFFFD';
        }
        return copy == null ? text : new String(copy);
    }

    private Encoding postProcess(Encoding first, Encoding second, boolean addSpecialTokens) {
        if (truncation != null) {
            int max = truncation.maxLength();
            int n = postProcessor == null ? 0 : postProcessor.addedTokens(second != null);
            if (addSpecialTokens && n > 0) {
                max = Math.max(0, max - n);
            }
            Encoding[] cut = truncation.apply(first, second, max);
            first = cut[0];
            second = cut[1];
        }
        Encoding result = postProcessor != null
                ? postProcessor.process(first, second, addSpecialTokens)
                : PostProcessor.defaultProcess(first, second);
        if (padding != null) {
            result = padding.apply(result);
        }
        return result;
    }

    /** Decodes ids to text with the decoder (HF's {@code decode}); unknown ids are skipped. */
    public String decode(int[] ids, boolean skipSpecialTokens) {
        List<String> tokens = tokensForDecoding(ids, skipSpecialTokens);
        if (decoder == null) {
            return String.join(" ", tokens);
        }
        return String.join("", decoder.decodeChain(tokens));
    }

    /**
     * Decodes ids to the exact bytes they stand for: where {@link #decode} would put U+FFFD for bytes that are not
     * valid UTF-8 (byte-level and byte-fallback tokens cut inside a character), these keep the raw bytes.
     */
    public byte[] decodeBytes(int[] ids, boolean skipSpecialTokens) {
        List<String> tokens = tokensForDecoding(ids, skipSpecialTokens);
        if (decoder == null) {
            return String.join(" ", tokens).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        return RawBytes.toBytes(String.join("", decoder.decodeChainRaw(tokens)));
    }

    /** A decoder for ids arriving one by one that emits text only once it is complete (HF's DecodeStream). */
    public StreamingDecoder streamingDecoder(boolean skipSpecialTokens) {
        return new StreamingDecoder(ids -> decode(ids, skipSpecialTokens));
    }

    /** A decoder for ids arriving one by one that emits bytes and never splits a UTF-8 sequence. */
    public StreamingBytesDecoder streamingBytesDecoder(boolean skipSpecialTokens) {
        return new StreamingBytesDecoder(ids -> decodeBytes(ids, skipSpecialTokens));
    }

    List<String> tokensForDecoding(int[] ids, boolean skipSpecialTokens) {
        List<String> tokens = new ArrayList<>(ids.length);
        for (int id : ids) {
            String token = idToToken(id);
            if (token == null || (skipSpecialTokens && added.isSpecial(token))) {
                continue;
            }
            tokens.add(token);
        }
        return tokens;
    }

    /** The id of a token (added tokens first), or -1. */
    public int tokenToId(String token) {
        int id = added.idOf(token);
        return id >= 0 ? id : model.tokenToId(token);
    }

    /** The token of an id (added tokens first), or null. */
    public String idToToken(int id) {
        String t = added.contentOf(id);
        return t != null ? t : model.idToToken(id);
    }

    /** Whether {@code token} is a special added token. */
    public boolean isSpecialToken(String token) {
        return added.isSpecial(token);
    }

    /** Vocabulary size; with added tokens, counting those that are not already in the model once. */
    public int vocabSize(boolean withAddedTokens) {
        int base = model.vocabSize();
        if (!withAddedTokens) {
            return base;
        }
        int extra = 0;
        for (String t : added.vocab().keySet()) {
            if (model.tokenToId(t) < 0) {
                extra++;
            }
        }
        return base + extra;
    }

    /** Token to id, with added tokens when asked. */
    public Map<String, Integer> vocab(boolean withAddedTokens) {
        Map<String, Integer> v = new HashMap<>(model.vocab());
        if (withAddedTokens) {
            v.putAll(added.vocab());
        }
        return v;
    }

    /** The added tokens with the ids they were given on load. */
    public List<AddedToken> addedTokens() {
        return added.tokens();
    }

    /** The added tokens as declared (file order and ids), for writing back. */
    public List<AddedToken> declaredAddedTokens() {
        return declaredAddedTokens;
    }

    public Optional<Normalizer> normalizer() {
        return Optional.ofNullable(normalizer);
    }

    public Optional<PreTokenizer> preTokenizer() {
        return Optional.ofNullable(preTokenizer);
    }

    public Model model() {
        return model;
    }

    public Optional<PostProcessor> postProcessor() {
        return Optional.ofNullable(postProcessor);
    }

    public Optional<Decoder> decoder() {
        return Optional.ofNullable(decoder);
    }

    public Optional<Truncation> truncation() {
        return Optional.ofNullable(truncation);
    }

    public Optional<Padding> padding() {
        return Optional.ofNullable(padding);
    }

    /** This tokenizer without truncation and padding: whole texts, as tools that count or compare want. */
    public Tokenizer withoutTruncationOrPadding() {
        if (truncation == null && padding == null) {
            return this;
        }
        return toBuilder().truncation(null).padding(null).build();
    }

    /** Assembles a tokenizer; only the model is required. */
    public static final class Builder {
        private Normalizer normalizer;
        private PreTokenizer preTokenizer;
        private Model model;
        private PostProcessor postProcessor;
        private Decoder decoder;
        private Truncation truncation;
        private Padding padding;
        private final List<AddedToken> addedTokens = new ArrayList<>();
        private boolean generalPathOnly;

        private Builder() {}

        public Builder normalizer(Normalizer normalizer) {
            this.normalizer = normalizer;
            return this;
        }

        public Builder preTokenizer(PreTokenizer preTokenizer) {
            this.preTokenizer = preTokenizer;
            return this;
        }

        public Builder model(Model model) {
            this.model = model;
            return this;
        }

        public Builder postProcessor(PostProcessor postProcessor) {
            this.postProcessor = postProcessor;
            return this;
        }

        public Builder decoder(Decoder decoder) {
            this.decoder = decoder;
            return this;
        }

        public Builder truncation(Truncation truncation) {
            this.truncation = truncation;
            return this;
        }

        public Builder padding(Padding padding) {
            this.padding = padding;
            return this;
        }

        public Builder addedTokens(List<AddedToken> tokens) {
            this.addedTokens.addAll(tokens);
            return this;
        }

        public Builder addedToken(AddedToken token) {
            this.addedTokens.add(token);
            return this;
        }

        public Tokenizer build() {
            return new Tokenizer(this);
        }
    }
}
