package dev.tokensmith.cli.bench;

import dev.tokensmith.core.text.Utf8;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.SequencedSet;
import java.util.SplittableRandom;

/**
 * The built-in workloads. Real text (prose, multilingual, code) comes from the shared data directory's corpora;
 * the pathological inputs are generated (seeded, so every run measures the same text); {@code sample}, the CLI's
 * bundled sample text repeated, stands in for real text when there is no data directory.
 *
 * <p>The corpora categories that hold Reuters or Brown corpus text (finance-accounting, news-1961,
 * science-learned, literature-books) are never used: that text must not end up in anything the project ships.
 */
public final class Workloads {
    /** Default size of a real-text workload, in UTF-8 bytes. */
    public static final long DEFAULT_BYTES = 1_000_000;

    static final int REPEAT_CHAR_LENGTH = 1_000_000;
    static final int LONG_WORD_LENGTH = 100_000;
    static final int WHITESPACE_BYTES = 256 * 1024;
    static final int MAX_WHITESPACE_RUN = 20_000;
    static final int RANDOM_BYTES = 256 * 1024;
    private static final long SEED = 0x5EED_BE7CL;

    static final List<String> PROSE =
            List.of("nl/en", "domain/politics-speeches", "domain/religion-bible", "domain/quotes-fortunes-en");
    static final List<String> MULTILINGUAL = List.of(
            "nl/de",
            "nl/fr",
            "nl/es",
            "nl/it",
            "nl/pl",
            "nl/ru",
            "nl/uk",
            "nl/el",
            "nl/ar",
            "nl/fa",
            "nl/tr",
            "nl/vi",
            "nl/zh-cn",
            "nl/ja",
            "nl/ko");
    static final List<String> CODE = List.of(
            "code/c", "code/java", "code/python", "code/javascript", "code/go", "code/rust", "code/shell", "code/html");

    /** Workloads that need the data directory. */
    public static final List<String> REAL = List.of("prose", "multilingual", "code");
    /** The generated workloads; {@code pathological} selects all of them. */
    public static final List<String> PATHOLOGICAL = List.of("repeat-char", "long-word", "whitespace", "random-utf8");
    /** Every name {@link #named} knows. */
    public static final List<String> NAMES =
            List.of("prose", "multilingual", "code", "sample", "repeat-char", "long-word", "whitespace", "random-utf8");

    private Workloads() {}

    /**
     * The workloads that {@code selection} names, in order and without repeats: names of {@link #NAMES}, {@code
     * pathological} (all generated workloads) and {@code all} (real text, or {@code sample} without a data
     * directory, then the pathological ones).
     *
     * @throws IllegalArgumentException for an unknown name, or real text without a data directory
     */
    public static List<Workload> select(List<String> selection, Optional<Path> dataDir, long bytes) {
        SequencedSet<String> names = new LinkedHashSet<>();
        for (String s : selection) {
            switch (s) {
                case "all" -> {
                    names.addAll(dataDir.isPresent() ? REAL : List.of("sample"));
                    names.addAll(PATHOLOGICAL);
                }
                case "pathological" -> names.addAll(PATHOLOGICAL);
                default -> names.add(s);
            }
        }
        List<Workload> workloads = new ArrayList<>(names.size());
        for (String name : names) {
            workloads.add(named(name, dataDir, bytes));
        }
        return workloads;
    }

    /**
     * One workload of {@link #NAMES}; {@code bytes} sizes the real-text ones and {@code sample}.
     *
     * @throws IllegalArgumentException for an unknown name, or real text without a data directory
     */
    public static Workload named(String name, Optional<Path> dataDir, long bytes) {
        return switch (name) {
            case "prose" -> corpora(name, PROSE, dataDir, bytes);
            case "multilingual" -> corpora(name, MULTILINGUAL, dataDir, bytes);
            case "code" -> corpora(name, CODE, dataDir, bytes);
            case "sample" -> sample(bytes);
            case "repeat-char" -> repeatChar();
            case "long-word" -> longWord();
            case "whitespace" -> whitespaceRuns();
            case "random-utf8" -> randomUtf8();
            default ->
                throw new IllegalArgumentException("unknown workload \"" + name + "\" (known: "
                        + String.join(", ", NAMES) + ", pathological, all)");
        };
    }

    /** A text of the user's as a workload: documents separated by blank lines, or its lines. */
    public static Workload fromText(String name, String text, boolean lines) {
        List<String> texts = lines ? Documents.byLines(text) : Documents.byBlankLines(text);
        return Workload.of(name, lines ? "lines of " + name : "blank-line separated documents of " + name, texts);
    }

    private static Workload corpora(String name, List<String> categories, Optional<Path> dataDir, long bytes) {
        Path dir = dataDir.orElseThrow(() -> new IllegalArgumentException("workload " + name
                + " reads the shared corpora: give the data directory (--data DIR, or -Dtokensmith.data)"));
        long share = Math.max(1, bytes / categories.size());
        List<String> texts = new ArrayList<>();
        for (String category : categories) {
            texts.addAll(Corpora.sample(dir, category, share));
        }
        return Workload.of(name, String.join(" ", categories) + " (texts of up to 8 KB, cut at lines)", texts);
    }

    /** The CLI's bundled sample, split at blank lines and repeated: repeats flatter every encoder's caches. */
    static Workload sample(long bytes) {
        List<String> docs = Documents.byBlankLines(bundledSample());
        List<String> texts = new ArrayList<>();
        long total = 0;
        while (total < bytes) {
            for (String d : docs) {
                texts.add(d);
                total += Utf8.length(d);
            }
        }
        return Workload.of("sample", "the CLI's 6 KB sample text, repeated (no data directory)", texts);
    }

    private static String bundledSample() {
        try (InputStream in = Workloads.class.getResourceAsStream("/dev/tokensmith/cli/sample.txt")) {
            if (in == null) {
                throw new IllegalStateException("the sample text is missing from the CLI jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One character repeated: one piece for every split pattern, the worst case of naive BPE. */
    static Workload repeatChar() {
        return Workload.of("repeat-char", "'a' x " + REPEAT_CHAR_LENGTH, List.of("a".repeat(REPEAT_CHAR_LENGTH)));
    }

    /** Random lowercase letters without a space: one long piece of ordinary, mergeable letters. */
    static Workload longWord() {
        SplittableRandom random = new SplittableRandom(SEED);
        StringBuilder sb = new StringBuilder(LONG_WORD_LENGTH);
        for (int i = 0; i < LONG_WORD_LENGTH; i++) {
            sb.append((char) ('a' + random.nextInt(26)));
        }
        return Workload.of(
                "long-word", LONG_WORD_LENGTH + " random lowercase letters, no space", List.of(sb.toString()));
    }

    /** Short words between runs of up to 20,000 spaces, tabs, newlines or indented lines: whitespace rules. */
    static Workload whitespaceRuns() {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        String[] runs = {" ", "\t", "\n", "\r\n", "    \n", " \t"};
        StringBuilder sb = new StringBuilder(WHITESPACE_BYTES + MAX_WHITESPACE_RUN * 4);
        while (sb.length() < WHITESPACE_BYTES) {
            int letters = 1 + random.nextInt(8);
            for (int i = 0; i < letters; i++) {
                sb.append((char) ('a' + random.nextInt(26)));
            }
            // Lengths spread evenly over orders of magnitude, 1 to MAX_WHITESPACE_RUN.
            int length = (int) Math.round(Math.pow(MAX_WHITESPACE_RUN, random.nextDouble()));
            String unit = runs[random.nextInt(runs.length)];
            sb.append(unit.repeat(Math.max(1, length / unit.length())));
        }
        return Workload.of(
                "whitespace",
                "words between whitespace runs of 1 to " + MAX_WHITESPACE_RUN + " characters",
                List.of(sb.toString()));
    }

    /** Random bytes decoded as UTF-8: invalid sequences become U+FFFD, the rest is any code point at all. */
    static Workload randomUtf8() {
        SplittableRandom random = new SplittableRandom(SEED + 2);
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return Workload.of(
                "random-utf8",
                RANDOM_BYTES + " random bytes decoded as UTF-8",
                List.of(new String(bytes, StandardCharsets.UTF_8)));
    }
}
