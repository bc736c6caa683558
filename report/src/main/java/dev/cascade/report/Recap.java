package dev.cascade.report;

import java.util.List;

/**
 * A written recap: a headline, a lede, and sections of sentences, each sentence made from a computed figure
 * ({@link RecapWriter}), with the charts that go with them. Rendered by {@link Renderers} as Markdown or HTML.
 */
public record Recap(String headline, String period, String lede, List<Section> sections, List<Chart> charts) {
    /**
     * A heading, its paragraphs (the lead coins in prose) and its tables (the figures repeated per coin); a
     * section whose facts did not happen is not written at all.
     */
    public record Section(String heading, List<String> paragraphs, List<Table> tables) {
        public Section(String heading, List<String> paragraphs) {
            this(heading, paragraphs, List.of());
        }
    }

    /** A compact table: a caption, the column names and rows of cells already written as the article writes them. */
    public record Table(String caption, List<String> columns, List<List<String>> rows) {
    }

    /** A chart: a file name, a caption and the PNG. */
    public record Chart(String name, String caption, byte[] png) {
    }

    /** Every sentence and table cell of the recap, headline and lede first: what tests and alerts search. */
    public String text() {
        StringBuilder out = new StringBuilder(headline).append('\n').append(lede).append('\n');
        for (Section s : sections) {
            s.paragraphs().forEach(p -> out.append(p).append('\n'));
            for (Table t : s.tables()) {
                out.append(t.caption()).append('\n').append(String.join(" | ", t.columns())).append('\n');
                t.rows().forEach(r -> out.append(String.join(" | ", r)).append('\n'));
            }
        }
        return out.toString();
    }
}
