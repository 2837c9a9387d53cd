package dev.tokensmith.cli;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table: the first column left-aligned, the others right-aligned, two spaces between columns. */
final class TextTable {
    private final List<String[]> rows = new ArrayList<>();
    private final int columns;

    TextTable(String... header) {
        columns = header.length;
        rows.add(header);
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
            for (int c = 0; c < columns; c++) {
                String pad = " ".repeat(width[c] - r[c].codePointCount(0, r[c].length()));
                if (c > 0) {
                    sb.append("  ");
                }
                if (c == 0) {
                    sb.append(r[c]).append(c == columns - 1 ? "" : pad);
                } else {
                    sb.append(pad).append(r[c]);
                }
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
