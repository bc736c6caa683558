package dev.cascade.sim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cascade.model.Venue;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Binance USDⓈ-M and COIN-M frames and REST bodies, in the documented wire format (research/formats.md §1-2).
 *
 * <pre>
 *   ws   /binance-usdm/market/stream   /binance-usdm/market/ws[/stream]   (SUBSCRIBE, ?streams=)
 *        /binance-coinm/stream         /binance-coinm/ws[/stream]
 *   rest /binance-usdm/fapi/v1/exchangeInfo   /binance-usdm/fapi/v1/aggTrades?symbol=&amp;fromId=&amp;limit=
 *        /binance-coinm/dapi/v1/exchangeInfo  /binance-coinm/dapi/v1/aggTrades
 *   aggTrade per trade (ids consecutive, kept for REST); liquidations: only the LATEST of each symbol's second
 *   is pushed, on !forceOrder@arr and &lt;symbol&gt;@forceOrder; mark prices every second
 * </pre>
 */
final class BinanceWire implements SimWire {
    @Override
    public List<Venue> venues() {
        return List.of(Venue.BINANCE_USDM, Venue.BINANCE_COINM);
    }

    @Override
    public List<SimInstrument> scriptedInstruments() {
        return List.of(
                new SimInstrument(Venue.BINANCE_USDM, "BTCUSDT", "BTC", false, 1, 103_000),
                new SimInstrument(Venue.BINANCE_USDM, "ETHUSDT", "ETH", false, 1, 2_480),
                new SimInstrument(Venue.BINANCE_USDM, "SOLUSDT", "SOL", false, 1, 150),
                new SimInstrument(Venue.BINANCE_COINM, "BTCUSD_PERP", "BTC", true, 100, 103_000),
                new SimInstrument(Venue.BINANCE_COINM, "ETHUSD_PERP", "ETH", true, 10, 2_480));
    }

    @Override
    public void routes(Routes r) {
        r.socket("/binance-usdm/market/stream", Venue.BINANCE_USDM, true);
        r.socket("/binance-usdm/market/ws", Venue.BINANCE_USDM, false);
        r.socket("/binance-usdm/market/ws/{stream}", Venue.BINANCE_USDM, false);
        r.socket("/binance-coinm/stream", Venue.BINANCE_COINM, true);
        r.socket("/binance-coinm/ws", Venue.BINANCE_COINM, false);
        r.socket("/binance-coinm/ws/{stream}", Venue.BINANCE_COINM, false);
        r.get("/binance-usdm/fapi/v1/exchangeInfo", ctx -> exchangeInfo(r.instruments(Venue.BINANCE_USDM),
                System.currentTimeMillis()));
        r.get("/binance-coinm/dapi/v1/exchangeInfo", ctx -> exchangeInfo(r.instruments(Venue.BINANCE_COINM),
                System.currentTimeMillis()));
        r.get("/binance-usdm/fapi/v1/aggTrades", ctx -> aggTrades(r, ctx, Venue.BINANCE_USDM));
        r.get("/binance-coinm/dapi/v1/aggTrades", ctx -> aggTrades(r, ctx, Venue.BINANCE_COINM));
    }

    private static String aggTrades(Routes r, Context ctx, Venue venue) {
        String symbol = ctx.queryParam("symbol");
        TradeHistory h = symbol == null ? null : r.history(venue, symbol);
        if (h == null) {
            ctx.status(400);
            return "{\"code\":-1121,\"msg\":\"Invalid symbol.\"}";
        }
        long from = SimWire.queryLong(ctx, "fromId", h.nextId());
        int limit = (int) Math.min(1000, Math.max(1, SimWire.queryLong(ctx, "limit", 500)));
        return aggTradesPage(h.from(from, limit), SimWire.listed(r, venue, symbol));
    }


    @Override
    public void onMessage(Server server, SimSession s, String text, JsonNode m) {
        String method = m == null ? "" : m.path("method").asText();
        JsonNode id = m == null ? null : m.get("id");
        if (method.equals("SUBSCRIBE") || method.equals("UNSUBSCRIBE")) {
            for (JsonNode p : m.path("params")) {
                if (method.equals("SUBSCRIBE")) {
                    s.topics.add(p.asText());
                } else {
                    s.topics.remove(p.asText());
                }
            }
            s.send("{\"result\":null,\"id\":" + id + "}");
        } else {
            s.send("{\"error\":{\"code\":2,\"msg\":\"Invalid request: unknown method\"},\"id\":" + id + "}");
        }
    }

    @Override
    public String frame(SimSession session, String topic, String payload) {
        return wrap(topic, payload, session.isCombined);
    }

    @Override
    public String recorded(String topic, String payload) {
        return wrap(topic, payload, true);
    }

    @Override
    public boolean hasServerPings() {
        return true;
    }

    @Override
    public VenueFeed feed(Venue venue, SimConfig config, Out out, SplittableRandom random) {
        return new Feed(venue, config.historyCapacity(), out);
    }

    /** Binance's publication: every aggTrade, the latest liquidation of each symbol's second, mark prices each second. */
    private static final class Feed implements VenueFeed {
        private final Venue venue;
        private final int capacity;
        private final Out out;
        private final Map<SimInstrument, TradeHistory> histories = new java.util.concurrent.ConcurrentHashMap<>();
        private final Map<SimInstrument, SimFeed.Published> latest = new HashMap<>();
        private StringBuilder marks = new StringBuilder("[");

        Feed(Venue venue, int capacity, Out out) {
            this.venue = venue;
            this.capacity = capacity;
            this.out = out;
        }

        @Override
        public TradeHistory history(SimInstrument i) {
            return histories.computeIfAbsent(i, k ->
                    new TradeHistory(capacity, 3_000_000_000L + k.symbol().hashCode() % 1000 * 1_000_000L));
        }

        @Override
        public void trade(SimInstrument i, long millis, double price, double contracts, boolean isBuy) {
            long id = history(i).add(price, contracts, millis, !isBuy);
            out.publish(venue, streamName(i.symbol(), "@aggTrade"), aggTrade(i, id, price, contracts, millis, !isBuy), true);
        }

        @Override
        public void liquidation(SimInstrument i, SimFeed.Published p) {
            latest.put(i, p);
        }

        @Override
        public void second(SimInstrument i, long now, double mark, double rate, double openInterest) {
            SimFeed.Published p = latest.remove(i);
            if (p != null) {
                out.published(p);
                String frame = forceOrder(i, p.isLong(), p.contracts(), p.price(), p.millis());
                out.publish(venue, "!forceOrder@arr", frame, false);
                out.publish(venue, streamName(i.symbol(), "@forceOrder"), frame, false);
            }
            String m = markPrice(i, mark, rate, now);
            out.publish(venue, streamName(i.symbol(), "@markPrice@1s"), m, false);
            marks.append(marks.length() > 1 ? "," : "").append(m);
        }

        @Override
        public void endOfSecond(long now) {
            if (marks.length() > 1) {
                out.publish(venue, "!markPrice@arr@1s", marks.append(']').toString(), false);
            }
            marks = new StringBuilder("[");
        }
    }

    static String streamName(String symbol, String suffix) {
        return symbol.toLowerCase(Locale.ROOT) + suffix;
    }

    /** The payload wrapped for a combined-stream connection, or bare for a raw one. */
    static String wrap(String stream, String payload, boolean isCombined) {
        return isCombined ? "{\"stream\":\"" + stream + "\",\"data\":" + payload + "}" : payload;
    }

    static String aggTrade(SimInstrument i, long id, double price, double quantity, long millis, boolean isBuyerMaker) {
        StringBuilder sb = new StringBuilder(200).append("{\"e\":\"aggTrade\",\"E\":").append(millis + 2).append(",\"a\":")
                .append(id).append(",\"s\":\"").append(i.symbol()).append("\",\"p\":\"");
        Num.append(sb, price, Num.priceDecimals(price)).append("\",\"q\":\"");
        String q = i.isInverse() ? Long.toString((long) quantity) : Num.fixed(quantity, 3);
        sb.append(q).append("\",\"nq\":\"").append(q).append("\",\"f\":").append(id * 3).append(",\"l\":").append(id * 3 + 2)
                .append(",\"T\":").append(millis).append(",\"m\":").append(isBuyerMaker).append(",\"st\":")
                .append(i.venue() == Venue.BINANCE_USDM ? 1 : 2).append('}');
        return sb.toString();
    }

    static String forceOrder(SimInstrument i, boolean isLong, double quantity, double price, long millis) {
        String q = i.isInverse() ? Long.toString((long) quantity) : Num.fixed(quantity, 3);
        double limit = price * (isLong ? 0.996 : 1.004);
        StringBuilder sb = new StringBuilder(260).append("{\"e\":\"forceOrder\",\"E\":").append(millis + 3)
                .append(",\"o\":{\"s\":\"").append(i.symbol()).append("\",\"S\":\"").append(isLong ? "SELL" : "BUY")
                .append("\",\"o\":\"LIMIT\",\"f\":\"IOC\",\"q\":\"").append(q).append("\",\"p\":\"");
        Num.append(sb, limit, Num.priceDecimals(limit)).append("\",\"ap\":\"");
        Num.append(sb, price, Num.priceDecimals(price)).append("\",\"X\":\"FILLED\",\"l\":\"").append(q).append("\",\"z\":\"")
                .append(q).append("\",\"T\":").append(millis).append(",\"ps\":\"")
                .append(i.isInverse() ? i.symbol().substring(0, i.symbol().indexOf('_')) : i.symbol()).append("\",\"st\":")
                .append(i.isInverse() ? 2 : 1).append("}}");
        return sb.toString();
    }

    static String markPrice(SimInstrument i, double mark, double rate, long millis) {
        StringBuilder sb = new StringBuilder(220).append("{\"e\":\"markPriceUpdate\",\"E\":").append(millis).append(",\"s\":\"")
                .append(i.symbol()).append("\",\"p\":\"");
        Num.append(sb, mark, 8).append("\",\"ap\":\"");
        Num.append(sb, mark, 8).append("\",\"P\":\"");
        Num.append(sb, mark * 1.0001, 8).append("\",\"i\":\"");
        Num.append(sb, mark * 0.9999, 8).append("\",\"r\":\"");
        Num.append(sb, rate, 8).append("\",\"T\":").append((millis / 28_800_000 + 1) * 28_800_000).append(",\"st\":")
                .append(i.isInverse() ? 2 : 1).append('}');
        return sb.toString();
    }

    static String exchangeInfo(List<SimInstrument> instruments, long millis) {
        StringBuilder sb = new StringBuilder("{\"timezone\":\"UTC\",\"serverTime\":").append(millis).append(",\"symbols\":[");
        for (int k = 0; k < instruments.size(); k++) {
            SimInstrument i = instruments.get(k);
            sb.append(k == 0 ? "" : ",").append("{\"symbol\":\"").append(i.symbol()).append("\",\"pair\":\"")
                    .append(i.isInverse() ? i.coin() + "USD" : i.symbol()).append("\",\"contractType\":\"PERPETUAL\",");
            if (i.isInverse()) {
                sb.append("\"contractStatus\":\"TRADING\",\"contractSize\":").append((long) i.contractSize()).append(',');
            } else {
                sb.append("\"status\":\"TRADING\",");
            }
            sb.append("\"baseAsset\":\"").append(i.coin()).append("\",\"quoteAsset\":\"").append(i.isInverse() ? "USD" : "USDT")
                    .append("\",\"marginAsset\":\"").append(i.isInverse() ? i.coin() : "USDT").append("\"}");
        }
        return sb.append("]}").toString();
    }

    /** A REST aggTrades page: the stream's objects without event type or symbol. */
    static String aggTradesPage(List<TradeHistory.Row> rows, SimInstrument i) {
        StringBuilder sb = new StringBuilder(rows.size() * 110 + 2).append('[');
        for (int k = 0; k < rows.size(); k++) {
            TradeHistory.Row r = rows.get(k);
            sb.append(k == 0 ? "" : ",").append("{\"a\":").append(r.id()).append(",\"p\":\"");
            Num.append(sb, r.price(), Num.priceDecimals(r.price())).append("\",\"q\":\"")
                    .append(i.isInverse() ? Long.toString((long) r.quantity()) : Num.fixed(r.quantity(), 3))
                    .append("\",\"f\":").append(r.id() * 3).append(",\"l\":").append(r.id() * 3 + 2).append(",\"T\":")
                    .append(r.millis()).append(",\"m\":").append(r.isBuyerMaker()).append('}');
        }
        return sb.append(']').toString();
    }
}
