package dev.cascade.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Writes the built-in sample, {@code samples/btc-drop-2025-06-05.jsonl}: three hours of Binance, Bybit and
 * OKX frames around a sharp BTC drop (about 106,000 to a wick near 102,400, then a recovery to 103,500), in each
 * venue's documented wire format, as a Cascade recording with the REST metadata first. Deterministic; run
 * {@code main} to regenerate, and {@link SampleRecordingTest} keeps the committed file equal to this output.
 */
public final class SampleRecording {
    static final Path FILE = Paths.get("samples", "btc-drop-2025-06-05.jsonl");
    /** 2025-06-05T13:30:00Z. */
    static final long START_MS = 1_749_130_200_000L;
    static final int MINUTES = 180;

    private final Random random = new Random(20250605);
    private final List<Line> lines = new ArrayList<>();

    private record Line(long receiveMicros, int order, String text) {
    }

    public static void main(String[] args) throws IOException {
        Path root = args.length > 0 ? Paths.get(args[0]) : Paths.get("");
        Files.write(root.resolve(FILE), generate().getBytes(StandardCharsets.UTF_8));
    }

    static String generate() {
        return new SampleRecording().build();
    }

    private String build() {
        metadata();
        for (int m = 0; m < MINUTES; m++) {
            minute(m);
        }
        lines.sort(Comparator.comparingLong(Line::receiveMicros).thenComparingInt(Line::order));
        StringBuilder out = new StringBuilder();
        for (Line l : lines) {
            out.append(l.text()).append('\n');
        }
        return out.toString();
    }

    // --- the market path -------------------------------------------------------------------------------

    /** BTC price at a second of the sample: up to about 106,000, down to a wick near 102,400, back to 103,500. */
    static double btc(double second) {
        double m = second / 60;
        double base;
        if (m < 45) {
            base = 105_600 + 450 * m / 45;
        } else if (m < 50) {
            base = 106_050;
        } else if (m < 120) {
            base = 106_050 - 2_450 * (m - 50) / 70;
        } else if (m < 127) {
            base = 103_600 - 1_220 * Math.pow((m - 120) / 7, 1.6);
        } else if (m < 130) {
            base = 102_380 + 520 * (m - 127) / 3;
        } else {
            base = 102_900 + 600 * (m - 130) / 50;
        }
        return base + 35 * Math.sin(second / 97.0);
    }

    static double eth(double second) {
        return 2_615 * Math.pow(btc(second) / 106_050, 2.7);
    }

    static double sol(double second) {
        return 156.2 * Math.pow(btc(second) / 106_050, 2.0);
    }

    // --- frames ------------------------------------------------------------------------------------------

    private void add(long receiveMicros, String venue, String frame) {
        lines.add(new Line(receiveMicros, lines.size(),
                "{\"ts\":" + receiveMicros + ",\"venue\":\"" + venue + "\",\"frame\":" + frame + "}"));
    }

    private void rest(long receiveMicros, String venue, String path, String body) {
        lines.add(new Line(receiveMicros, lines.size(), "{\"ts\":" + receiveMicros + ",\"venue\":\"" + venue
                + "\",\"rest\":\"" + path + "\",\"frame\":" + body + "}"));
    }

    private void metadata() {
        long t = (START_MS - 2_000) * 1000;
        rest(t, "binance-usdm", "/fapi/v1/exchangeInfo", "{\"timezone\":\"UTC\",\"serverTime\":" + (START_MS - 2_000)
                + ",\"symbols\":[" + usdm("BTCUSDT", "BTC") + "," + usdm("ETHUSDT", "ETH") + "," + usdm("SOLUSDT", "SOL") + "]}");
        rest(t + 1_000, "binance-coinm", "/dapi/v1/exchangeInfo", "{\"timezone\":\"UTC\",\"serverTime\":"
                + (START_MS - 2_000) + ",\"symbols\":[" + coinm("BTCUSD_PERP", "BTC", 100) + ","
                + coinm("ETHUSD_PERP", "ETH", 10) + "]}");
        rest(t + 2_000, "bybit-linear", "/v5/market/instruments-info?category=linear", "{\"retCode\":0,\"retMsg\":\"OK\","
                + "\"result\":{\"category\":\"linear\",\"nextPageCursor\":\"\",\"list\":[" + bybit("BTCUSDT", "LinearPerpetual", "BTC", "USDT")
                + "," + bybit("ETHUSDT", "LinearPerpetual", "ETH", "USDT") + "," + bybit("SOLUSDT", "LinearPerpetual", "SOL", "USDT")
                + "]},\"retExtInfo\":{},\"time\":" + (START_MS - 2_000) + "}");
        rest(t + 3_000, "bybit-inverse", "/v5/market/instruments-info?category=inverse", "{\"retCode\":0,\"retMsg\":\"OK\","
                + "\"result\":{\"category\":\"inverse\",\"nextPageCursor\":\"\",\"list\":[" + bybit("BTCUSD", "InversePerpetual", "BTC", "USD")
                + "," + bybit("ETHUSD", "InversePerpetual", "ETH", "USD") + "]},\"retExtInfo\":{},\"time\":" + (START_MS - 2_000) + "}");
        rest(t + 4_000, "okx-swap", "/api/v5/public/instruments?instType=SWAP", "{\"code\":\"0\",\"msg\":\"\",\"data\":["
                + okx("BTC-USDT-SWAP", "linear", "0.01", "BTC") + "," + okx("ETH-USDT-SWAP", "linear", "0.1", "ETH") + ","
                + okx("SOL-USDT-SWAP", "linear", "1", "SOL") + "," + okx("BTC-USD-SWAP", "inverse", "100", "USD") + "]}");
        long ack = START_MS * 1000 - 500_000;
        add(ack, "binance-usdm", "{\"result\":null,\"id\":1}");
        add(ack + 1_000, "binance-coinm", "{\"result\":null,\"id\":1}");
        add(ack + 2_000, "bybit-linear", "{\"success\":true,\"ret_msg\":\"\",\"conn_id\":\"d2c6a1f0-sample-linear\",\"req_id\":\"1\",\"op\":\"subscribe\"}");
        add(ack + 3_000, "bybit-inverse", "{\"success\":true,\"ret_msg\":\"\",\"conn_id\":\"d2c6a1f0-sample-inverse\",\"req_id\":\"1\",\"op\":\"subscribe\"}");
        add(ack + 4_000, "okx-swap", "{\"event\":\"subscribe\",\"arg\":{\"channel\":\"liquidation-orders\",\"instType\":\"SWAP\"},\"connId\":\"5a1e9c\"}");
        add(ack + 5_000, "okx-swap", "{\"event\":\"subscribe\",\"arg\":{\"channel\":\"open-interest\",\"instId\":\"BTC-USDT-SWAP\"},\"connId\":\"5a1e9c\"}");
    }

    private static String usdm(String symbol, String base) {
        return "{\"symbol\":\"" + symbol + "\",\"pair\":\"" + symbol + "\",\"contractType\":\"PERPETUAL\",\"status\":\"TRADING\","
                + "\"baseAsset\":\"" + base + "\",\"quoteAsset\":\"USDT\",\"marginAsset\":\"USDT\"}";
    }

    private static String coinm(String symbol, String base, int contractSize) {
        return "{\"symbol\":\"" + symbol + "\",\"pair\":\"" + base + "USD\",\"contractType\":\"PERPETUAL\",\"contractStatus\":\"TRADING\","
                + "\"contractSize\":" + contractSize + ",\"marginAsset\":\"" + base + "\",\"baseAsset\":\"" + base
                + "\",\"quoteAsset\":\"USD\"}";
    }

    private static String bybit(String symbol, String type, String base, String quote) {
        return "{\"symbol\":\"" + symbol + "\",\"contractType\":\"" + type + "\",\"status\":\"Trading\",\"baseCoin\":\"" + base
                + "\",\"quoteCoin\":\"" + quote + "\",\"settleCoin\":\"" + (quote.equals("USD") ? base : quote) + "\"}";
    }

    private static String okx(String instId, String type, String ctVal, String ctValCcy) {
        String uly = instId.substring(0, instId.lastIndexOf('-'));
        return "{\"instId\":\"" + instId + "\",\"instType\":\"SWAP\",\"ctType\":\"" + type + "\",\"ctVal\":\"" + ctVal
                + "\",\"ctMult\":\"1\",\"ctValCcy\":\"" + ctValCcy + "\",\"uly\":\"" + uly + "\",\"instFamily\":\"" + uly
                + "\",\"settleCcy\":\"" + (type.equals("linear") ? "USDT" : instId.substring(0, 3)) + "\",\"state\":\"live\"}";
    }

    private void minute(int m) {
        long minuteMs = START_MS + m * 60_000L;
        double second = m * 60;
        if (m % 2 == 0) {
            aggTrade(minuteMs + 7_000 + random.nextInt(40_000), 5_203_100_000L + m * 917L);
        }
        if (m % 10 == 0) {
            markPrices(minuteMs + 1_000);
            long pong = minuteMs * 1000 + 20_000_000;
            add(pong, "bybit-linear", "{\"success\":true,\"ret_msg\":\"pong\",\"conn_id\":\"d2c6a1f0-sample-linear\",\"req_id\":\"" + m + "\",\"op\":\"ping\"}");
            add(pong + 5_000_000, "okx-swap", "\"pong\"");
        }
        if (m % 15 == 0) {
            tickers(minuteMs + 3_000, m == 0);
            okxOpenInterest(minuteMs + 9_000);
        }
        if (m % 60 == 30) {
            okxFunding(minuteMs + 45_000);
        }
        if (m % 5 == 0) {
            okxTrade(minuteMs + 22_000 + random.nextInt(30_000), 1_830_000_000L + m * 311L);
        }
        // forced selling follows the drop: liquidation intensity grows with the fall over the minute
        double fall = (btc(second) - btc(second + 60)) / btc(second);
        double longs = Math.max(0, fall) * 2_400 + 0.04;
        double shorts = Math.max(0, -fall) * 1_500 + 0.03;
        liquidations(minuteMs, longs, shorts);
    }

    private void aggTrade(long ms, long id) {
        double p = btc((ms - START_MS) / 1000.0);
        boolean isSell = random.nextDouble() < 0.55;
        String q = String.format(Locale.ROOT, "%.3f", 0.001 + random.nextDouble() * 0.8);
        add(ms * 1000 + 61_000 + random.nextInt(30_000), "binance-usdm", String.format(Locale.ROOT,
                "{\"stream\":\"btcusdt@aggTrade\",\"data\":{\"e\":\"aggTrade\",\"E\":%d,\"a\":%d,\"s\":\"BTCUSDT\",\"p\":\"%.1f\","
                        + "\"q\":\"%s\",\"nq\":\"%s\",\"f\":%d,\"l\":%d,\"T\":%d,\"m\":%b,\"st\":1}}",
                ms + 4, id, p, q, q, id * 2, id * 2 + 3, ms, isSell));
    }

    private void markPrices(long ms) {
        double s = (ms - START_MS) / 1000.0;
        add(ms * 1000 + 48_000, "binance-usdm", String.format(Locale.ROOT,
                "{\"stream\":\"!markPrice@arr@1s\",\"data\":["
                        + "{\"e\":\"markPriceUpdate\",\"E\":%d,\"s\":\"BTCUSDT\",\"p\":\"%.8f\",\"ap\":\"%.8f\",\"P\":\"%.8f\",\"i\":\"%.8f\",\"r\":\"%.8f\",\"T\":1749139200000,\"st\":1},"
                        + "{\"e\":\"markPriceUpdate\",\"E\":%d,\"s\":\"ETHUSDT\",\"p\":\"%.8f\",\"ap\":\"%.8f\",\"P\":\"%.8f\",\"i\":\"%.8f\",\"r\":\"%.8f\",\"T\":1749139200000,\"st\":1}]}",
                ms, btc(s) + 3.1, btc(s) + 3.1, btc(s) + 5.2, btc(s) - 1.4, 0.0000712 - s * 1e-9,
                ms, eth(s) + 0.31, eth(s) + 0.31, eth(s) + 0.52, eth(s) - 0.12, 0.0000425 - s * 2e-9));
    }

    private void tickers(long ms, boolean isSnapshot) {
        double s = (ms - START_MS) / 1000.0;
        double oi = 58_400 - (s > 7_200 ? (s - 7_200) * 0.9 : 0) + s * 0.05;
        String fields = String.format(Locale.ROOT, "\"symbol\":\"BTCUSDT\",\"markPrice\":\"%.2f\",\"indexPrice\":\"%.2f\","
                + "\"openInterest\":\"%.3f\",\"openInterestValue\":\"%.2f\",\"fundingRate\":\"%.6f\",\"nextFundingTime\":\"1749139200000\"",
                btc(s) + 2.5, btc(s) - 1.2, oi, oi * btc(s), 0.0001 - s * 4e-9);
        if (isSnapshot) {
            fields += String.format(Locale.ROOT, ",\"lastPrice\":\"%.2f\",\"bid1Price\":\"%.2f\",\"ask1Price\":\"%.2f\"",
                    btc(s), btc(s) - 0.1, btc(s));
        }
        add(ms * 1000 + 35_000, "bybit-linear", "{\"topic\":\"tickers.BTCUSDT\",\"type\":\"" + (isSnapshot ? "snapshot" : "delta")
                + "\",\"data\":{" + fields + "},\"cs\":" + (90_000_000_000L + ms % 100_000_000) + ",\"ts\":" + ms + "}");
    }

    private void okxOpenInterest(long ms) {
        double s = (ms - START_MS) / 1000.0;
        double contracts = 2_410_000 - (s > 7_200 ? (s - 7_200) * 38 : 0) + s * 2;
        add(ms * 1000 + 52_000, "okx-swap", String.format(Locale.ROOT,
                "{\"arg\":{\"channel\":\"open-interest\",\"instId\":\"BTC-USDT-SWAP\"},\"data\":[{\"instId\":\"BTC-USDT-SWAP\","
                        + "\"instType\":\"SWAP\",\"oi\":\"%.2f\",\"oiCcy\":\"%.4f\",\"oiUsd\":\"%.2f\",\"ts\":\"%d\"}]}",
                contracts, contracts * 0.01, contracts * 0.01 * btc(s), ms));
    }

    private void okxFunding(long ms) {
        add(ms * 1000 + 40_000, "okx-swap", String.format(Locale.ROOT,
                "{\"arg\":{\"channel\":\"funding-rate\",\"instId\":\"BTC-USDT-SWAP\"},\"data\":[{\"formulaType\":\"noRate\","
                        + "\"fundingRate\":\"%.10f\",\"fundingTime\":\"1749139200000\",\"instId\":\"BTC-USDT-SWAP\",\"instType\":\"SWAP\","
                        + "\"method\":\"current_period\",\"nextFundingRate\":\"\",\"nextFundingTime\":\"1749168000000\",\"ts\":\"%d\"}]}",
                0.000081 - (ms - START_MS) * 1e-12, ms));
    }

    private void okxTrade(long ms, long id) {
        double p = btc((ms - START_MS) / 1000.0);
        add(ms * 1000 + 30_000, "okx-swap", String.format(Locale.ROOT,
                "{\"arg\":{\"channel\":\"trades\",\"instId\":\"BTC-USDT-SWAP\"},\"data\":[{\"instId\":\"BTC-USDT-SWAP\","
                        + "\"tradeId\":\"%d\",\"px\":\"%.1f\",\"sz\":\"%d\",\"side\":\"%s\",\"ts\":\"%d\",\"count\":\"%d\"}]}",
                id, p, 1 + random.nextInt(60), random.nextBoolean() ? "buy" : "sell", ms, 1 + random.nextInt(4)));
    }

    // --- liquidations ------------------------------------------------------------------------------------

    private void liquidations(long minuteMs, double longRate, double shortRate) {
        for (boolean isLong : new boolean[] {true, false}) {
            double rate = isLong ? longRate : shortRate;
            int binance = poisson(rate * 1.1);
            int bybit = poisson(rate * 0.9);
            int okx = poisson(rate * 0.6);
            boolean[] usedSecond = new boolean[60]; // Binance: at most one per symbol per second
            for (int i = 0; i < binance; i++) {
                int sec = random.nextInt(60);
                if (usedSecond[sec]) {
                    continue;
                }
                usedSecond[sec] = true;
                binance(minuteMs + sec * 1000L + random.nextInt(900), isLong);
            }
            for (int i = 0; i < bybit; i++) {
                bybitBatch(minuteMs + random.nextInt(60) * 1000L, isLong);
            }
            for (int i = 0; i < okx; i++) {
                okxLiquidation(minuteMs + random.nextInt(60_000), isLong);
            }
        }
        if (minuteMs == START_MS + 127 * 60_000L) {
            bybitWhale(minuteMs + 12_172);
        }
        if (minuteMs == START_MS + 125 * 60_000L) {
            // the same frame again on an overlapping connection, two seconds later: counted once
            binanceFrame(minuteMs + 33_412, true, "ETHUSDT", 61.25, eth(125 * 60 + 33.4), 2_000_000);
        }
    }

    private double usd() {
        return Math.min(2_500_000, Math.exp(Math.log(12_000) + 1.5 * random.nextGaussian()));
    }

    private void binance(long ms, boolean isLong) {
        double s = (ms - START_MS) / 1000.0;
        double r = random.nextDouble();
        if (r < 0.55) {
            binanceFrame(ms, isLong, "BTCUSDT", round(usd() / btc(s), 3), btc(s), 0);
        } else if (r < 0.85) {
            binanceFrame(ms, isLong, "ETHUSDT", round(usd() / eth(s), 3), eth(s), 0);
        } else if (r < 0.93) {
            binanceFrame(ms, isLong, "SOLUSDT", round(usd() / sol(s), 1), sol(s), 0);
        } else {
            binanceFrame(ms, isLong, "BTCUSD_PERP", Math.max(1, Math.round(usd() / 100)), btc(s), 0);
        }
    }

    private void binanceFrame(long ms, boolean isLong, String symbol, double qty, double market, long repeatMicros) {
        double ap = market * (isLong ? 1 - 0.0015 : 1 + 0.0015);
        double p = market * (isLong ? 1 - 0.004 : 1 + 0.004);
        boolean isCoinM = symbol.endsWith("_PERP");
        String q = isCoinM ? Long.toString((long) qty) : trim(qty);
        String frame = String.format(Locale.ROOT, "{\"stream\":\"!forceOrder@arr\",\"data\":{\"e\":\"forceOrder\",\"E\":%d,\"o\":{"
                        + "\"s\":\"%s\",\"S\":\"%s\",\"o\":\"LIMIT\",\"f\":\"IOC\",\"q\":\"%s\",\"p\":\"%s\",\"ap\":\"%s\","
                        + "\"X\":\"FILLED\",\"l\":\"%s\",\"z\":\"%s\",\"T\":%d,\"ps\":\"%s\",\"st\":%d}}}",
                ms + 3, symbol, isLong ? "SELL" : "BUY", q, price(p), price(ap), q, q, ms,
                isCoinM ? symbol.substring(0, symbol.indexOf('_')) : symbol, isCoinM ? 2 : 1);
        String venue = isCoinM ? "binance-coinm" : "binance-usdm";
        long receive = ms * 1000 + 40_000 + random.nextInt(60_000);
        add(receive, venue, frame);
        if (repeatMicros > 0) {
            add(receive + repeatMicros, venue, frame);
        }
    }

    private void bybitBatch(long ms, boolean isLong) {
        int items = 1 + random.nextInt(3);
        StringBuilder data = new StringBuilder();
        String symbol = random.nextDouble() < 0.6 ? "BTCUSDT" : random.nextDouble() < 0.7 ? "ETHUSDT" : "SOLUSDT";
        for (int i = 0; i < items; i++) {
            long t = ms + random.nextInt(500);
            double s = (t - START_MS) / 1000.0;
            double market = symbol.equals("BTCUSDT") ? btc(s) : symbol.equals("ETHUSDT") ? eth(s) : sol(s);
            double bankruptcy = market * (isLong ? 1 - 0.005 : 1 + 0.005);
            double v = round(usd() / market, symbol.equals("SOLUSDT") ? 1 : 3);
            data.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT,
                    "{\"T\":%d,\"s\":\"%s\",\"S\":\"%s\",\"v\":\"%s\",\"p\":\"%s\"}", t, symbol, isLong ? "Buy" : "Sell",
                    trim(v), price(bankruptcy)));
        }
        long push = ms + 500;
        add(push * 1000 + 25_000 + random.nextInt(20_000), "bybit-linear", "{\"topic\":\"allLiquidation." + symbol
                + "\",\"type\":\"snapshot\",\"ts\":" + push + ",\"data\":[" + data + "]}");
    }

    /** The day's largest order: about $8M of longs on Bybit's inverse BTCUSD at the wick. */
    private void bybitWhale(long ms) {
        double s = (ms - START_MS) / 1000.0;
        add((ms + 328) * 1000 + 31_000, "bybit-inverse", String.format(Locale.ROOT,
                "{\"topic\":\"allLiquidation.BTCUSD\",\"type\":\"snapshot\",\"ts\":%d,\"data\":[{\"T\":%d,\"s\":\"BTCUSD\","
                        + "\"S\":\"Buy\",\"v\":\"8012000\",\"p\":\"%s\"},{\"T\":%d,\"s\":\"BTCUSD\",\"S\":\"Buy\",\"v\":\"41250\",\"p\":\"%s\"}]}",
                ms + 328, ms, price(btc(s) * 0.995), ms + 96, price(btc(s + 0.1) * 0.995)));
    }

    private void okxLiquidation(long ms, boolean isLong) {
        double s = (ms - START_MS) / 1000.0;
        double r = random.nextDouble();
        String instId;
        String sz;
        double market;
        if (r < 0.5) {
            instId = "BTC-USDT-SWAP";
            market = btc(s);
            sz = trim(round(usd() / (0.01 * market), 2));
        } else if (r < 0.75) {
            instId = "ETH-USDT-SWAP";
            market = eth(s);
            sz = trim(round(usd() / (0.1 * market), 2));
        } else if (r < 0.85) {
            instId = "SOL-USDT-SWAP";
            market = sol(s);
            sz = trim(round(usd() / market, 2));
        } else {
            instId = "BTC-USD-SWAP";
            market = btc(s);
            sz = Long.toString(Math.max(1, Math.round(usd() / 100)));
        }
        double bankruptcy = market * (isLong ? 1 - 0.006 : 1 + 0.006);
        String family = instId.substring(0, instId.lastIndexOf('-'));
        add(ms * 1000 + 70_000 + random.nextInt(50_000), "okx-swap", String.format(Locale.ROOT,
                "{\"arg\":{\"channel\":\"liquidation-orders\",\"instType\":\"SWAP\"},\"data\":[{\"details\":[{\"bkLoss\":\"0\","
                        + "\"bkPx\":\"%s\",\"ccy\":\"\",\"posSide\":\"%s\",\"side\":\"%s\",\"sz\":\"%s\",\"ts\":\"%d\"}],"
                        + "\"instFamily\":\"%s\",\"instId\":\"%s\",\"instType\":\"SWAP\",\"uly\":\"%s\"}]}",
                price(bankruptcy), random.nextDouble() < 0.7 ? "net" : isLong ? "long" : "short", isLong ? "sell" : "buy", sz,
                ms, family, instId, family));
    }

    private int poisson(double lambda) {
        double l = Math.exp(-Math.min(lambda, 30));
        int k = 0;
        double p = 1;
        do {
            k++;
            p *= random.nextDouble();
        } while (p > l);
        return k - 1;
    }

    private static double round(double v, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.max(1 / scale, Math.round(v * scale) / scale);
    }

    private static String trim(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static String price(double p) {
        return p >= 1000 ? String.format(Locale.ROOT, "%.1f", p) : p >= 10 ? String.format(Locale.ROOT, "%.2f", p)
                : String.format(Locale.ROOT, "%.4f", p);
    }
}
