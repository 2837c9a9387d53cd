package dev.tokensmith.core.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Where an artifact came from, written beside it ({@code tokenizer.json} → {@code tokenizer.provenance.json}):
 * what made it, with which settings, from which inputs (paths, sizes, SHA-256), by which Tokensmith, Java and
 * platform, and when. Enough to reproduce the artifact or to notice that an input changed.
 *
 * <pre>{@code
 * Provenance.of("train", Map.of("vocabSize", 32000), List.of(Provenance.Input.of("corpus", path)))
 *         .writeBeside(tokenizerJson);
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

    /** One input: its role ("corpus", "counts", "base model"), where it was, its size and digest. */
    public record Input(String role, String path, long bytes, String sha256) {
        /** Hashes the file (streaming). */
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
                throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
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
                System.getProperty("os.name") + " " + System.getProperty("os.arch"),
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

    public void write(Path target) throws IOException {
        AtomicFiles.writeString(
                target, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(toJson()) + "\n");
    }
}
