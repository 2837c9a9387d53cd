package dev.tokensmith.corpora;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The directory layout {@code <root>/<category>.<ext>[.<compression>]}, searched recursively. */
final class CorpusLayout {
    private static final List<String> EXTENSIONS = List.of(".txt", ".jsonl", ".ndjson", ".parquet");

    private CorpusLayout() {}

    static List<Category> categories(Path root) {
        List<Category> categories = new ArrayList<>();
        for (Path file : FileResolver.walk(root, relative -> categoryName(relative) != null)) {
            String name = categoryName(root.relativize(file));
            categories.add(Category.of(name, new FileSource(new Input.FileInput(file), SourceOptions.DEFAULT)));
        }
        if (categories.isEmpty()) {
            throw new CorpusException(root + ": no category files (<category>.txt, .jsonl or .parquet, optionally"
                    + " .gz/.xz/.zst) and no " + Corpus.MANIFEST);
        }
        return categories;
    }

    /** The category a file holds, or null when its name is not a category file's. */
    static String categoryName(Path relative) {
        String path = Compression.stripSuffix(FileResolver.slashed(relative));
        String lower = path.toLowerCase(Locale.ROOT);
        for (String extension : EXTENSIONS) {
            if (lower.endsWith(extension) && lower.length() > extension.length()) {
                return path.substring(0, path.length() - extension.length());
            }
        }
        return null;
    }
}
