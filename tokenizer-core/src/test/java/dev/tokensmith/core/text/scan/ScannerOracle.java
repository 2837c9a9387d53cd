package dev.tokensmith.core.text.scan;

import dev.tokensmith.core.format.Tiktoken;
import dev.tokensmith.core.pretokenizer.ByteLevel;
import dev.tokensmith.core.text.Match;
import dev.tokensmith.core.text.OnigRegex;
import dev.tokensmith.core.text.Patterns;
import dev.tokensmith.core.text.SplitPattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * A recognised pattern with its scanner and its regex path ({@code Patterns.regex(OnigRegex.compile(pattern))}),
 * which is the oracle: {@link #compare} says how the two differ on a text, with the text escaped and both lists of
 * pieces.
 */
record ScannerOracle(String name, String pattern, PieceScanner scanner, SplitPattern regex) {
    static ScannerOracle of(String name, String pattern) {
        return new ScannerOracle(
                name,
                pattern,
                PieceScanners.forPattern(pattern).orElseThrow(() -> new AssertionError(name + " is not recognised")),
                Patterns.regex(OnigRegex.compile(pattern)));
    }

    /** Every recognised pattern. */
    static List<ScannerOracle> all() {
        return List.of(
                of("gpt2", ByteLevel.GPT2_REGEX),
                of("r50k-tiktoken", Tiktoken.R50K_PATTERN),
                of("r50k", PieceScanners.R50K_ONIGURUMA),
                of("cl100k-tiktoken", Tiktoken.CL100K_PATTERN),
                of("cl100k", PieceScanners.CL100K_ONIGURUMA),
                of("llama3", PieceScanners.LLAMA3),
                of("qwen2", PieceScanners.QWEN2),
                of("o200k", Tiktoken.O200K_PATTERN));
    }

    @Override
    public String toString() {
        return name;
    }

    /** Null when the scanner's pieces are the regex's matches on {@code text}, else a description of both. */
    String compare(String text) {
        List<Match> expected = regex.findMatches(text);
        if (text.isEmpty() || agrees(expected, text)) {
            return null;
        }
        return name + " differs on " + escape(text) + "\n  regex:   " + pieces(text, expected) + "\n  scanner: "
                + pieces(text, scannerPieces(text));
    }

    private boolean agrees(List<Match> expected, String text) {
        int start = 0;
        char[] chars = text.toCharArray();
        byte[] ascii = AsciiBytes.of(chars);
        for (Match m : expected) {
            if (!m.isMatch()
                    || m.start() != start
                    || scanner.pieceEnd(chars, start, chars.length) != m.end()
                    || scanner.pieceEnd(chars, ascii, start, chars.length) != m.end()) {
                return false;
            }
            start = m.end();
        }
        return start == text.length();
    }

    /** The scanner's pieces; a piece that does not advance or passes the end ends the list there. */
    List<Match> scannerPieces(String text) {
        List<Match> out = new ArrayList<>();
        char[] chars = text.toCharArray();
        byte[] ascii = AsciiBytes.of(chars);
        for (int start = 0; start < text.length(); ) {
            int end = scanner.pieceEnd(chars, start, chars.length);
            if (scanner.pieceEnd(chars, ascii, start, chars.length) != end) {
                end = -1; // the two ways of scanning disagree: shown as a piece that does not advance
            }
            out.add(new Match(start, end, true));
            if (end <= start || end > text.length()) {
                break;
            }
            start = end;
        }
        return out;
    }

    /**
     * Compares on {@code count} texts made by {@code text} (from an index), on all cores, and returns the first
     * few differences.
     */
    List<String> differences(int count, IntFunction<String> text) {
        Queue<String> found = new ConcurrentLinkedQueue<>();
        IntStream.range(0, count).parallel().forEach(i -> {
            if (found.size() < 5) {
                String d = compare(text.apply(i));
                if (d != null) {
                    found.add(d);
                }
            }
        });
        return List.copyOf(found);
    }

    static String pieces(String text, List<Match> matches) {
        StringBuilder sb = new StringBuilder("[");
        for (Match m : matches) {
            if (sb.length() > 1) {
                sb.append(", ");
            }
            if (!m.isMatch()) {
                sb.append("unmatched ");
            }
            boolean valid = m.start() >= 0 && m.start() <= m.end() && m.end() <= text.length();
            sb.append(valid ? escape(text.substring(m.start(), m.end())) : "?")
                    .append('@')
                    .append(m.start())
                    .append("..")
                    .append(m.end());
        }
        return sb.append(']').toString();
    }

    /** The text as a Java literal: printable ASCII as is, everything else as backslash-u escapes. */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') {
                sb.append(c);
            } else {
                sb.append(String.format("\\u%04X", (int) c));
            }
        }
        return sb.append('"').toString();
    }
}
