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
import java.util.UUID;

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
        overview();
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
            base = 102_380 + 720 * (m - 127) / 3;
        } else {
            base = 103_100 + 400 * (m - 130) / 50;
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

    /**
     * What the recorder fetches beside the feeds: CoinGecko's /global a day before, at the start and at the end
     * (the market cap falls 2 % to $3.2T while volume rises 40 %), a /coins/markets page at the end (Sei the top
     * gainer), and alternative.me's reading of the day (neutral).
     */
    private void overview() {
        long day = 24 * 3_600_000L;
        long end = START_MS + MINUTES * 60_000L;
        global(end - day + 240_000, 3_286e9, 95.0e9, 62.9, 9.7, 0.4);
        global(START_MS - 60_000, 3_297e9, 101.0e9, 63.0, 9.6, 0.3);
        fearGreed(START_MS - 30_000, 52, "Neutral", START_MS - 48_600_000);
        global(end - 50_000, 3_220e9, 133.0e9, 63.5, 9.1, -2.01);
        StringBuilder page = new StringBuilder("[");
        String[][] coins = {
            {"bitcoin", "btc", "Bitcoin", "103450", "2056e9", "1", "-2.41"},
            {"ethereum", "eth", "Ethereum", "2445.1", "295e9", "2", "-5.83"},
            {"tether", "usdt", "Tether", "1.0002", "154e9", "3", "0.01"},
            {"ripple", "xrp", "XRP", "2.171", "128e9", "4", "-3.02"},
            {"binancecoin", "bnb", "BNB", "642.3", "93.6e9", "5", "-1.77"},
            {"solana", "sol", "Solana", "148.6", "78.1e9", "6", "-4.12"},
            {"dogecoin", "doge", "Dogecoin", "0.1811", "27.1e9", "8", "-6.24"},
            {"tron", "trx", "TRON", "0.2702", "25.6e9", "9", "0.83"},
            {"cardano", "ada", "Cardano", "0.6512", "23.5e9", "10", "-4.91"},
            {"hyperliquid", "hype", "Hyperliquid", "35.12", "11.7e9", "14", "2.14"},
            {"sui", "sui", "Sui", "3.088", "10.4e9", "16", "-5.47"},
            {"chainlink", "link", "Chainlink", "13.41", "8.8e9", "17", "-4.03"},
            {"sei-network", "sei", "Sei", "0.2211", "1.19e9", "71", "9.82"},
            {"pepe", "pepe", "Pepe", "0.00001104", "4.6e9", "27", "-8.91"}};
        for (String[] c : coins) {
            page.append(page.length() > 1 ? "," : "").append(String.format(Locale.ROOT,
                    "{\"id\":\"%s\",\"symbol\":\"%s\",\"name\":\"%s\",\"current_price\":%s,\"market_cap\":%.0f,"
                            + "\"market_cap_rank\":%s,\"total_volume\":%.0f,\"price_change_percentage_24h\":%s,"
                            + "\"last_updated\":\"%s\"}", c[0], c[1], c[2], c[3], Double.parseDouble(c[4]), c[5],
                    Double.parseDouble(c[4]) * 0.04, c[6], java.time.Instant.ofEpochMilli(end - 95_000)));
        }
        lines.add(new Line((end - 40_000) * 1000, lines.size(), "{\"ts\":" + (end - 40_000) * 1000
                + ",\"venue\":\"coingecko\",\"rest\":\"/api/v3/coins/markets?vs_currency=usd&order=market_cap_desc"
                + "&per_page=100&price_change_percentage=24h\",\"frame\":" + page.append(']') + "}"));
    }

    private void global(long ms, double cap, double volume, double btc, double eth, double change) {
        lines.add(new Line(ms * 1000, lines.size(), String.format(Locale.ROOT, "{\"ts\":%d,\"venue\":\"coingecko\","
                        + "\"rest\":\"/api/v3/global\",\"frame\":{\"data\":{\"active_cryptocurrencies\":17321,\"markets\":1290,"
                        + "\"total_market_cap\":{\"btc\":%.1f,\"usd\":%.1f},\"total_volume\":{\"btc\":%.1f,\"usd\":%.1f},"
                        + "\"market_cap_percentage\":{\"btc\":%.3f,\"eth\":%.3f},\"market_cap_change_percentage_24h_usd\":%.3f,"
                        + "\"updated_at\":%d}}}", ms * 1000, cap / 104_000, cap, volume / 104_000, volume, btc, eth, change,
                (ms - 20_000) / 1000)));
    }

    private void fearGreed(long ms, int value, String classification, long dayMs) {
        lines.add(new Line(ms * 1000, lines.size(), String.format(Locale.ROOT, "{\"ts\":%d,\"venue\":\"alternative.me\","
                        + "\"rest\":\"/fng/?limit=2\",\"frame\":{\"name\":\"Fear and Greed Index\",\"data\":[{\"value\":\"%d\","
                        + "\"value_classification\":\"%s\",\"timestamp\":\"%d\",\"time_until_update\":\"37800\"}],"
                        + "\"metadata\":{\"error\":null}}}", ms * 1000, value, classification, dayMs / 1000)));
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
        // forced selling follows the drop: liquidation intensity, and the sellers' share of taker volume, grow
        // with the fall over the minute
        double fall = (btc(second) - btc(second + 60)) / btc(second);
        double sellShare = Math.max(0.2, Math.min(0.85, 0.5 + fall * 150));
        for (int i = 0; i < 6; i++) {
            aggTrade(minuteMs + i * 10_000L + random.nextInt(9_000), "BTCUSDT", sellShare);
        }
        for (int i = 0; i < 2; i++) {
            aggTrade(minuteMs + i * 30_000L + random.nextInt(29_000), "ETHUSDT", sellShare);
        }
        for (int i = 0; i < 3; i++) {
            bybitTrade(minuteMs + i * 20_000L + random.nextInt(19_000), sellShare);
        }
        for (int i = 0; i < 2; i++) {
            okxTrade(minuteMs + i * 30_000L + random.nextInt(29_000), sellShare);
        }
        markPrices(minuteMs + 1_000);
        tickers(minuteMs + 3_000, m == 0);
        okxOpenInterest(minuteMs + 9_000);
        if (m % 10 == 0) {
            long pong = minuteMs * 1000 + 20_000_000;
            add(pong, "bybit-linear", "{\"success\":true,\"ret_msg\":\"pong\",\"conn_id\":\"d2c6a1f0-sample-linear\",\"req_id\":\"" + m + "\",\"op\":\"ping\"}");
            add(pong + 5_000_000, "okx-swap", "\"pong\"");
        }
        if (m % 60 == 30) {
            okxFunding(minuteMs + 45_000);
        }
        double longs = Math.max(0, fall) * 9_000 + 0.04;
        double shorts = Math.max(0, -fall) * 3_000 + 0.03;
        liquidations(minuteMs, longs, shorts, 1 + Math.max(0, fall) * 700);
    }

    /**
     * Open interest relative to its level at the start: built up by 3 % while the price rises (the leverage the
     * heatmap places), flat at the top, and closed out by 6 % through the drop and the wick.
     */
    static double openInterest(double second) {
        double m = second / 60;
        double built = 0.03 * Math.min(m, 50) / 50;
        double closed = m < 112 ? 0 : 0.06 * Math.min(1, (m - 112) / 18);
        return 1 + built - closed;
    }

    private final long[] aggTradeIds = {5_203_100_000L, 3_911_400_000L};

    private void aggTrade(long ms, String symbol, double sellShare) {
        boolean isBtc = symbol.equals("BTCUSDT");
        double p = isBtc ? btc((ms - START_MS) / 1000.0) : eth((ms - START_MS) / 1000.0);
        boolean isSell = random.nextDouble() < sellShare;
        double usd = 15_000 + random.nextDouble() * 120_000;
        String q = String.format(Locale.ROOT, isBtc ? "%.3f" : "%.2f", usd / p);
        long id = ++aggTradeIds[isBtc ? 0 : 1];
        add(ms * 1000 + 61_000 + random.nextInt(30_000), "binance-usdm", String.format(Locale.ROOT,
                "{\"stream\":\"%s@aggTrade\",\"data\":{\"e\":\"aggTrade\",\"E\":%d,\"a\":%d,\"s\":\"%s\",\"p\":\"%s\","
                        + "\"q\":\"%s\",\"nq\":\"%s\",\"f\":%d,\"l\":%d,\"T\":%d,\"m\":%b,\"st\":1}}",
                symbol.toLowerCase(Locale.ROOT), ms + 4, id, symbol, price(p), q, q, id * 2, id * 2 + 3, ms, isSell));
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

    /** Bybit's ticker: a snapshot first, then deltas that carry only what changed (here mark, OI and funding). */
    private void tickers(long ms, boolean isSnapshot) {
        double s = (ms - START_MS) / 1000.0;
        double oi = 58_400 * openInterest(s);
        String fields = String.format(Locale.ROOT, "\"symbol\":\"BTCUSDT\",\"markPrice\":\"%.2f\",\"indexPrice\":\"%.2f\","
                + "\"openInterest\":\"%.3f\",\"openInterestValue\":\"%.2f\",\"fundingRate\":\"%.6f\"",
                btc(s) + 2.5, btc(s) - 1.2, oi, oi * btc(s), 0.0001 - s * 4e-9);
        if (isSnapshot) {
            fields += String.format(Locale.ROOT, ",\"nextFundingTime\":\"1749139200000\",\"lastPrice\":\"%.2f\","
                    + "\"bid1Price\":\"%.2f\",\"ask1Price\":\"%.2f\"", btc(s), btc(s) - 0.1, btc(s));
        }
        add(ms * 1000 + 35_000, "bybit-linear", "{\"topic\":\"tickers.BTCUSDT\",\"type\":\"" + (isSnapshot ? "snapshot" : "delta")
                + "\",\"data\":{" + fields + "},\"cs\":" + (90_000_000_000L + ms % 100_000_000) + ",\"ts\":" + ms + "}");
    }

    private void okxOpenInterest(long ms) {
        double s = (ms - START_MS) / 1000.0;
        double contracts = 2_410_000 * openInterest(s);
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

    private long okxTradeId = 1_830_000_000L;

    private void okxTrade(long ms, double sellShare) {
        double p = btc((ms - START_MS) / 1000.0);
        long contracts = Math.round((15_000 + random.nextDouble() * 100_000) / (0.01 * p));
        add(ms * 1000 + 30_000, "okx-swap", String.format(Locale.ROOT,
                "{\"arg\":{\"channel\":\"trades\",\"instId\":\"BTC-USDT-SWAP\"},\"data\":[{\"instId\":\"BTC-USDT-SWAP\","
                        + "\"tradeId\":\"%d\",\"px\":\"%.1f\",\"sz\":\"%d\",\"side\":\"%s\",\"ts\":\"%d\",\"count\":\"%d\"}]}",
                ++okxTradeId, p, contracts, random.nextDouble() < sellShare ? "sell" : "buy", ms, 1 + random.nextInt(4)));
    }

    private void bybitTrade(long ms, double sellShare) {
        double p = btc((ms - START_MS) / 1000.0);
        double qty = round((15_000 + random.nextDouble() * 100_000) / p, 3);
        UUID id = new UUID(random.nextLong(), random.nextLong());
        add(ms * 1000 + 28_000, "bybit-linear", String.format(Locale.ROOT,
                "{\"topic\":\"publicTrade.BTCUSDT\",\"type\":\"snapshot\",\"ts\":%d,\"data\":[{\"T\":%d,\"s\":\"BTCUSDT\","
                        + "\"S\":\"%s\",\"v\":\"%s\",\"p\":\"%s\",\"L\":\"%s\",\"i\":\"%s\",\"BT\":false}]}",
                ms + 2, ms, random.nextDouble() < sellShare ? "Sell" : "Buy", trim(qty), price(p),
                random.nextBoolean() ? "PlusTick" : "MinusTick", id));
    }

    // --- liquidations ------------------------------------------------------------------------------------

    private void liquidations(long minuteMs, double longRate, double shortRate, double sizeScale) {
        this.sizeScale = sizeScale;
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

    /** Orders grow in a cascade: the larger, more leveraged positions go too. */
    private double sizeScale = 1;

    private double usd() {
        return Math.min(2_500_000, sizeScale * Math.exp(Math.log(12_000) + 1.5 * random.nextGaussian()));
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
