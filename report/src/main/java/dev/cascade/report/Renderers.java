package dev.cascade.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * The recap as Markdown (with its charts as PNG files beside it) or as one self-contained HTML file (charts
 * embedded as data URIs, so it can be mailed or archived as it is).
 */
public final class Renderers {
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
        StringBuilder h = new StringBuilder("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(r.headline())).append("</title><style>")
                .append("body{font:16px/1.55 Georgia,serif;max-width:860px;margin:2rem auto;padding:0 1rem;color:#1b1f24}")
                .append("h1{font-size:1.9rem;line-height:1.2;margin-bottom:.2rem}h2{font:600 1.1rem system-ui,sans-serif;"
                        + "margin-top:2rem;border-bottom:1px solid #ddd;padding-bottom:.2rem}")
                .append(".period{color:#666;font:14px system-ui,sans-serif}.lede{font-size:1.1rem}")
                .append("figure{margin:1.2rem 0}img{max-width:100%}figcaption{color:#666;font:13px system-ui,sans-serif}")
                .append("</style></head><body>\n<h1>").append(escape(r.headline())).append("</h1>\n<p class=\"period\">")
                .append(escape(r.period())).append("</p>\n<p class=\"lede\">").append(escape(r.lede())).append("</p>\n");
        for (Recap.Section s : r.sections()) {
            h.append("<h2>").append(escape(s.heading())).append("</h2>\n");
            for (String p : s.paragraphs()) {
                h.append("<p>").append(escape(p)).append("</p>\n");
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
