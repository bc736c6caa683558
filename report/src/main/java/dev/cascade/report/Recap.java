package dev.cascade.report;

import java.util.List;

/**
 * A written recap: a headline, a lede, and sections of sentences, each sentence made from a computed figure
 * ({@link RecapWriter}), with the charts that go with them. Rendered by {@link Renderers} as Markdown or HTML.
 */
public record Recap(String headline, String period, String lede, List<Section> sections, List<Chart> charts) {
    /** A heading and its paragraphs; a section whose facts did not happen is not written at all. */
    public record Section(String heading, List<String> paragraphs) {
    }

    /** A chart: a file name, a caption and the PNG. */
    public record Chart(String name, String caption, byte[] png) {
    }

    /** Every sentence of the recap, headline and lede first: what tests and alerts search. */
    public String text() {
        StringBuilder out = new StringBuilder(headline).append('\n').append(lede).append('\n');
        for (Section s : sections) {
            s.paragraphs().forEach(p -> out.append(p).append('\n'));
        }
        return out.toString();
    }
}
