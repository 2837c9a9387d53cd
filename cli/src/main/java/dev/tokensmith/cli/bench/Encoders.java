package dev.tokensmith.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokensmith.cli.bench.BenchEncoder.Library;
import dev.tokensmith.cli.compare.DjlTokenizer;
import dev.tokensmith.cli.compare.ReferenceLoader;
import dev.tokensmith.cli.compare.ReferenceUnavailableException;
import dev.tokensmith.core.Tokenizer;
import dev.tokensmith.core.Tokenizers;
import dev.tokensmith.core.format.Json;
import dev.tokensmith.core.format.Tiktoken;
import dev.tokensmith.core.format.TiktokenConverter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The encoders that can run a tokenizer: Tokensmith's always (the first is the reference for token counts);
 * JTokkit's for OpenAI's built-in encodings; HF's (through DJL) for a HF tokenizer.json, and for the built-in
 * encodings through the tokenizer.json that {@link TiktokenConverter} writes. JTokkit and DJL are looked up on
 * the class path first; whatever cannot run is left out with a note saying why.
 */
public final class Encoders {
    private Encoders() {}

    /** Whether {@code result} is a single-thread reference of a run on several threads (no ratios for it). */
    public static boolean isOneThreadReference(EncoderResult result) {
        return result.encoder().endsWith(OneThread.SUFFIX);
    }

    /**
     * The encoders, and notes on libraries left out. Close it: the HF encoder holds native memory.
     *
     * @param encoders Tokensmith's first, then JTokkit's, then HF's
     * @param notes one line each: why a library asked for is missing, what runs as HF
     */
    public record EncoderSet(List<BenchEncoder> encoders, List<String> notes) implements AutoCloseable {
        public EncoderSet {
            encoders = List.copyOf(encoders);
            notes = List.copyOf(notes);
        }

        /**
         * These encoders plus, after them all, each full encoder but HF's pinned to one thread ({@link OneThread}),
         * for a run on several threads to report their scaling ({@link WorkloadResult#scaling}). HF is left out:
         * at a fiftieth of the speed it would double the run.
         */
        public EncoderSet withOneThreadReferences() {
            List<BenchEncoder> all = new ArrayList<>(encoders);
            for (BenchEncoder e : encoders) {
                if (e.operation() == BenchEncoder.Operation.ENCODE && e.library() != Library.HF) {
                    all.add(new OneThread(e));
                }
            }
            return new EncoderSet(all, notes);
        }

        @Override
        public void close() {
            for (BenchEncoder e : encoders) {
                if (e instanceof HfEncoder hf) {
                    hf.close();
                }
            }
        }
    }

    /**
     * The encoders for {@code tokenizer}, which {@code spec} names: a built-in name or a tokenizer file.
     *
     * @param others which libraries to measure besides Tokensmith
     * @param hfIdsOnly fetch only ids from HF (see {@link DjlTokenizer#countTokens}), else use DJL's {@code encode}
     */
    public static EncoderSet open(String spec, Tokenizer tokenizer, Set<Library> others, boolean hfIdsOnly) {
        List<BenchEncoder> encoders = new ArrayList<>(TokensmithEncoders.of(tokenizer));
        List<String> notes = new ArrayList<>();
        boolean builtin = Tokenizers.builtinNames().contains(spec);
        ClassLoader loader = Encoders.class.getClassLoader();
        if (others.contains(Library.JTOKKIT)) {
            if (!ReferenceLoader.isPresent(JtokkitEncoders.PROBE_CLASS, loader)) {
                notes.add("jtokkit: not on the class path (com.knuddels:jtokkit)");
            } else if (!builtin) {
                notes.add("jtokkit: has only OpenAI's built-in encodings, not " + spec);
            } else {
                JtokkitEncoders.forEncoding(spec)
                        .ifPresentOrElse(encoders::addAll, () -> notes.add("jtokkit: has no encoding named " + spec));
            }
        }
        if (others.contains(Library.HF)) {
            if (!ReferenceLoader.isPresent(ReferenceLoader.DJL_CLASS, loader)) {
                notes.add("hf: DJL (ai.djl.huggingface:tokenizers) is not on the class path");
            } else {
                openHf(spec, builtin, hfIdsOnly, notes).ifPresent(encoders::add);
            }
        }
        return new EncoderSet(encoders, notes);
    }

    private static Optional<BenchEncoder> openHf(String spec, boolean builtin, boolean idsOnly, List<String> notes) {
        Path temp = null;
        try {
            Path json;
            if (builtin) {
                temp = Files.createTempFile("tokensmith-bench-" + spec, ".json");
                Json.MAPPER.writeValue(temp.toFile(), TiktokenConverter.toTokenizerJson(Tiktoken.builtin(spec)));
                json = temp;
            } else if (isHfTokenizerJson(Path.of(spec))) {
                json = Path.of(spec);
            } else {
                notes.add("hf: " + spec + " is not a HF tokenizer.json");
                return Optional.empty();
            }
            HfEncoder hf = new HfEncoder(DjlTokenizer.open(json), idsOnly);
            notes.add("hf: " + hf.version() + (idsOnly ? ", fetching only the ids" : ", through DJL's encode()")
                    + (builtin ? ", on the tokenizer.json converted from " + spec : ""));
            return Optional.of(hf);
        } catch (ReferenceUnavailableException | IOException e) {
            notes.add("hf: " + e.getMessage());
            return Optional.empty();
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    notes.add("hf: could not delete " + temp + ": " + e.getMessage());
                }
            }
        }
    }

    /** A JSON file with a model and without tiktoken's ranks (claude.json has those). */
    static boolean isHfTokenizerJson(Path file) {
        if (file.getFileName().toString().endsWith(".tiktoken") || !Files.isRegularFile(file)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            JsonNode root = Json.MAPPER.readTree(in);
            return root != null && root.has("model") && !root.has("bpe_ranks");
        } catch (IOException e) {
            return false;
        }
    }
}
