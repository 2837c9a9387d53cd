package dev.tokensmith.core.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Where an artifact came from: what made it, with which settings, from which inputs (paths, sizes, SHA-256), by
 * which Tokensmith, Java and platform, and when. Enough to reproduce the artifact or to notice that an input
 * changed. A file artifact gets it beside itself ({@code tokenizer.json} → {@code tokenizer.provenance.json},
 * {@link #writeBeside}); a folder artifact such as a transplanted model gets it inside, as {@value #IN_FOLDER}
 * ({@link #writeInto}). An input directory is recorded file by file ({@link Input#ofTree}).
 *
 * <p>{@code created_at} is always recorded, so two runs with the same inputs and configuration write different
 * provenance files: to tell whether two artifacts were made the same way, compare {@link #inputs()} and
 * {@link #configuration()}, not the files' bytes. (Knowing when an artifact was made is worth more than a
 * byte-reproducible provenance file; the artifacts themselves stay reproducible.)
 *
 * <pre>{@code
 * Provenance.of("train", Map.of("vocabSize", 32000), List.of(Provenance.Input.of("corpus", path)))
 *         .writeBeside(tokenizerJson);
 * List<Provenance.Input> inputs = Provenance.Input.ofTree("base", Path.of("MiniLM")); // "base/config.json", ...
 * Provenance.of("tokensmith transplant", Map.of("method", "omp"), inputs).writeInto(outDir);
 * }</pre>
 */
public record Provenance(
        String producedBy,
        String tokensmithVersion,
        String java,
        String platform,
        String createdAt,
        Map<String, Object> configuration,
        List<Input> inputs) {

    /** The provenance file of a folder artifact (a model directory), inside that folder. */
    public static final String IN_FOLDER = "tokensmith-provenance.json";

    /**
     * One input: its role ("corpus", "counts", "base model"; {@code label/relative/path} for a file of an input
     * directory), where it was, its size and digest.
     */
    public record Input(String role, String path, long bytes, String sha256) {
        /**
         * Hashes the file (streaming).
         *
         * @throws UncheckedIOException whose one-line message names the file, when it cannot be read
         */
        public static Input of(String role, Path file) {
            try (InputStream in = Files.newInputStream(file)) {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                byte[] buf = new byte[1 << 16];
                long total = 0;
                for (int n; (n = in.read(buf)) > 0; ) {
                    sha.update(buf, 0, n);
                    total += n;
                }
                return new Input(role, file.toString(), total, HexFormat.of().formatHex(sha.digest()));
            } catch (IOException e) {
                throw cannotRead(file, e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        /**
         * Every regular file under {@code dir}, in sorted order of relative path, each with role {@code
         * role/relative/path} ('/' on every platform). A regular file instead of a directory gives that one
         * file with role {@code role}, so an input that may be a folder or a single file (a Hugging Face
         * folder or an ONNX file) needs no case of its own.
         */
        public static List<Input> ofTree(String role, Path dir) {
            if (!Files.isDirectory(dir)) {
                return List.of(of(role, dir));
            }
            List<Path> files;
            try (Stream<Path> walk = Files.walk(dir)) {
                files = walk.filter(Files::isRegularFile)
                        .sorted(Comparator.comparing(f -> relative(dir, f)))
                        .toList();
            } catch (IOException e) {
                throw cannotRead(dir, e);
            } catch (UncheckedIOException e) { // from the walk's iteration
                throw cannotRead(dir, e.getCause());
            }
            List<Input> inputs = new ArrayList<>(files.size());
            for (Path f : files) {
                inputs.add(of(role + "/" + relative(dir, f), f));
            }
            return inputs;
        }

        private static String relative(Path dir, Path file) {
            return dir.relativize(file).toString().replace('\\', '/');
        }

        private static UncheckedIOException cannotRead(Path file, IOException e) {
            String why = switch (e) {
                case NoSuchFileException x -> "no such file";
                case AccessDeniedException x -> "permission denied";
                default -> {
                    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                    int nl = m.indexOf('\n');
                    yield nl >= 0 ? m.substring(0, nl) : m;
                }
            };
            return new UncheckedIOException("cannot read " + file + ": " + why, e);
        }
    }

    public Provenance {
        configuration = Collections.unmodifiableMap(new LinkedHashMap<>(configuration));
        inputs = List.copyOf(inputs);
    }

    /** Provenance of something produced now by {@code producedBy} (a command or API name). */
    public static Provenance of(String producedBy, Map<String, ?> configuration, List<Input> inputs) {
        return new Provenance(
                producedBy,
                currentVersion(),
                System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                Instant.now().toString(),
                new LinkedHashMap<>(configuration),
                inputs);
    }

    /** The version of this Tokensmith build ("unknown" outside a built jar). */
    public static String currentVersion() {
        Properties p = new Properties();
        try (InputStream in = Provenance.class.getResourceAsStream("/dev/tokensmith/core/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return p.getProperty("version", "unknown");
    }

    public ObjectNode toJson() {
        ObjectNode root = Json.object();
        root.put("produced_by", producedBy);
        root.put("tokensmith_version", tokensmithVersion);
        root.put("java", java);
        root.put("platform", platform);
        root.put("created_at", createdAt);
        root.set("configuration", Json.MAPPER.valueToTree(configuration));
        ArrayNode in = root.putArray("inputs");
        for (Input i : inputs) {
            ObjectNode n = in.addObject();
            n.put("role", i.role());
            n.put("path", i.path());
            n.put("bytes", i.bytes());
            n.put("sha256", i.sha256());
        }
        return root;
    }

    public static Provenance fromJson(JsonNode root) {
        List<Input> inputs = new ArrayList<>();
        for (JsonNode n : root.path("inputs")) {
            inputs.add(new Input(
                    n.path("role").asText(),
                    n.path("path").asText(),
                    n.path("bytes").asLong(),
                    n.path("sha256").asText()));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> config = Json.MAPPER.convertValue(root.path("configuration"), Map.class);
        return new Provenance(
                root.path("produced_by").asText(),
                root.path("tokensmith_version").asText(),
                root.path("java").asText(),
                root.path("platform").asText(),
                root.path("created_at").asText(),
                config == null ? Map.of() : config,
                inputs);
    }

    /** The provenance file of an artifact: {@code x.json} → {@code x.provenance.json}. */
    public static Path besides(Path artifact) {
        String name = artifact.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        return artifact.resolveSibling(stem + ".provenance.json");
    }

    /** Writes {@link #besides(Path) the provenance file} of {@code artifact} atomically; returns its path. */
    public Path writeBeside(Path artifact) throws IOException {
        Path target = besides(artifact);
        write(target);
        return target;
    }

    /** Writes {@value #IN_FOLDER} inside {@code folder} atomically; returns its path. */
    public Path writeInto(Path folder) throws IOException {
        Path target = folder.resolve(IN_FOLDER);
        write(target);
        return target;
    }

    public void write(Path target) throws IOException {
        AtomicFiles.writeString(
                target, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(toJson()) + "\n");
    }
}
