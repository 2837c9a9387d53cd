package dev.tokensmith.cli.bench;

import dev.tokensmith.cli.Lines;
import dev.tokensmith.core.text.Utf8;
import java.util.ArrayList;
import java.util.List;

/** How an input file becomes the texts of a workload. */
public final class Documents {
    private Documents() {}

    /**
     * The documents of {@code text}: runs of lines separated by blank lines (empty or whitespace only). Separators
     * belong to no document; a document keeps its inner line breaks but not the one after its last line.
     */
    public static List<String> byBlankLines(String text) {
        List<String> docs = new ArrayList<>();
        int docStart = -1;
        int docEnd = -1;
        int lineStart = 0;
        while (lineStart <= text.length()) {
            int nl = text.indexOf('\n', lineStart);
            int lineEnd = nl < 0 ? text.length() : nl;
            if (isBlank(text, lineStart, lineEnd)) {
                if (docStart >= 0) {
                    docs.add(text.substring(docStart, docEnd));
                    docStart = -1;
                }
            } else {
                if (docStart < 0) {
                    docStart = lineStart;
                }
                docEnd = lineEnd;
            }
            if (nl < 0) {
                break;
            }
            lineStart = nl + 1;
        }
        if (docStart >= 0) {
            docs.add(text.substring(docStart, docEnd));
        }
        return docs;
    }

    private static boolean isBlank(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The non-empty lines of {@code text}, split as {@code --lines} splits everywhere ({@link Lines}). */
    public static List<String> byLines(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : Lines.split(text)) {
            if (!line.isEmpty()) {
                lines.add(line);
            }
        }
        return lines;
    }

    /**
     * Consecutive documents joined with a blank line into texts of at most {@code cap} UTF-8 bytes; a document
     * longer than that is a text of its own.
     */
    public static List<String> joined(List<String> docs, int cap) {
        List<String> texts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int currentBytes = 0;
        for (String doc : docs) {
            int bytes = Utf8.length(doc);
            if (!current.isEmpty() && currentBytes + 2 + bytes > cap) {
                texts.add(current.toString());
                current.setLength(0);
                currentBytes = 0;
            }
            if (!current.isEmpty()) {
                current.append("\n\n");
                currentBytes += 2;
            }
            current.append(doc);
            currentBytes += bytes;
        }
        if (!current.isEmpty()) {
            texts.add(current.toString());
        }
        return texts;
    }
}
