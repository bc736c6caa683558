package dev.cascade.report;

import dev.cascade.output.Formats;
import dev.cascade.analytics.MarketState;
import dev.cascade.analytics.MinuteBar;
import dev.cascade.analytics.bars.BarSeries;
import dev.cascade.analytics.bars.InstrumentBars;
import dev.cascade.analytics.bars.Scope;
import dev.cascade.analytics.figures.Figures;
import dev.cascade.analytics.heatmap.Heatmap;
import dev.cascade.analytics.taker.TakerFlow;
import dev.cascade.model.Coin;
import dev.cascade.model.Micros;
import dev.cascade.model.Venue;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TreeMap;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;

/**
 * The recap's charts, drawn headless with XChart to PNG: liquidations per minute, the lead coin's price, its
 * taker flow against the moving average (dollar axes, $30M rather than 3E7), and its liquidation heatmap over
 * time with the price drawn over it ({@link HeatmapChart}). A chart without data is not drawn.
 */
final class Charts {
    private static final int WIDTH = 900;
    private static final int HEIGHT = 320;
    private static final Color LONG = new Color(0xE5, 0x53, 0x4B);
    private static final Color SHORT = new Color(0x3F, 0xB9, 0x50);
    private static final Color LINE = new Color(0x1F, 0x6F, 0xEB);
    private static final Color AVERAGE = new Color(0xD2, 0x99, 0x22);

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Charts() {
    }

    static List<Recap.Chart> of(MarketState state, Figures f, String lead) {
        Times t = Times.of(f.fromMicros(), f.toMicros());
        List<Recap.Chart> out = new ArrayList<>();
        liquidations(state, t).ifPresent(out::add);
        if (lead != null) {
            price(state, lead, t).ifPresent(out::add);
            taker(f, lead, t).ifPresent(out::add);
            heatmap(state, f, lead, t).ifPresent(out::add);
        }
        return out;
    }

    private static java.util.Optional<Recap.Chart> liquidations(MarketState state, Times times) {
        TreeMap<Long, double[]> byMinute = new TreeMap<>();
        for (Venue v : Venue.values()) {
            for (MinuteBar b : state.liquidations().minuteBars(v)) {
                double[] x = byMinute.computeIfAbsent(b.minuteMicros(), k -> new double[2]);
                x[0] += b.longUsd();
                x[1] += b.shortUsd();
            }
        }
        if (byMinute.isEmpty()) {
            return java.util.Optional.empty();
        }
        XYChart c = xy("Liquidations per minute (every venue)", times);
        c.getStyler().setYAxisTickLabelsFormattingFunction(Formats::money);
        List<Date> t = new ArrayList<>();
        List<Double> longs = new ArrayList<>();
        List<Double> shorts = new ArrayList<>();
        byMinute.forEach((m, x) -> {
            t.add(new Date(m / 1000));
            longs.add(x[0]);
            shorts.add(x[1]);
        });
        series(c.addSeries("longs", t, longs), LONG, XYSeries.XYSeriesRenderStyle.Step);
        series(c.addSeries("shorts", t, shorts), SHORT, XYSeries.XYSeriesRenderStyle.Step);
        return java.util.Optional.of(new Recap.Chart("liquidations.png", "Liquidations per minute, longs and shorts",
                png(c)));
    }

    private static java.util.Optional<Recap.Chart> price(MarketState state, String lead, Times times) {
        InstrumentBars ref = Scope.reference(Scope.ALL.select(state.bars(), Coin.of(lead)));
        if (ref == null || ref.minutes().isEmpty()) {
            return java.util.Optional.empty();
        }
        BarSeries m = ref.minutes();
        List<Date> t = new ArrayList<>();
        List<Double> close = new ArrayList<>();
        for (int i = 0; i < m.size(); i++) {
            if (m.hasTrades(i)) {
                t.add(new Date(m.slot(i) * Micros.PER_MINUTE / 1000));
                close.add(m.close(i));
            }
        }
        if (t.size() < 2) {
            return java.util.Optional.empty();
        }
        XYChart c = xy(lead + " price (" + Words.venue(ref.instrument().venue()) + " " + ref.instrument().symbol()
                + ", minute closes)", times);
        c.getStyler().setYAxisTickLabelsFormattingFunction(Formats::price);
        series(c.addSeries(lead, t, close), LINE, XYSeries.XYSeriesRenderStyle.Line);
        return java.util.Optional.of(new Recap.Chart("price.png", lead + " price", png(c)));
    }

    private static java.util.Optional<Recap.Chart> taker(Figures f, String lead, Times times) {
        List<TakerFlow.Bar> bars = f.taker().bars().get(lead);
        if (bars == null || bars.isEmpty()) {
            return java.util.Optional.empty();
        }
        CategoryChart c = new CategoryChart(WIDTH, HEIGHT, Styler.ChartTheme.XChart);
        style(c, lead + " net taker volume per bar and its moving average");
        c.getStyler().setYAxisTickLabelsFormattingFunction(Formats::money);
        c.getStyler().setXAxisMaxLabelCount(12);
        List<String> x = new ArrayList<>();
        List<Double> net = new ArrayList<>();
        List<Double> ma = new ArrayList<>();
        for (TakerFlow.Bar b : bars) {
            x.add(times.axis(b.startMicros()));
            net.add(b.netUsd());
            ma.add(Double.isNaN(b.maUsd()) ? 0 : b.maUsd());
        }
        CategorySeries n = c.addSeries("net taker volume", x, net);
        n.setFillColor(LINE);
        CategorySeries a = c.addSeries("moving average", x, ma);
        a.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
        a.setLineColor(AVERAGE);
        a.setMarkerColor(AVERAGE);
        c.getStyler().setOverlapped(true);
        return java.util.Optional.of(new Recap.Chart("taker.png", lead + " taker flow", png(c)));
    }

    private static java.util.Optional<Recap.Chart> heatmap(MarketState state, Figures f, String lead, Times times) {
        Heatmap h = f.heatmaps().get(lead);
        if (h == null || h.snapshots().isEmpty() || h.snapshots().stream().allMatch(s -> s.levels().isEmpty())) {
            return java.util.Optional.empty();
        }
        List<HeatmapChart.Point> line = new ArrayList<>();
        InstrumentBars ref = Scope.reference(Scope.ALL.select(state.bars(), Coin.of(lead)));
        if (ref != null) {
            BarSeries m = ref.minutes();
            for (int i = 0; i < m.size(); i++) {
                if (m.hasTrades(i)) {
                    line.add(new HeatmapChart.Point(m.closeTime(i), m.close(i)));
                }
            }
        }
        String title = lead + " liquidation heatmap (predicted positions) and price; price at the end " + Formats.price(h.price());
        return java.util.Optional.of(new Recap.Chart("heatmap.png", lead + " liquidation heatmap and price",
                HeatmapChart.png(title, h, line, times)));
    }

    private static XYChart xy(String title, Times times) {
        XYChart c = new XYChart(WIDTH, HEIGHT, Styler.ChartTheme.XChart);
        style(c, title);
        c.getStyler().setDatePattern(times.isMultiDay() ? "MMM d HH:mm" : "HH:mm");
        c.getStyler().setLocale(java.util.Locale.ENGLISH);
        c.getStyler().setTimezone(java.util.TimeZone.getTimeZone("UTC"));
        c.getStyler().setMarkerSize(0);
        return c;
    }

    private static void style(Chart<?, ?> c, String title) {
        c.setTitle(title);
        Styler s = c.getStyler();
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setLegendPosition(Styler.LegendPosition.InsideNW);
        s.setChartTitleFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 14));
        s.setAntiAlias(true);
    }

    private static void series(XYSeries s, Color color, XYSeries.XYSeriesRenderStyle style) {
        s.setXYSeriesRenderStyle(style);
        s.setLineColor(color);
        s.setMarkerColor(color);
        s.setFillColor(color);
    }

    private static byte[] png(Chart<?, ?> c) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BitmapEncoder.saveBitmap(c, out, BitmapEncoder.BitmapFormat.PNG);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
