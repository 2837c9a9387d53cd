package dev.tokensmith.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table: the first column (or the first few, see {@link #leftAligned}) left-aligned, the others
 * right-aligned, two spaces between columns, no spaces at the end of a line.
 */
final class TextTable {
    private final List<String[]> rows = new ArrayList<>();
    private final int columns;
    private int left = 1;

    TextTable(String... header) {
        columns = header.length;
        rows.add(header);
    }

    /** Left-aligns the first {@code n} columns. */
    TextTable leftAligned(int n) {
        left = n;
        return this;
    }

    TextTable row(String... cells) {
        if (cells.length != columns) {
            throw new IllegalArgumentException("expected " + columns + " cells, got " + cells.length);
        }
        rows.add(cells);
        return this;
    }

    @Override
    public String toString() {
        int[] width = new int[columns];
        for (String[] r : rows) {
            for (int c = 0; c < columns; c++) {
                width[c] = Math.max(width[c], r[c].codePointCount(0, r[c].length()));
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String[] r : rows) {
            int lineStart = sb.length();
            for (int c = 0; c < columns; c++) {
                String pad = " ".repeat(width[c] - r[c].codePointCount(0, r[c].length()));
                if (c > 0) {
                    sb.append("  ");
                }
                if (c < left) {
                    sb.append(r[c]).append(c == columns - 1 ? "" : pad);
                } else {
                    sb.append(pad).append(r[c]);
                }
            }
            // Empty cells at the end of a row leave no trailing spaces.
            int end = sb.length();
            while (end > lineStart && sb.charAt(end - 1) == ' ') {
                end--;
            }
            sb.setLength(end);
            sb.append('\n');
        }
        return sb.toString();
    }
}
