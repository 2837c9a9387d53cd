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
     * Consecutive documents joined with a blank line into texts of at most {@code cap} UTF-8 bytes. A document
     * longer than that is cut at line breaks into texts of at most {@code cap} bytes (a longer line stays whole).
     */
    public static List<String> joined(List<String> docs, int cap) {
        List<String> texts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int currentBytes = 0;
        for (String doc : docs) {
            int bytes = Utf8.length(doc);
            if (bytes > cap) {
                if (!current.isEmpty()) {
                    texts.add(current.toString());
                    current.setLength(0);
                    currentBytes = 0;
                }
                texts.addAll(cutAtLines(doc, cap));
                continue;
            }
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

    /** {@code doc} in pieces of whole lines of at most {@code cap} bytes each; the breaks between pieces go. */
    private static List<String> cutAtLines(String doc, int cap) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        int bytes = 0;
        int lineStart = 0;
        while (lineStart < doc.length()) {
            int nl = doc.indexOf('\n', lineStart);
            int lineEnd = nl < 0 ? doc.length() : nl;
            int lineBytes = Utf8.length(doc.subSequence(lineStart, lineEnd));
            if (lineStart > start && bytes + 1 + lineBytes > cap) {
                pieces.add(doc.substring(start, lineStart - 1));
                start = lineStart;
                bytes = 0;
            }
            bytes += (lineStart > start ? 1 : 0) + lineBytes;
            lineStart = lineEnd + 1;
        }
        pieces.add(doc.substring(start));
        return pieces;
    }
}
