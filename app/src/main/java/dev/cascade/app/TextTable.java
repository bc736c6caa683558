package dev.cascade.app;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table with right-aligned numeric columns, for terminal reports. */
final class TextTable {
    private final String[] header;
    private final boolean[] isLeft;
    private final List<String[]> rows = new ArrayList<>();

    /** Column names; a name starting with '<' is left-aligned (the '<' is not printed). */
    TextTable(String... columns) {
        header = new String[columns.length];
        isLeft = new boolean[columns.length];
        for (int i = 0; i < columns.length; i++) {
            isLeft[i] = columns[i].startsWith("<");
            header[i] = isLeft[i] ? columns[i].substring(1) : columns[i];
        }
    }

    TextTable row(String... cells) {
        rows.add(cells);
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    void render(StringBuilder out, String indent) {
        int[] width = new int[header.length];
        for (int i = 0; i < header.length; i++) {
            width[i] = header[i].length();
        }
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        line(out, indent, header, width);
        for (String[] r : rows) {
            line(out, indent, r, width);
        }
    }

    private void line(StringBuilder out, String indent, String[] cells, int[] width) {
        StringBuilder line = new StringBuilder(indent);
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                line.append("  ");
            }
            String c = cells[i];
            String pad = " ".repeat(width[i] - c.length());
            line.append(isLeft[i] ? c + pad : pad + c);
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }
}
