package dev.cascade.sim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cascade.model.Venue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Bybit v5 public frames and instruments-info, in the documented wire format (research/formats.md §3).
 *
 * <pre>
 *   ws   /bybit/v5/public/linear   /bybit/v5/public/inverse   (op subscribe, op ping)
 *   rest /bybit/v5/market/instruments-info?category=
 *   publicTrade batches per tick; allLiquidation: EVERY liquidation, in 500 ms batches; tickers delta every
 *   second (snapshot on subscribe)
 * </pre>
 */
final class BybitWire implements SimWire {
    @Override
    public List<Venue> venues() {
        return List.of(Venue.BYBIT_LINEAR, Venue.BYBIT_INVERSE);
    }

    @Override
    public List<SimInstrument> scriptedInstruments() {
        return List.of(
                new SimInstrument(Venue.BYBIT_LINEAR, "BTCUSDT", "BTC", false, 1, 103_000),
                new SimInstrument(Venue.BYBIT_LINEAR, "ETHUSDT", "ETH", false, 1, 2_480),
                new SimInstrument(Venue.BYBIT_LINEAR, "SOLUSDT", "SOL", false, 1, 150),
                new SimInstrument(Venue.BYBIT_INVERSE, "BTCUSD", "BTC", true, 1, 103_000),
                new SimInstrument(Venue.BYBIT_INVERSE, "ETHUSD", "ETH", true, 1, 2_480));
    }

    @Override
    public void routes(Routes r) {
        r.socket("/bybit/v5/public/linear", Venue.BYBIT_LINEAR, false);
        r.socket("/bybit/v5/public/inverse", Venue.BYBIT_INVERSE, false);
        r.get("/bybit/v5/market/instruments-info", ctx -> {
            String category = ctx.queryParam("category");
            Venue v = "inverse".equals(category) ? Venue.BYBIT_INVERSE : Venue.BYBIT_LINEAR;
            return instrumentsInfo(category == null ? "linear" : category, r.instruments(v), System.currentTimeMillis());
        });
    }

    @Override
    public void onMessage(Server server, SimSession s, String text, JsonNode m) {
        String op = m == null ? "" : m.path("op").asText();
        String reqId = m == null ? "" : m.path("req_id").asText("");
        if (op.equals("ping")) {
            s.send("{\"success\":true,\"ret_msg\":\"pong\",\"conn_id\":\"" + s.id() + "\",\"req_id\":\"" + reqId
                    + "\",\"op\":\"ping\"}");
        } else if (op.equals("subscribe")) {
            List<String> added = new ArrayList<>();
            for (JsonNode a : m.path("args")) {
                s.topics.add(a.asText());
                added.add(a.asText());
            }
            s.send("{\"success\":true,\"ret_msg\":\"\",\"conn_id\":\"" + s.id() + "\",\"req_id\":\"" + reqId
                    + "\",\"op\":\"subscribe\"}");
            if (!server.isPlayback()) { // in playback, the scenario sends its own tickers
                for (String topic : added) {
                    String snapshot = topic.startsWith("tickers.") ? server.snapshot(s.venue, topic) : null;
                    if (snapshot != null) {
                        s.send(snapshot);
                    }
                }
            }
        } else {
            s.send("{\"success\":false,\"ret_msg\":\"error:handler not found\",\"conn_id\":\"" + s.id() + "\",\"op\":\""
                    + op + "\"}");
        }
    }

    @Override
    public VenueFeed feed(Venue venue, SimConfig config, Out out, SplittableRandom random) {
        return new Feed(venue, out, random);
    }

    /** Bybit's publication: trades batched per tick, EVERY liquidation in 500 ms batches, tickers each second. */
    private static final class Feed implements VenueFeed {
        private final Venue venue;
        private final Out out;
        private final SplittableRandom random;
        private final Map<SimInstrument, List<Trade>> trades = new LinkedHashMap<>();
        private final Map<SimInstrument, List<Liquidation>> batches = new LinkedHashMap<>();

        Feed(Venue venue, Out out, SplittableRandom random) {
            this.venue = venue;
            this.out = out;
            this.random = random;
        }

        @Override
        public void trade(SimInstrument i, long millis, double price, double contracts, boolean isBuy) {
            trades.computeIfAbsent(i, k -> new ArrayList<>()).add(new Trade(millis, isBuy, contracts, price,
                    new UUID(random.nextLong(), random.nextLong())));
        }

        @Override
        public void liquidation(SimInstrument i, SimFeed.Published p) {
            batches.computeIfAbsent(i, k -> new ArrayList<>()).add(new Liquidation(p.millis(), p.isLong(), p.contracts(),
                    p.price()));
        }

        @Override
        public void tick(long last, long now) {
            trades.forEach((i, list) -> {
                if (!list.isEmpty()) {
                    out.publish(venue, "publicTrade." + i.symbol(), publicTrade(i, list, now), false);
                    list.clear();
                }
            });
            if (now / 500 == last / 500) {
                return;
            }
            batches.forEach((i, batch) -> {
                if (!batch.isEmpty()) {
                    for (Liquidation l : batch) {
                        out.published(new SimFeed.Published(venue, i.symbol(), l.isLong(), l.size(), l.price(), l.millis()));
                    }
                    out.publish(venue, "allLiquidation." + i.symbol(), allLiquidation(i, batch, now), false);
                    batch.clear();
                }
            });
        }

        @Override
        public void second(SimInstrument i, long now, double mark, double rate, double openInterest) {
            out.publish(venue, "tickers." + i.symbol(), tickers(i, false, mark, openInterest, rate, now), false);
        }

        @Override
        public String snapshot(SimInstrument i, String topic, long now, double mark, double openInterest) {
            return topic.equals("tickers." + i.symbol()) ? tickers(i, true, mark, openInterest, 0.0001, now) : null;
        }
    }

    /** One liquidation of a batch: S is the POSITION side, Buy = a long was liquidated; p the bankruptcy price. */
    record Liquidation(long millis, boolean isLong, double size, double price) {
    }

    /** One trade of a publicTrade message. */
    record Trade(long millis, boolean isBuy, double size, double price, UUID id) {
    }

    static String allLiquidation(SimInstrument i, List<Liquidation> batch, long pushMillis) {
        StringBuilder sb = new StringBuilder(80 + 80 * batch.size()).append("{\"topic\":\"allLiquidation.").append(i.symbol())
                .append("\",\"type\":\"snapshot\",\"ts\":").append(pushMillis).append(",\"data\":[");
        for (int k = 0; k < batch.size(); k++) {
            Liquidation l = batch.get(k);
            sb.append(k == 0 ? "" : ",").append("{\"T\":").append(l.millis()).append(",\"s\":\"").append(i.symbol())
                    .append("\",\"S\":\"").append(l.isLong() ? "Buy" : "Sell").append("\",\"v\":\"")
                    .append(size(i, l.size())).append("\",\"p\":\"");
            Num.append(sb, l.price(), Num.priceDecimals(l.price())).append("\"}");
        }
        return sb.append("]}").toString();
    }

    static String publicTrade(SimInstrument i, List<Trade> trades, long millis) {
        StringBuilder sb = new StringBuilder(80 + 150 * trades.size()).append("{\"topic\":\"publicTrade.").append(i.symbol())
                .append("\",\"type\":\"snapshot\",\"ts\":").append(millis).append(",\"data\":[");
        for (int k = 0; k < trades.size(); k++) {
            Trade t = trades.get(k);
            sb.append(k == 0 ? "" : ",").append("{\"T\":").append(t.millis()).append(",\"s\":\"").append(i.symbol())
                    .append("\",\"S\":\"").append(t.isBuy() ? "Buy" : "Sell").append("\",\"v\":\"").append(size(i, t.size()))
                    .append("\",\"p\":\"");
            Num.append(sb, t.price(), Num.priceDecimals(t.price())).append("\",\"L\":\"PlusTick\",\"i\":\"").append(t.id())
                    .append("\",\"BT\":false}");
        }
        return sb.append("]}").toString();
    }

    /** Tickers: a snapshot with every field, or a delta with only the fields that changed (here all three). */
    static String tickers(SimInstrument i, boolean isSnapshot, double mark, double openInterest, double rate, long millis) {
        StringBuilder sb = new StringBuilder(300).append("{\"topic\":\"tickers.").append(i.symbol()).append("\",\"type\":\"")
                .append(isSnapshot ? "snapshot" : "delta").append("\",\"data\":{\"symbol\":\"").append(i.symbol())
                .append("\",\"markPrice\":\"");
        Num.append(sb, mark, Num.priceDecimals(mark)).append("\",\"indexPrice\":\"");
        Num.append(sb, mark * 0.9999, Num.priceDecimals(mark)).append("\",\"openInterest\":\"");
        Num.append(sb, openInterest * 2, 3).append("\",\"openInterestValue\":\""); // Bybit reports both sides
        Num.append(sb, i.usd(openInterest * 2, mark), 2).append("\",\"fundingRate\":\"");
        Num.append(sb, rate, 6).append("\",\"nextFundingTime\":\"").append((millis / 28_800_000 + 1) * 28_800_000).append('"');
        if (isSnapshot) {
            sb.append(",\"lastPrice\":\"");
            Num.append(sb, mark, Num.priceDecimals(mark)).append('"');
        }
        return sb.append("},\"cs\":").append(millis * 7).append(",\"ts\":").append(millis).append('}').toString();
    }

    static String instrumentsInfo(String category, List<SimInstrument> instruments, long millis) {
        StringBuilder sb = new StringBuilder("{\"retCode\":0,\"retMsg\":\"OK\",\"result\":{\"category\":\"").append(category)
                .append("\",\"nextPageCursor\":\"\",\"list\":[");
        for (int k = 0; k < instruments.size(); k++) {
            SimInstrument i = instruments.get(k);
            sb.append(k == 0 ? "" : ",").append("{\"symbol\":\"").append(i.symbol()).append("\",\"contractType\":\"")
                    .append(i.isInverse() ? "InversePerpetual" : "LinearPerpetual").append("\",\"status\":\"Trading\",")
                    .append("\"baseCoin\":\"").append(i.coin()).append("\",\"quoteCoin\":\"").append(i.isInverse() ? "USD" : "USDT")
                    .append("\",\"settleCoin\":\"").append(i.isInverse() ? i.coin() : "USDT").append("\"}");
        }
        return sb.append("]},\"retExtInfo\":{},\"time\":").append(millis).append('}').toString();
    }

    private static String size(SimInstrument i, double size) {
        return i.isInverse() ? Long.toString((long) size) : Num.fixed(size, 3);
    }
}
