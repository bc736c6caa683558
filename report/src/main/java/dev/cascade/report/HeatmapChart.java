package dev.cascade.report;

import dev.cascade.output.Formats;
import dev.cascade.analytics.heatmap.Heatmap;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * The liquidation heatmap over time, drawn with Java2D because XChart's heat map has category axes: here the
 * y-axis is price with dollar labels, each snapshot's levels are cells at their price, and the coin's price is
 * drawn over them as a line, so a reader sees price running into (or away from) the bright bands.
 *
 * <pre>
 *   $106,000 |  ░░▒▒▓▓██      title, then price ticks on the left,
 *   $104,000 |  ▒▒──────╮     cells coloured by predicted USD (square root scale),
 *   $102,000 |  ▓▓██    ╰──   the price line in white over a dark line,
 *            +-------------   time ticks below
 * </pre>
 */
final class HeatmapChart {
    static final int WIDTH = 900;
    static final int HEIGHT = 440;
    private static final int LEFT = 90;
    private static final int RIGHT = 24;
    private static final int TOP = 44;
    private static final int BOTTOM = 52;
    private static final Color[] RAMP = {new Color(0x10, 0x20, 0x2E), new Color(0x2F, 0x6F, 0x8F),
        new Color(0xE3, 0xB3, 0x41), new Color(0xFF, 0xF3, 0xB0)};

    private HeatmapChart() {
    }

    /** A price at a time, for the line. */
    record Point(long micros, double price) {
    }

    static byte[] png(String title, Heatmap h, List<Point> line, Times t) {
        List<Heatmap.Snapshot> snaps = h.snapshots();
        long from = snaps.get(0).timeMicros();
        long step = snaps.size() > 1 ? (snaps.get(snaps.size() - 1).timeMicros() - from) / (snaps.size() - 1) : 1;
        long to = snaps.get(snaps.size() - 1).timeMicros() + step;
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        double max = 0;
        for (Heatmap.Snapshot s : snaps) {
            for (Heatmap.Level l : s.levels()) {
                lo = Math.min(lo, l.price());
                hi = Math.max(hi, l.price() * (1 + h.bucketPct() / 100));
                max = Math.max(max, l.longUsd() + l.shortUsd());
            }
        }
        for (Point p : line) {
            if (p.micros() >= from && p.micros() <= to) {
                lo = Math.min(lo, p.price());
                hi = Math.max(hi, p.price());
            }
        }
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        g.setColor(RAMP[0]);
        g.fillRect(LEFT, TOP, plotW, plotH);
        Scale x = new Scale(from, to, LEFT, LEFT + plotW);
        Scale y = new Scale(lo, hi, TOP + plotH, TOP);
        for (int k = 0; k < snaps.size(); k++) {
            Heatmap.Snapshot s = snaps.get(k);
            int x0 = x.at(s.timeMicros());
            int x1 = x.at(s.timeMicros() + step);
            for (Heatmap.Level l : s.levels()) {
                double usd = l.longUsd() + l.shortUsd();
                if (usd <= 0) {
                    continue;
                }
                int y0 = y.at(l.price() * (1 + h.bucketPct() / 100));
                int y1 = y.at(l.price());
                g.setColor(colour(Math.sqrt(usd / max)));
                g.fillRect(x0, y0, Math.max(1, x1 - x0), Math.max(1, y1 - y0));
            }
        }
        // the price line: dark under white, readable on every cell colour
        for (int pass = 0; pass < 2; pass++) {
            g.setColor(pass == 0 ? Color.BLACK : Color.WHITE);
            g.setStroke(new BasicStroke(pass == 0 ? 3.5f : 1.6f));
            Point prev = null;
            for (Point p : line) {
                if (p.micros() < from || p.micros() > to) {
                    continue;
                }
                if (prev != null) {
                    g.drawLine(x.at(prev.micros()), y.at(prev.price()), x.at(p.micros()), y.at(p.price()));
                }
                prev = p;
            }
        }
        g.setStroke(new BasicStroke(1));
        g.setColor(Color.DARK_GRAY);
        g.drawRect(LEFT, TOP, plotW, plotH);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        FontMetrics fm = g.getFontMetrics();
        for (double p : Ticks.nice(lo, hi, 6)) {
            String label = Formats.price(p);
            int py = y.at(p);
            g.drawLine(LEFT - 4, py, LEFT, py);
            g.drawString(label, LEFT - 8 - fm.stringWidth(label), py + fm.getAscent() / 2 - 1);
        }
        int labels = Math.min(6, snaps.size());
        for (int i = 0; i <= labels; i++) {
            long at = from + (to - from) * i / labels;
            String label = t.axis(at);
            int px = x.at(at);
            g.drawLine(px, TOP + plotH, px, TOP + plotH + 4);
            g.drawString(label, Math.min(WIDTH - fm.stringWidth(label) - 2, Math.max(2, px - fm.stringWidth(label) / 2)),
                    TOP + plotH + 18);
        }
        g.drawString("time (UTC); cells: predicted liquidations per "
                + java.math.BigDecimal.valueOf(h.bucketPct()).stripTrailingZeros().toPlainString() + "% bucket, brightest "
                + Formats.money(max) + "; line: price", LEFT, HEIGHT - 12);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.setColor(Color.BLACK);
        g.drawString(title, LEFT, 26);
        g.dispose();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 0 to 1 along the ramp's colours. */
    private static Color colour(double v) {
        double x = Math.max(0, Math.min(1, v)) * (RAMP.length - 1);
        int i = Math.min(RAMP.length - 2, (int) x);
        double f = x - i;
        Color a = RAMP[i];
        Color b = RAMP[i + 1];
        return new Color((int) (a.getRed() + f * (b.getRed() - a.getRed())),
                (int) (a.getGreen() + f * (b.getGreen() - a.getGreen())), (int) (a.getBlue() + f * (b.getBlue() - a.getBlue())));
    }

    /** A linear map from values to pixels. */
    private record Scale(double from, double to, int px0, int px1) {
        int at(double v) {
            return (int) Math.round(px0 + (v - from) / (to - from == 0 ? 1 : to - from) * (px1 - px0));
        }
    }
}
