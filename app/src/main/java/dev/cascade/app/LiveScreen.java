package dev.cascade.app;

import dev.cascade.output.Formats;
import dev.cascade.analytics.LiquidationSummary;
import dev.cascade.analytics.SideTotals;
import dev.cascade.ingest.live.FeedStats;
import dev.cascade.model.Liquidation;
import dev.cascade.model.Micros;
import dev.cascade.model.Venue;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The {@code cascade live} terminal view: totals, the latest liquidations and the feeds' health. */
final class LiveScreen {
    /** Clears the screen and moves the cursor home, so each refresh redraws in place. */
    static final String CLEAR = "\u001b[H\u001b[2J";
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private LiveScreen() {
    }

    static String render(LiveJob job, String source, long startedMillis) {
        LiveJob.Snapshot s = job.snapshot();
        StringBuilder out = new StringBuilder();
        long up = (System.currentTimeMillis() - startedMillis) / 1000;
        out.append("Cascade live: ").append(source).append(", up ").append(up / 3600).append("h ").append(up / 60 % 60)
                .append("m ").append(up % 60).append("s, ").append(job.liveConnections()).append(" of ")
                .append(job.connections().values().stream().mapToInt(Integer::intValue).sum()).append(" connections live")
                .append("   (Ctrl-C to stop)\n");
        if (s == null) {
            return out.append("\nwaiting for the first frames...\n").toString();
        }
        out.append("\nLiquidations, as reported (UTC ").append(CLOCK.format(Micros.toInstant(s.nowMicros()))).append(")\n");
        TextTable t = new TextTable("<Period", "Total", "Longs", "Shorts", "Orders", "Long share");
        t.row(row("this session", s.session().total()));
        for (Map.Entry<String, LiquidationSummary> w : s.windows().entrySet()) {
            t.row(row("last " + w.getKey(), w.getValue().total()));
        }
        t.render(out, "  ");
        TextTable byExchange = new TextTable("<Exchange", "Total", "Longs", "Shorts", "Orders", "Long share");
        s.session().byExchange().forEach((name, totals) -> byExchange.row(row(name, totals)));
        if (!byExchange.isEmpty()) {
            out.append('\n');
            byExchange.render(out, "  ");
        }
        out.append("\nLatest liquidations\n");
        tape(out, s.tape());
        if (s.figures() != null) {
            FiguresText.live(out, s.figures(), 5);
        }
        out.append("\nFeeds\n");
        TextTable feeds = new TextTable("<Venue", "Conns", "Frames", "Losses", "Stale", "Reconnect p50", "Errors",
                "Gaps found", "Filled", "Unfillable");
        FeedStats stats = job.feedStats();
        for (Map.Entry<Venue, Integer> e : job.connections().entrySet()) {
            FeedStats.VenueStats v = stats.of(e.getKey());
            List<Long> reconnects = v.reconnectMillis();
            feeds.row(e.getKey().id(), Integer.toString(e.getValue()), Formats.count(v.frames.get()),
                    Formats.count(v.losses()), Formats.count(v.stales.get()),
                    reconnects.isEmpty() ? Formats.UNKNOWN : median(reconnects) + " ms", Formats.count(v.errors.get()),
                    Formats.count(v.gapsFound.get()), Formats.count(v.gapsFilled.get()),
                    Formats.count(v.gapsUnfillable.get()));
        }
        feeds.render(out, "  ");
        out.append("\n  ").append(Formats.count(s.frames())).append(" frames decoded, ").append(Formats.count(s.events()))
                .append(" events, ").append(Formats.count(s.duplicates())).append(" duplicates dropped, ")
                .append(Formats.count(s.rejected())).append(" rejected, backlog ").append(s.backlog()).append('\n');
        return out.toString();
    }

    /** One line for logs when stdout is not a terminal. */
    static String statusLine(LiveJob job) {
        LiveJob.Snapshot s = job.snapshot();
        if (s == null) {
            return "cascade: waiting for the first frames";
        }
        SideTotals total = s.session().total();
        return String.format(Locale.ROOT, "cascade: %s frames, %s liquidations %s (long %s), %d connections live",
                Formats.count(s.frames()), Formats.count(total.count()), Formats.dollars(total.usd()),
                Formats.share(total.longShare()), job.liveConnections());
    }

    private static void tape(StringBuilder out, List<Liquidation> tape) {
        if (tape.isEmpty()) {
            out.append("  none yet\n");
            return;
        }
        TextTable t = new TextTable("<Time", "<Venue", "<Symbol", "<Side", "USD", "Price");
        for (Liquidation l : tape) {
            t.row(CLOCK.format(Micros.toInstant(l.exchangeMicros())), l.venue().id(), l.symbol(), l.side().id(),
                    Formats.dollars(l.usd()), Formats.price(l.price()));
        }
        t.render(out, "  ");
    }

    private static String[] row(String name, SideTotals t) {
        return new String[] {name, Formats.dollars(t.usd()), Formats.dollars(t.longUsd()), Formats.dollars(t.shortUsd()),
            Formats.count(t.count()), Formats.share(t.longShare())};
    }

    static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
