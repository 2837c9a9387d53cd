package dev.tokensmith.transplant.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.tukaani.xz.XZInputStream;

/**
 * The evaluation's sentences: English prose from the shared corpora, the same for every run with the same
 * seed. From each source, the first {@value #READ_CHARS} characters are read, paragraphs (blank-line separated)
 * are split after {@code . ! ?} followed by white space, and a sentence is kept when it has 8 to 40 words, at
 * least 75% letters or spaces, no tab, and was not seen before; each source's sentences are shuffled (seeded)
 * and an equal share taken.
 *
 * <pre>{@code
 * List<String> s = EvalSentences.load(Path.of("../shared/data"), 1500, 7);
 * }</pre>
 */
public final class EvalSentences {
    /** The English sources, relative to the data directory: documentation prose and five English domains. */
    public static final List<String> SOURCES = List.of(
            "corpora/nl/en.txt.xz",
            "corpora/domain/literature-books.txt.xz",
            "corpora/domain/news-1961.txt.xz",
            "corpora/domain/politics-speeches.txt.xz",
            "corpora/domain/religion-bible.txt.xz",
            "corpora/domain/science-learned.txt.xz");

    static final int READ_CHARS = 3_000_000;
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");

    private EvalSentences() {}

    /** {@code count} sentences (an equal share from each source), seeded. */
    public static List<String> load(Path dataDir, int count, long seed) {
        List<String> out = new ArrayList<>();
        int share = (count + SOURCES.size() - 1) / SOURCES.size();
        for (int s = 0; s < SOURCES.size(); s++) {
            Path file = dataDir.resolve(SOURCES.get(s));
            List<String> candidates = new ArrayList<>(sentences(file));
            Collections.shuffle(candidates, new Random(seed * 31 + s));
            if (candidates.size() < share) {
                throw new IllegalStateException(
                        file + ": only " + candidates.size() + " usable sentences, need " + share);
            }
            out.addAll(candidates.subList(0, Math.min(share, count - out.size())));
        }
        return out;
    }

    private static final java.util.Map<Path, List<String>> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    /** The usable sentences of one source, in file order (read once per run). */
    static List<String> sentences(Path file) {
        return CACHE.computeIfAbsent(file.toAbsolutePath().normalize(), f -> List.copyOf(read(f)));
    }

    private static LinkedHashSet<String> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " is missing: the evaluation reads the shared corpora (set"
                    + " -Dtokensmith.data or --data to the directory holding corpora/)");
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        try (InputStream in = new XZInputStream(Files.newInputStream(file));
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            StringBuilder paragraph = new StringBuilder();
            long read = 0;
            String line;
            while ((line = r.readLine()) != null && read < READ_CHARS) {
                read += line.length() + 1;
                if (line.isBlank()) {
                    flush(paragraph, out);
                } else {
                    paragraph.append(line.strip()).append(' ');
                }
            }
            flush(paragraph, out);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
        return out;
    }

    private static void flush(StringBuilder paragraph, LinkedHashSet<String> out) {
        for (String s : SENTENCE_END.split(paragraph)) {
            String t = s.strip();
            if (usable(t)) {
                out.add(t);
            }
        }
        paragraph.setLength(0);
    }

    private static boolean usable(String s) {
        if (s.isEmpty() || s.indexOf('\t') >= 0) {
            return false;
        }
        int words = s.split(" +").length;
        if (words < 8 || words > 40) {
            return false;
        }
        long letters = s.chars().filter(c -> Character.isLetter(c) || c == ' ').count();
        return letters >= 0.75 * s.length();
    }
}
