package dev.tokensmith.corpora;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Named categories of text. Opened from a directory laid out as {@code <root>/<category>.txt} (also {@code .jsonl},
 * {@code .parquet}, each optionally {@code .gz}/{@code .xz}/{@code .zst}; subdirectories give names such as
 * {@code nl/en}), or from a manifest JSON ({@code corpus.json}) that names each category's sources, licence and
 * size. The format of both is in docs/corpora.md.
 *
 * <pre>{@code
 * Corpus corpus = Corpus.open(Path.of("data/corpora"));
 * try (Stream<String> docs = corpus.category("nl/en").documents()) { ... }
 * }</pre>
 */
public final class Corpus {
    /** The manifest file name that {@link #open(Path)} looks for in a directory. */
    public static final String MANIFEST = "corpus.json";

    private final String name;
    private final List<Category> categories;

    private Corpus(String name, List<Category> categories) {
        this.name = Objects.requireNonNull(name, "name");
        this.categories = List.copyOf(categories);
        Set<String> seen = new HashSet<>();
        for (Category c : this.categories) {
            if (!seen.add(c.name())) {
                throw new CorpusException(name + ": category \"" + c.name() + "\" appears twice");
            }
        }
    }

    /** A corpus of the given categories, in that order. */
    public static Corpus of(String name, List<Category> categories) {
        return new Corpus(name, categories);
    }

    /**
     * Opens a manifest file, a directory holding {@value #MANIFEST}, or a directory in the
     * {@code <root>/<category>.txt} layout.
     *
     * @throws CorpusException when the path does not exist, the manifest is invalid or the directory has no
     *     category files
     */
    public static Corpus open(Path rootOrManifest) {
        if (Files.isRegularFile(rootOrManifest)) {
            return CorpusManifest.read(rootOrManifest);
        }
        if (Files.isDirectory(rootOrManifest)) {
            Path manifest = rootOrManifest.resolve(MANIFEST);
            return Files.isRegularFile(manifest)
                    ? CorpusManifest.read(manifest)
                    : new Corpus(rootOrManifest.toString(), CorpusLayout.categories(rootOrManifest));
        }
        throw new CorpusException(rootOrManifest + ": no such file or directory");
    }

    public String name() {
        return name;
    }

    /** The categories, in the manifest's order or sorted by name for a directory layout. */
    public List<Category> categories() {
        return categories;
    }

    /** The category named {@code name}. @throws CorpusException naming the categories there are */
    public Category category(String categoryName) {
        for (Category c : categories) {
            if (c.name().equals(categoryName)) {
                return c;
            }
        }
        throw new CorpusException(name + ": no category \"" + categoryName + "\"; it has "
                + String.join(", ", categories.stream().map(Category::name).toList()));
    }

    /** All categories read one after another, in order. */
    public TextSource all() {
        return Corpora.concat(name, categories);
    }

    @Override
    public String toString() {
        return name + " (" + categories.size() + " categories)";
    }
}
