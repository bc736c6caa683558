package dev.cascade.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

/**
 * The recap as Markdown (with its charts as PNG files beside it) or as one self-contained HTML file (charts
 * embedded as data URIs, so it can be mailed or archived as it is).
 */
public final class Renderers {
    private static final String SANS = "'DejaVu Sans','Liberation Sans',Arial,sans-serif";
    private Renderers() {
    }

    /** Writes {@code report.md} and its PNGs into {@code dir}; returns the Markdown file. */
    public static Path markdown(Recap r, Path dir) throws IOException {
        Files.createDirectories(dir);
        StringBuilder md = new StringBuilder("# ").append(r.headline()).append("\n\n*").append(r.period())
                .append("*\n\n").append(r.lede()).append("\n");
        for (Recap.Section s : r.sections()) {
            md.append("\n## ").append(s.heading()).append("\n\n");
            for (String p : s.paragraphs()) {
                md.append(p).append("\n\n");
            }
            for (Recap.Table t : s.tables()) {
                md.append('*').append(t.caption()).append("*\n\n| ").append(String.join(" | ", t.columns()))
                        .append(" |\n|").append("---|".repeat(t.columns().size())).append('\n');
                t.rows().forEach(row -> md.append("| ").append(String.join(" | ", row)).append(" |\n"));
                md.append('\n');
            }
        }
        if (!r.charts().isEmpty()) {
            md.append("\n## Charts\n\n");
            for (Recap.Chart c : r.charts()) {
                Files.write(dir.resolve(c.name()), c.png());
                md.append("![").append(c.caption()).append("](").append(c.name()).append(")\n\n");
            }
        }
        Path file = dir.resolve("report.md");
        Files.writeString(file, md.toString());
        return file;
    }

    /** Writes {@code report.html} into {@code dir}; returns it. */
    public static Path html(Recap r, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve("report.html");
        Files.writeString(file, html(r));
        return file;
    }

    static String html(Recap r) {
        // fonts: families Debian ships (DejaVu, Liberation) before the generic ones, and the text is plain ASCII
        // punctuation, so every glyph renders; the viewport makes a phone lay the column out at its own width
        StringBuilder h = new StringBuilder("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
                .append(escape(r.headline())).append("</title><style>")
                .append("body{font:17px/1.6 Georgia,'DejaVu Serif','Liberation Serif',serif;max-width:760px;margin:2rem auto;"
                        + "padding:0 1rem;color:#1b1f24}")
                .append("h1{font-size:1.9rem;line-height:1.2;margin-bottom:.2rem}h2{font:600 1.1rem " + SANS + ";"
                        + "margin-top:2rem;border-bottom:1px solid #ddd;padding-bottom:.2rem}")
                .append(".period{color:#666;font:14px " + SANS + "}.lede{font-size:1.15rem}")
                .append(".table{overflow-x:auto}table{border-collapse:collapse;font:14px " + SANS + ";margin:.6rem 0 1.2rem}"
                        + "caption{text-align:left;color:#666;font-size:13px;padding-bottom:.3rem}th,td{padding:.2rem .6rem;"
                        + "border-bottom:1px solid #e4e4e4;text-align:right;white-space:nowrap}th:first-child,"
                        + "td:first-child{text-align:left}th{font-weight:600}")
                .append("figure{margin:1.2rem 0}img{max-width:100%;height:auto}figcaption{color:#666;font:13px " + SANS + "}")
                .append("@media (max-width:600px){body{font-size:16px;margin:1rem auto}h1{font-size:1.5rem}}")
                .append("</style></head><body>\n<h1>").append(escape(r.headline())).append("</h1>\n<p class=\"period\">")
                .append(escape(r.period())).append("</p>\n<p class=\"lede\">").append(escape(r.lede())).append("</p>\n");
        for (Recap.Section s : r.sections()) {
            h.append("<h2>").append(escape(s.heading())).append("</h2>\n");
            for (String p : s.paragraphs()) {
                h.append("<p>").append(escape(p)).append("</p>\n");
            }
            for (Recap.Table t : s.tables()) {
                h.append("<div class=\"table\"><table><caption>").append(escape(t.caption())).append("</caption><tr>");
                t.columns().forEach(c -> h.append("<th>").append(escape(c)).append("</th>"));
                h.append("</tr>\n");
                for (List<String> row : t.rows()) {
                    h.append("<tr>");
                    row.forEach(c -> h.append("<td>").append(escape(c)).append("</td>"));
                    h.append("</tr>\n");
                }
                h.append("</table></div>\n");
            }
        }
        for (Recap.Chart c : r.charts()) {
            h.append("<figure><img alt=\"").append(escape(c.caption())).append("\" src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(c.png())).append("\"><figcaption>")
                    .append(escape(c.caption())).append("</figcaption></figure>\n");
        }
        return h.append("<p class=\"period\">Written by Cascade from the exchanges' public data. Every figure is"
                + " computed; estimates are marked as such.</p>\n</body></html>\n").toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
