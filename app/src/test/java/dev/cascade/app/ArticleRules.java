package dev.cascade.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The recap's structure and wording rules, checked on a rendered {@code report.md}: one low and one high per
 * narrated coin, dated times in a multi-day report, a verdict of one paragraph under 80 words, no exponent
 * notation, round levels and events in time order, and only characters every font renders.
 */
final class ArticleRules {
    private static final Pattern TIME = Pattern.compile("(?:([A-Z][a-z]{2} \\d{1,2}) )?(\\d{2}:\\d{2}) UTC");
    private static final Pattern LEVEL_RUN = Pattern.compile("(?:fell below|rose above|recovered) ((?:\\$[\\d,.]+ at "
            + "(?:[A-Z][a-z]{2} \\d{1,2} )?\\d{2}:\\d{2} UTC(?:, | and )?)+)");

    private ArticleRules() {
    }

    static void check(String md, boolean isMultiDay) {
        assertThat(md).as("no exponent notation").doesNotContainPattern("\\d[eE][+-]?\\d");
        for (char c : md.toCharArray()) {
            assertThat(c == '\n' || (c >= 0x20 && c < 0x7F)).as("a glyph every font has: U+%04X", (int) c).isTrue();
        }
        Matcher t = TIME.matcher(md);
        while (t.find() && isMultiDay) {
            assertThat(t.group(1)).as("'%s' in a report over several days carries its date", t.group()).isNotNull();
        }
        assertThat(md).contains("\n## Prices\n").contains("\n## Verdict\n");
        List<String> prices = paragraphs(section(md, "Prices"));
        int narrated = 0;
        for (String p : prices) {
            if (!p.matches("^[A-Z]+ opened at .*")) {
                continue;
            }
            narrated++;
            String coin = p.substring(0, p.indexOf(' '));
            assertThat(count(p, "(its low of|A wick took " + coin + " down to)")).as(coin + " lows").isEqualTo(1);
            assertThat(count(p, "(its high of|A wick took " + coin + " up to)")).as(coin + " highs").isEqualTo(1);
            Matcher run = LEVEL_RUN.matcher(p);
            while (run.find()) {
                assertThat(times(run.group(1))).as("levels in time order: " + run.group()).isSorted();
            }
        }
        assertThat(narrated).as("coins narrated").isPositive();
        assertThat(count(md, "wick")).as("wicks only as the move to a coin's extreme").isLessThanOrEqualTo(narrated);
        List<String> verdict = paragraphs(section(md, "Verdict"));
        assertThat(verdict).as("the verdict is one paragraph").hasSize(1);
        assertThat(verdict.get(0).split("\\s+")).as("verdict words").hasSizeLessThan(80);
        for (String p : paragraphs(section(md, "Liquidations"))) {
            if (p.contains("passed $")) {
                assertThat(times(p.replaceAll("\\(([^)]*) to [^)]*\\)", "($1)"))).as("bursts in time order").isSorted();
            }
        }
        for (String p : paragraphs(section(md, "Liquidation heatmap"))) {
            if (p.contains("was swept")) {
                assertThat(times(p)).as("swept clusters in time order").isSorted();
            }
        }
    }

    /** The body of a "## heading" section, up to the next heading; empty when the section was not written. */
    static String section(String md, String heading) {
        int at = md.indexOf("\n## " + heading + "\n");
        if (at < 0) {
            return "";
        }
        int end = md.indexOf("\n## ", at + 4);
        return md.substring(at + heading.length() + 5, end < 0 ? md.length() : end);
    }

    /** Prose paragraphs: tables and their captions left out. */
    static List<String> paragraphs(String body) {
        List<String> out = new ArrayList<>();
        for (String p : body.split("\n\n")) {
            String s = p.strip();
            if (!s.isEmpty() && !s.startsWith("|") && !s.startsWith("*")) {
                out.add(s);
            }
        }
        return out;
    }

    private static int count(String s, String regex) {
        Matcher m = Pattern.compile(regex).matcher(s);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** The times in a text as sortable strings ("06-05 11:12" for "Jun 5 11:12 UTC", or "11:12"). */
    private static List<String> times(String s) {
        List<String> out = new ArrayList<>();
        Matcher t = TIME.matcher(s);
        while (t.find()) {
            String day = "";
            if (t.group(1) != null) {
                String[] md = t.group(1).split(" ");
                int month = "JanFebMarAprMayJunJulAugSepOctNovDec".indexOf(md[0]) / 3 + 1;
                day = String.format("%02d-%02d ", month, Integer.parseInt(md[1]));
            }
            out.add(day + t.group(2));
        }
        return out;
    }
}
