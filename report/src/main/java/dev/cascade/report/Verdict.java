package dev.cascade.report;

import static dev.cascade.output.Formats.money;
import static dev.cascade.report.Words.magnitude;
import static dev.cascade.output.Formats.share;

import dev.cascade.output.Formats;
import dev.cascade.analytics.events.FlushDetector;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The verdict: one short paragraph on the period's dominant event. The detector reports each coin and kind on
 * its own, and a market-wide drop triggers a squeeze and a flush in every coin within minutes; detections whose
 * windows overlap are one move, told once, with the evidence of its most liquidated coins.
 */
final class Verdict {
    /** Coins whose evidence is stated; the rest are counted. */
    static final int EVIDENCE_COINS = 2;

    private Verdict() {
    }

    /** Overlapping detections of any coin and kind, in time order. */
    record Move(long startMicros, long endMicros, List<FlushDetector.Flush> detections) {
        /** Each coin's strongest detection (the most liquidated window), most liquidated coin first. */
        List<FlushDetector.Flush> byCoin() {
            Map<String, FlushDetector.Flush> best = new LinkedHashMap<>();
            for (FlushDetector.Flush f : detections) {
                best.merge(f.coin(), f, (a, b) -> Verdict.usd(b) > Verdict.usd(a) ? b : a);
            }
            List<FlushDetector.Flush> out = new ArrayList<>(best.values());
            out.sort(Comparator.comparingDouble(Verdict::usd).reversed());
            return out;
        }

        /** When a live run would have raised it: the first detection's end of window. */
        long detectedMicros() {
            return detections.stream().mapToLong(FlushDetector.Flush::detectedMicros).min().orElse(startMicros);
        }

        /** Liquidations of each coin's strongest hour, summed. */
        double usd() {
            return byCoin().stream().mapToDouble(Verdict::usd).sum();
        }

        double longUsd() {
            return byCoin().stream().mapToDouble(f -> f.evidence().longUsd()).sum();
        }

        /** A squeeze when the detector found one in the move (its rules are the stricter), else a flush. */
        String kind() {
            for (String k : new String[] {"long-squeeze", "short-squeeze"}) {
                if (detections.stream().anyMatch(f -> f.kind().equals(k))) {
                    return k.replace('-', ' ');
                }
            }
            return "leverage flush";
        }
    }

    static double usd(FlushDetector.Flush f) {
        return f.evidence().longUsd() + f.evidence().shortUsd();
    }

    /** Detections merged into moves: a detection joins the move its window overlaps. */
    static List<Move> moves(List<FlushDetector.Flush> flushes) {
        List<FlushDetector.Flush> sorted = new ArrayList<>(flushes);
        sorted.sort(Comparator.comparingLong(FlushDetector.Flush::startMicros));
        List<Move> out = new ArrayList<>();
        for (FlushDetector.Flush f : sorted) {
            Move last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && f.startMicros() <= last.endMicros()) {
                List<FlushDetector.Flush> d = new ArrayList<>(last.detections());
                d.add(f);
                out.set(out.size() - 1, new Move(last.startMicros(), Math.max(last.endMicros(), f.endMicros()), d));
            } else {
                out.add(new Move(f.startMicros(), f.endMicros(), List.of(f)));
            }
        }
        return out;
    }

    /** The paragraph; "none" with the thresholds when nothing was detected. */
    static String paragraph(List<FlushDetector.Flush> flushes, Times t) {
        List<Move> moves = moves(flushes);
        if (moves.isEmpty()) {
            return "No leverage flush or squeeze met Cascade's thresholds (price 2%, open interest 1% or 4%,"
                    + " $2M liquidated in an hour, three quarters on one side).";
        }
        Move top = moves.stream().max(Comparator.comparingDouble(Move::usd)).orElseThrow();
        List<FlushDetector.Flush> coins = top.byCoin();
        StringBuilder s = new StringBuilder(String.format("The dominant event was %s from %s to %s", Words.a(top.kind()),
                t.at(top.detectedMicros()), t.at(top.endMicros())));
        s.append(coins.size() > 1 ? String.format(" across %d coins: %s liquidated in their worst hours, %s of it longs.",
                coins.size(), money(top.usd()), share(top.longUsd() / top.usd()))
                : String.format(": %s liquidated in its worst hour, %s of it longs.", money(top.usd()),
                share(top.longUsd() / top.usd())));
        List<String> evidence = new ArrayList<>();
        for (FlushDetector.Flush f : coins.subList(0, Math.min(EVIDENCE_COINS, coins.size()))) {
            FlushDetector.Evidence e = f.evidence();
            evidence.add(String.format("%s %s %s with open interest %s %s", f.coin(), e.priceChangePct() >= 0 ? "rose" : "fell",
                    magnitude(e.priceChangePct()), e.oiChangePct() >= 0 ? "up" : "down", magnitude(e.oiChangePct())));
        }
        s.append(' ').append(Words.capitalized(String.join("; ", evidence))).append('.');
        if (moves.size() > 1) {
            s.append(String.format(" %s smaller %s detected.", Words.capitalized(Words.count(moves.size() - 1)),
                    moves.size() == 2 ? "event was" : "events were"));
        }
        return s.toString();
    }
}
