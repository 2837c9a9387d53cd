package dev.tokensmith.corpora;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Opens text sources: files, directories (recursively) and globs, in any mix of plain text, JSON Lines and
 * Parquet, each optionally compressed with gzip, xz or zstd.
 *
 * <p>Per file: Parquet is recognised by its magic bytes ({@code PAR1}); compression by its magic bytes, not the
 * name; JSON Lines by the name ({@code .jsonl} or {@code .ndjson}, before any compression suffix); everything
 * else is plain text, cut into documents by {@link SourceOptions#boundary()} (blank lines by default). Text must
 * be valid UTF-8: an invalid byte fails the stream with the file and the byte offset.
 *
 * <pre>{@code
 * TextSource source = Corpora.open("data/nl/*.txt.xz", "extra/");
 * TextSource jsonl = Corpora.open(SourceOptions.DEFAULT.withJsonField("content"), List.of("dump.jsonl.zst"));
 * }</pre>
 */
public final class Corpora {
    private Corpora() {}

    /** The files that the paths and globs name, read with the default options. */
    public static TextSource open(String... pathsOrGlobs) {
        return open(SourceOptions.DEFAULT, Arrays.asList(pathsOrGlobs));
    }

    /** The files that the paths name (taken literally, never as globs), read with the default options. */
    public static TextSource open(Path... paths) {
        if (paths.length == 0) {
            throw new IllegalArgumentException("no paths given");
        }
        List<FileSource> files = new ArrayList<>();
        for (Path path : paths) {
            for (Path file : FileResolver.resolve(path)) {
                files.add(new FileSource(new Input.FileInput(file), SourceOptions.DEFAULT));
            }
        }
        String name = String.join(", ", Arrays.stream(paths).map(Path::toString).toList());
        return paths.length == 1 && Files.isRegularFile(paths[0]) ? files.getFirst() : new MultiSource(name, files);
    }

    /**
     * The files that the paths and globs name, in the order given (directories and globs expanded in sorted
     * order), read as one source with the given options.
     *
     * @throws CorpusException when a path does not exist or a glob matches nothing
     */
    public static TextSource open(SourceOptions options, List<String> pathsOrGlobs) {
        if (pathsOrGlobs.isEmpty()) {
            throw new IllegalArgumentException("no paths given");
        }
        List<FileSource> files = new ArrayList<>();
        for (String arg : pathsOrGlobs) {
            for (Path file : FileResolver.resolve(arg)) {
                files.add(new FileSource(new Input.FileInput(file), options));
            }
        }
        String name = String.join(", ", pathsOrGlobs);
        return files.size() == 1 && !FileResolver.isGlob(name) ? files.getFirst() : new MultiSource(name, files);
    }

    /** Sources read one after another, as one source named {@code name}. */
    public static TextSource concat(String name, List<? extends TextSource> sources) {
        List<TextSource> parts = new ArrayList<>();
        for (TextSource s : sources) {
            parts.addAll(s.parts());
        }
        return new MultiSource(name, parts);
    }

    static TextSource of(String name, List<Input> inputs, SourceOptions options) {
        List<FileSource> files =
                inputs.stream().map(i -> new FileSource(i, options)).toList();
        return new MultiSource(name, files);
    }
}
