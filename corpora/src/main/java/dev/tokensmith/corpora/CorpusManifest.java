package dev.tokensmith.corpora;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a corpus manifest (format in docs/corpora.md). Unknown keys are errors, so that a misspelt key does not
 * silently fall back to a default. Sources are paths or globs relative to the manifest's directory.
 */
final class CorpusManifest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TOP_KEYS = Set.of("name", "description", "license", "categories");
    private static final Set<String> CATEGORY_KEYS = Set.of(
            "name", "sources", "format", "boundary", "field", "column", "license", "origin", "bytes", "documents");

    private final String file;
    private final Function<String, List<Input>> resolver;

    private CorpusManifest(String file, Function<String, List<Input>> resolver) {
        this.file = file;
        this.resolver = resolver;
    }

    static Corpus read(Path manifest) {
        Path dir = manifest.toAbsolutePath().getParent();
        Function<String, List<Input>> resolver =
                source -> FileResolver.resolve(dir.resolve(source).toString()).stream()
                        .<Input>map(Input.FileInput::new)
                        .toList();
        try (InputStream in = Files.newInputStream(manifest)) {
            return new CorpusManifest(manifest.toString(), resolver)
                    .parse(
                            in,
                            dir.getFileName() == null
                                    ? "corpus"
                                    : dir.getFileName().toString());
        } catch (IOException e) {
            throw new CorpusException(manifest + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** A manifest on the class path; its sources are resources next to it (no globs). */
    static Corpus readResource(ClassLoader loader, String manifestResource) {
        String prefix = manifestResource.substring(0, manifestResource.lastIndexOf('/') + 1);
        Function<String, List<Input>> resolver = source -> List.of(new Input.ResourceInput(loader, prefix + source));
        String name = "classpath:" + manifestResource;
        try (InputStream in = loader.getResourceAsStream(manifestResource)) {
            if (in == null) {
                throw new CorpusException(name + ": not on the class path");
            }
            return new CorpusManifest(name, resolver).parse(in, name);
        } catch (IOException e) {
            throw new CorpusException(name + ": cannot read: " + e.getMessage(), e);
        }
    }

    private Corpus parse(InputStream in, String defaultName) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (JacksonException e) {
            throw new CorpusException(file + ": not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new CorpusException(file + ": expected a JSON object");
        }
        checkKeys(root, TOP_KEYS, "the manifest");
        String name = optionalText(root, "name", "the manifest").orElse(defaultName);
        Optional<String> license = optionalText(root, "license", "the manifest");
        JsonNode categories = root.get("categories");
        if (categories == null || !categories.isArray() || categories.isEmpty()) {
            throw new CorpusException(file + ": \"categories\" must be a non-empty array");
        }
        List<Category> list = new ArrayList<>();
        for (JsonNode c : categories) {
            list.add(category(c, license));
        }
        return Corpus.of(name, list);
    }

    private Category category(JsonNode node, Optional<String> defaultLicense) {
        if (!node.isObject()) {
            throw new CorpusException(file + ": each category must be a JSON object");
        }
        String name = optionalText(node, "name", "a category")
                .orElseThrow(() -> new CorpusException(file + ": a category has no \"name\""));
        String where = "category \"" + name + "\"";
        checkKeys(node, CATEGORY_KEYS, where);
        JsonNode sources = node.get("sources");
        if (sources == null || !sources.isArray() || sources.isEmpty()) {
            throw new CorpusException(file + ": " + where + ": \"sources\" must be a non-empty array of paths");
        }
        SourceOptions options = SourceOptions.DEFAULT;
        Optional<String> format = optionalText(node, "format", where);
        if (format.isPresent()) {
            options = options.withFormat(
                    switch (format.get()) {
                        case "auto" -> SourceFormat.AUTO;
                        case "text" -> SourceFormat.TEXT;
                        case "jsonl" -> SourceFormat.JSON_LINES;
                        case "parquet" -> SourceFormat.PARQUET;
                        default -> throw invalid(where, "format", format.get(), "auto, text, jsonl, parquet");
                    });
        }
        Optional<String> boundary = optionalText(node, "boundary", where);
        if (boundary.isPresent()) {
            options = options.withBoundary(
                    switch (boundary.get()) {
                        case "blank-line" -> DocumentBoundary.BLANK_LINE;
                        case "line" -> DocumentBoundary.LINE;
                        case "file" -> DocumentBoundary.FILE;
                        default -> throw invalid(where, "boundary", boundary.get(), "blank-line, line, file");
                    });
        }
        options = options.withJsonField(optionalText(node, "field", where).orElse(options.jsonField()));
        options = options.withParquetColumn(optionalText(node, "column", where).orElse(options.parquetColumn()));
        List<Input> inputs = new ArrayList<>();
        for (JsonNode s : sources) {
            if (!s.isTextual()) {
                throw new CorpusException(file + ": " + where + ": \"sources\" must hold strings");
            }
            inputs.addAll(resolver.apply(s.asText()));
        }
        return new Category(
                name,
                Corpora.of(name, inputs, options),
                optionalText(node, "license", where).or(() -> defaultLicense),
                optionalText(node, "origin", where),
                optionalCount(node, "bytes", where),
                optionalCount(node, "documents", where));
    }

    private void checkKeys(JsonNode node, Set<String> allowed, String where) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                throw new CorpusException(file + ": " + where + ": unknown key \"" + key + "\" (known: "
                        + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
    }

    private Optional<String> optionalText(JsonNode node, String key, String where) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw new CorpusException(file + ": " + where + ": \"" + key + "\" must be a string");
        }
        return Optional.of(value.asText());
    }

    private OptionalLong optionalCount(JsonNode node, String key, String where) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return OptionalLong.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < 0) {
            throw new CorpusException(file + ": " + where + ": \"" + key + "\" must be a non-negative integer");
        }
        return OptionalLong.of(value.asLong());
    }

    private CorpusException invalid(String where, String key, String value, String allowed) {
        return new CorpusException(file + ": " + where + ": \"" + key + "\" is \"" + value + "\"; use one of "
                + allowed.toLowerCase(Locale.ROOT));
    }
}
