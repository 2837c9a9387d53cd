package dev.tokensmith.transplant.io;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokensmith.core.format.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What produced an artifact: the SHA-256 of every input file, the full configuration, and the Tokensmith,
 * Java and OS versions. Written beside a transplanted model as {@value #FILE}. No timestamp is recorded, so
 * the same inputs and configuration give the same file.
 *
 * <pre>{@code
 * Provenance p = Provenance.of(
 *         Map.of("base", Path.of("MiniLM"), "tokenizer", Path.of("new/tokenizer.json")),
 *         Map.of("method", "omp", "k", 64));
 * }</pre>
 *
 * @param inputs for each input file, {@code label} or {@code label/relative/path} → lowercase hex SHA-256
 * @param configuration the settings that produced the artifact (JSON-serialisable values)
 */
public record Provenance(
        Map<String, String> inputs,
        Map<String, Object> configuration,
        String tokensmithVersion,
        String javaVersion,
        String os,
        String arch) {
    public static final String FILE = "tokensmith-provenance.json";

    public Provenance {
        inputs = Map.copyOf(inputs);
        configuration = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(configuration));
    }

    /**
     * Hashes each input (a file, or every regular file under a directory, by relative path) and records this
     * runtime's versions.
     */
    public static Provenance of(Map<String, Path> inputs, Map<String, Object> configuration) {
        Map<String, String> hashes = new TreeMap<>();
        inputs.forEach((label, path) -> {
            if (Files.isDirectory(path)) {
                try (Stream<Path> files = Files.walk(path)) {
                    List<Path> sorted =
                            files.filter(Files::isRegularFile).sorted().toList();
                    for (Path f : sorted) {
                        String rel = path.relativize(f).toString().replace('\\', '/');
                        hashes.put(label + "/" + rel, sha256(f));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else {
                hashes.put(label, sha256(path));
            }
        });
        return new Provenance(
                hashes,
                configuration,
                currentTokensmithVersion(),
                System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("os.arch"));
    }

    /** Lowercase hex SHA-256 of a file's bytes. */
    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new ModelFormatException(file.toString(), "cannot read: " + ModelFormatException.oneLine(e), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Tokensmith's version (the core's, filtered into a resource at build time). */
    public static String currentTokensmithVersion() {
        return dev.tokensmith.core.format.Provenance.currentVersion();
    }

    public ObjectNode toJson() {
        ObjectNode n = Json.object();
        n.put("tokensmith", tokensmithVersion);
        n.put("java", javaVersion);
        n.put("os", os);
        n.put("arch", arch);
        ObjectNode in = n.putObject("inputs");
        new TreeMap<>(inputs).forEach(in::put);
        n.set("configuration", Json.MAPPER.valueToTree(configuration));
        return n;
    }
}
