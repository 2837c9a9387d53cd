package dev.tokensmith.core.testdata;

import dev.tokensmith.core.diff.LabeledText;
import dev.tokensmith.core.text.Utf8;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.tukaani.xz.BasicArrayCache;
import org.tukaani.xz.XZInputStream;

/**
 * Real text for parity tests, sampled from the shared corpora: 37 natural languages ({@code corpora/nl}), 44
 * programming and markup languages ({@code corpora/code}), 16 English domains ({@code corpora/domain}) and the
 * UDHR in over 500 languages ({@code corpora/udhr.tar.xz}, one category per language).
 *
 * <p>A sample of N bytes (UTF-8) is spread evenly over all categories; a category smaller than its share gives
 * the rest to the others. Within a category, documents are taken in file order (the files are already shuffled),
 * each with a seeded probability, until the category's share is used, so only as much of each .xz file is
 * decompressed as needed. Documents are kept whole up to {@link #DOCUMENT_CAP} bytes and split at line
 * boundaries beyond; the last document of a category is cut at a line boundary to fit its share. Half of the
 * documents (seeded) keep their final newline. In code files an empty line separates both files and paragraphs
 * within a file, so consecutive code blocks are joined back (with their empty lines) up to the cap.
 *
 * <p>Labels say where each text starts: {@code category@byteOffset} in the decompressed file. Samples are
 * deterministic for a seed and cached per JVM. A missing data directory fails with instructions (see {@link
 * TestData#dataDir()}).
 */
public final class ParityCorpus {
    /** Whether a sample holds documents or single lines. */
    public enum Mode {
        DOCUMENTS,
        LINES
    }

    /** Documents are kept whole up to this many UTF-8 bytes. */
    public static final int DOCUMENT_CAP = 8192;

    public static final long DEFAULT_SEED = 0x70C3_5EEDL;

    private static final List<String> KINDS = List.of("code", "domain", "nl");
    private static final Map<Path, Map<String, byte[]>> UDHR = new ConcurrentHashMap<>();
    private static final Map<Key, List<LabeledText>> SAMPLES = new ConcurrentHashMap<>();

    private record Key(Path corpora, long bytes, long seed, Mode mode) {}

    /** A category: a compressed file, or one UDHR text in memory. */
    private record Category(String name, Path file, byte[] text, long capacity) {
        InputStream open() throws IOException {
            if (text != null) {
                return new ByteArrayInputStream(text);
            }
            return new XZInputStream(
                    new BufferedInputStream(Files.newInputStream(file), 1 << 16),
                    -1,
                    true,
                    BasicArrayCache.getInstance());
        }

        boolean isCode() {
            return name.startsWith("code/");
        }
    }

    private final Path corpora;
    private final List<Category> categories;

    private ParityCorpus(Path corpora, List<Category> categories) {
        this.corpora = corpora;
        this.categories = categories;
    }

    /** The corpora of {@link TestData#dataDir()}. */
    public static ParityCorpus open() {
        return at(TestData.dataDir());
    }

    /** The corpora under {@code dataDir/corpora}; throws when any part of them is missing. */
    public static ParityCorpus at(Path dataDir) {
        Path corpora = dataDir.resolve("corpora").toAbsolutePath().normalize();
        Map<String, Long> sizes = manifestSizes(corpora.resolve("manifest.tsv"));
        List<Category> cats = new ArrayList<>();
        try {
            for (String kind : KINDS) {
                Path dir = corpora.resolve(kind);
                List<Path> files;
                try (Stream<Path> s = Files.isDirectory(dir) ? Files.list(dir) : Stream.empty()) {
                    files = s.filter(p -> p.getFileName().toString().endsWith(".txt.xz"))
                            .sorted()
                            .toList();
                }
                if (files.isEmpty()) {
                    throw missing(corpora, "no " + kind + "/*.txt.xz files");
                }
                for (Path f : files) {
                    String n = f.getFileName().toString();
                    String name = kind + "/" + n.substring(0, n.length() - ".txt.xz".length());
                    cats.add(new Category(name, f, null, sizes.getOrDefault(name, Long.MAX_VALUE)));
                }
            }
            Path udhr = corpora.resolve("udhr.tar.xz");
            if (!Files.isRegularFile(udhr)) {
                throw missing(corpora, "no udhr.tar.xz");
            }
            for (Map.Entry<String, byte[]> e : udhr(udhr).entrySet()) {
                String n = e.getKey().substring(e.getKey().lastIndexOf('/') + 1);
                if (n.endsWith(".txt")) {
                    String name = "udhr/" + n.substring(0, n.length() - ".txt".length());
                    cats.add(new Category(name, null, e.getValue(), e.getValue().length));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the corpora under " + corpora, e);
        }
        cats.sort(Comparator.comparing(Category::name));
        return new ParityCorpus(corpora, List.copyOf(cats));
    }

    private static IllegalStateException missing(Path corpora, String what) {
        return new IllegalStateException("The shared corpora are incomplete at " + corpora + " (" + what
                + "). Get them as ../shared/data/README.md describes and point tokensmith.data at the data"
                + " directory.");
    }

    private static Map<String, byte[]> udhr(Path tarXz) {
        return UDHR.computeIfAbsent(tarXz, p -> {
            try (InputStream in = new XZInputStream(new BufferedInputStream(Files.newInputStream(p), 1 << 16))) {
                return TarEntries.read(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + p, e);
            }
        });
    }

    /** Bytes per category from manifest.tsv (kind, category, bytes, ...), or none when it is absent. */
    private static Map<String, Long> manifestSizes(Path manifest) {
        Map<String, Long> sizes = new HashMap<>();
        if (!Files.isRegularFile(manifest)) {
            return sizes;
        }
        try {
            for (String line : Files.readAllLines(manifest)) {
                String[] f = line.split("\t");
                if (f.length >= 3 && f[2].matches("\\d+")) {
                    sizes.put(f[0] + "/" + f[1], Long.parseLong(f[2]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sizes;
    }

    /** Every category, sorted: {@code code/ada}, ..., {@code nl/zh-tw}, {@code udhr/aa}, .... */
    public List<String> categories() {
        return categories.stream().map(Category::name).toList();
    }

    /** About {@code bytes} of whole documents with the default seed. */
    public List<LabeledText> documents(long bytes) {
        return sample(bytes, DEFAULT_SEED, Mode.DOCUMENTS);
    }

    /** About {@code bytes} of single lines (without their newline) with the default seed. */
    public List<LabeledText> lines(long bytes) {
        return sample(bytes, DEFAULT_SEED, Mode.LINES);
    }

    /** About {@code bytes} (UTF-8) of text spread evenly over all categories, in category order. */
    public List<LabeledText> sample(long bytes, long seed, Mode mode) {
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must not be negative: " + bytes);
        }
        return SAMPLES.computeIfAbsent(new Key(corpora, bytes, seed, mode), k -> compute(bytes, seed, mode));
    }

    /** {@link #sample} without the cache. */
    List<LabeledText> compute(long bytes, long seed, Mode mode) {
        Map<Category, Long> quotas = quotas(bytes);
        List<List<LabeledText>> parts = categories.parallelStream()
                .map(c -> take(c, quotas.get(c), seed, mode))
                .toList();
        List<LabeledText> all = new ArrayList<>();
        parts.forEach(all::addAll);
        return Collections.unmodifiableList(all);
    }

    /** Equal shares; a category smaller than its share keeps its size and the rest is shared by the others. */
    private Map<Category, Long> quotas(long bytes) {
        List<Category> bySize = new ArrayList<>(categories);
        bySize.sort(Comparator.comparingLong(Category::capacity).thenComparing(Category::name));
        Map<Category, Long> quotas = new LinkedHashMap<>();
        long left = bytes;
        for (int i = 0; i < bySize.size(); i++) {
            Category c = bySize.get(i);
            long q = Math.min(c.capacity(), left / (bySize.size() - i));
            quotas.put(c, q);
            left -= q;
        }
        return quotas;
    }

    private static List<LabeledText> take(Category c, long quota, long seed, Mode mode) {
        List<LabeledText> out = new ArrayList<>();
        if (quota <= 0) {
            return out;
        }
        SplittableRandom rng =
                new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ c.name().hashCode());
        double p = quota >= c.capacity() ? 1.0 : Math.max(0.5, (double) quota / c.capacity());
        long taken = 0;
        List<CorpusLines.Line> firstSkipped = null;
        try (InputStream in = c.open()) {
            CorpusLines reader = new CorpusLines(in);
            Units units = new Units(reader, c.isCode());
            List<CorpusLines.Line> unit;
            while (taken < quota && (unit = units.next()) != null) {
                if (rng.nextDouble() >= p) {
                    if (firstSkipped == null) {
                        firstSkipped = unit;
                    }
                    continue;
                }
                taken += emit(c, unit, quota - taken, rng, mode, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read corpus category " + c.name(), e);
        }
        if (taken == 0 && firstSkipped != null) {
            emit(c, firstSkipped, quota, rng, mode, out);
        }
        return out;
    }

    /** Emits one unit (cut at a line boundary to {@code room} bytes, at least one line); returns bytes emitted. */
    private static long emit(
            Category c,
            List<CorpusLines.Line> unit,
            long room,
            SplittableRandom rng,
            Mode mode,
            List<LabeledText> out) {
        long used = 0;
        if (mode == Mode.LINES) {
            for (CorpusLines.Line l : unit) {
                if (used >= room) {
                    break;
                }
                if (!l.text().isEmpty()) {
                    out.add(new LabeledText(c.name() + "@" + l.offset(), l.text()));
                    used += utf8Length(l.text());
                }
            }
            return used;
        }
        StringBuilder b = new StringBuilder();
        for (CorpusLines.Line l : unit) {
            long n = utf8Length(l.text()) + (b.isEmpty() ? 0 : 1);
            if (!b.isEmpty() && used + n > room) {
                break;
            }
            if (!b.isEmpty()) {
                b.append('\n');
            }
            b.append(l.text());
            used += n;
        }
        if (rng.nextBoolean()) {
            b.append('\n');
            used++;
        }
        out.add(new LabeledText(c.name() + "@" + unit.get(0).offset(), b.toString()));
        return used;
    }

    /**
     * Documents as lists of lines (empty lines included inside joined code blocks), at most {@link #DOCUMENT_CAP}
     * bytes each unless a single line is longer.
     */
    private static final class Units {
        private final CorpusLines reader;
        private final boolean joinBlocks;
        private CorpusLines.Block pending;
        private final List<List<CorpusLines.Line>> ready = new ArrayList<>();

        Units(CorpusLines reader, boolean joinBlocks) {
            this.reader = reader;
            this.joinBlocks = joinBlocks;
        }

        List<CorpusLines.Line> next() throws IOException {
            while (ready.isEmpty()) {
                CorpusLines.Block b = pending != null ? pending : reader.nextBlock();
                pending = null;
                if (b == null) {
                    return null;
                }
                List<CorpusLines.Line> lines = new ArrayList<>(b.lines());
                long size = bytes(lines);
                while (joinBlocks && size < DOCUMENT_CAP) {
                    CorpusLines.Block nb = reader.nextBlock();
                    if (nb == null) {
                        break;
                    }
                    long extra = nb.emptyLinesBefore() + 1 + bytes(nb.lines());
                    if (size + extra > DOCUMENT_CAP) {
                        pending = nb;
                        break;
                    }
                    for (int i = 0; i < nb.emptyLinesBefore(); i++) {
                        lines.add(new CorpusLines.Line(nb.lines().get(0).offset() - nb.emptyLinesBefore() + i, ""));
                    }
                    lines.addAll(nb.lines());
                    size += extra;
                }
                split(lines);
            }
            return ready.remove(0);
        }

        /** Splits at line boundaries into pieces of at most the cap (a longer single line stays whole). */
        private void split(List<CorpusLines.Line> lines) {
            List<CorpusLines.Line> piece = new ArrayList<>();
            long size = 0;
            for (CorpusLines.Line l : lines) {
                long n = utf8Length(l.text()) + 1;
                if (!piece.isEmpty() && size + n > DOCUMENT_CAP) {
                    ready.add(trim(piece));
                    piece = new ArrayList<>();
                    size = 0;
                }
                piece.add(l);
                size += n;
            }
            if (!piece.isEmpty()) {
                ready.add(trim(piece));
            }
            ready.removeIf(List::isEmpty);
        }

        /** Without leading and trailing empty lines (a split can leave them at the edges). */
        private static List<CorpusLines.Line> trim(List<CorpusLines.Line> piece) {
            int from = 0;
            int to = piece.size();
            while (from < to && piece.get(from).text().isEmpty()) {
                from++;
            }
            while (to > from && piece.get(to - 1).text().isEmpty()) {
                to--;
            }
            return piece.subList(from, to);
        }

        private static long bytes(List<CorpusLines.Line> lines) {
            long n = 0;
            for (CorpusLines.Line l : lines) {
                n += utf8Length(l.text()) + 1;
            }
            return n;
        }
    }

    /** UTF-8 length of {@code s} (an unpaired surrogate counts as the 3 bytes of U+FFFD). */
    public static long utf8Length(CharSequence s) {
        return Utf8.length(s);
    }

    /** Total UTF-8 bytes of the texts. */
    public static long totalBytes(List<LabeledText> texts) {
        long n = 0;
        for (LabeledText t : texts) {
            n += utf8Length(t.text());
        }
        return n;
    }
}
