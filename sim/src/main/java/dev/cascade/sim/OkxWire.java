package dev.cascade.sim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cascade.model.Venue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * OKX v5 public frames and instruments, in the documented wire format (research/formats.md §4).
 *
 * <pre>
 *   ws   /okx/ws/v5/public   (op subscribe, text ping)        rest /okx/api/v5/public/instruments?instType=SWAP
 *                                                                  /okx/api/v5/market/history-trades?instId=&amp;type=1&amp;after=&amp;limit=
 *   trades one per message (ids consecutive, kept for REST); liquidation-orders: the latest per instrument per second;
 *   open-interest every 3 s; funding-rate every 30 s
 * </pre>
 */
final class OkxWire implements SimWire {
    @Override
    public List<Venue> venues() {
        return List.of(Venue.OKX_SWAP);
    }

    @Override
    public List<SimInstrument> scriptedInstruments() {
        return List.of(
                new SimInstrument(Venue.OKX_SWAP, "BTC-USDT-SWAP", "BTC", false, 0.01, 103_000),
                new SimInstrument(Venue.OKX_SWAP, "ETH-USDT-SWAP", "ETH", false, 0.1, 2_480),
                new SimInstrument(Venue.OKX_SWAP, "SOL-USDT-SWAP", "SOL", false, 1, 150),
                new SimInstrument(Venue.OKX_SWAP, "BTC-USD-SWAP", "BTC", true, 100, 103_000));
    }

    @Override
    public void routes(Routes r) {
        r.socket("/okx/ws/v5/public", Venue.OKX_SWAP, false);
        r.get("/okx/api/v5/public/instruments", ctx -> instruments(r.instruments(Venue.OKX_SWAP)));
        r.get("/okx/api/v5/market/history-trades", ctx -> historyTrades(r, ctx));
    }

    /** History-trades by trade id: older than {@code after}, newest first, at most 100 (type=2, by time: not served). */
    private static String historyTrades(Routes r, io.javalin.http.Context ctx) {
        String instId = ctx.queryParam("instId");
        TradeHistory h = instId == null ? null : r.history(Venue.OKX_SWAP, instId);
        if (h == null || !"1".equals(ctx.queryParamAsClass("type", String.class).getOrDefault("1"))) {
            return "{\"code\":\"51001\",\"msg\":\"Instrument ID does not exist\",\"data\":[]}";
        }
        long after = SimWire.queryLong(ctx, "after", h.nextId());
        int limit = (int) Math.min(100, Math.max(1, SimWire.queryLong(ctx, "limit", 100)));
        return historyTrades(h.olderThan(after, limit), SimWire.listed(r, Venue.OKX_SWAP, instId));
    }


    @Override
    public void onMessage(Server server, SimSession s, String text, JsonNode m) {
        if (text.equals("ping")) {
            s.send("pong");
        } else if (m != null && m.path("op").asText().equals("subscribe")) {
            for (JsonNode a : m.path("args")) {
                String channel = a.path("channel").asText();
                String target = a.has("instId") ? a.path("instId").asText() : a.path("instType").asText();
                s.topics.add(channel + ":" + target);
                s.send("{\"event\":\"subscribe\",\"arg\":" + a + ",\"connId\":\"" + s.id() + "\"}");
            }
        } else {
            s.send("{\"event\":\"error\",\"code\":\"60012\",\"msg\":\"Invalid request\",\"connId\":\"" + s.id() + "\"}");
        }
    }

    @Override
    public VenueFeed feed(Venue venue, SimConfig config, Out out, SplittableRandom random) {
        return new Feed(venue, config.historyCapacity(), out);
    }

    /** OKX's publication: every trade, the latest liquidation of each instrument's second, OI and funding. */
    private static final class Feed implements VenueFeed {
        private final Venue venue;
        private final int capacity;
        private final Out out;
        private final Map<SimInstrument, TradeHistory> histories = new java.util.concurrent.ConcurrentHashMap<>();
        private final Map<SimInstrument, SimFeed.Published> latest = new HashMap<>();

        Feed(Venue venue, int capacity, Out out) {
            this.venue = venue;
            this.capacity = capacity;
            this.out = out;
        }

        @Override
        public TradeHistory history(SimInstrument i) { // trade ids are sequential: history-trades pages by them
            return histories.computeIfAbsent(i, k -> new TradeHistory(capacity, 1_500_000_000L));
        }

        @Override
        public void trade(SimInstrument i, long millis, double price, double contracts, boolean isBuy) {
            long id = history(i).add(price, contracts, millis, !isBuy);
            out.publish(venue, "trades:" + i.symbol(), OkxWire.trade(i, id, price, contracts, isBuy, millis), false);
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
                out.publish(venue, "liquidation-orders:SWAP", OkxWire.liquidation(i, p.isLong(), p.contracts(), p.price(),
                        p.millis()), false);
            }
            if (now / 1000 % 3 == 0) {
                out.publish(venue, "open-interest:" + i.symbol(), openInterest(i, openInterest, mark, now), false);
            }
            if (now / 1000 % 30 == 0) {
                out.publish(venue, "funding-rate:" + i.symbol(), fundingRate(i, rate, now), false);
            }
        }
    }

    private static String family(SimInstrument i) {
        return i.symbol().substring(0, i.symbol().lastIndexOf('-'));
    }

    static String liquidation(SimInstrument i, boolean isLong, double contracts, double bankruptcyPrice, long millis) {
        StringBuilder sb = new StringBuilder(260).append("{\"arg\":{\"channel\":\"liquidation-orders\",\"instType\":\"SWAP\"},")
                .append("\"data\":[{\"details\":[{\"bkLoss\":\"0\",\"bkPx\":\"");
        Num.append(sb, bankruptcyPrice, Num.priceDecimals(bankruptcyPrice)).append("\",\"ccy\":\"\",\"posSide\":\"net\",\"side\":\"")
                .append(isLong ? "sell" : "buy").append("\",\"sz\":\"").append(contracts(i, contracts)).append("\",\"ts\":\"")
                .append(millis).append("\"}],\"instFamily\":\"").append(family(i)).append("\",\"instId\":\"").append(i.symbol())
                .append("\",\"instType\":\"SWAP\",\"uly\":\"").append(family(i)).append("\"}]}");
        return sb.toString();
    }

    static String trade(SimInstrument i, long tradeId, double price, double contracts, boolean isBuy, long millis) {
        StringBuilder sb = new StringBuilder(200).append("{\"arg\":{\"channel\":\"trades\",\"instId\":\"").append(i.symbol())
                .append("\"},\"data\":[{\"instId\":\"").append(i.symbol()).append("\",\"tradeId\":\"").append(tradeId)
                .append("\",\"px\":\"");
        Num.append(sb, price, Num.priceDecimals(price)).append("\",\"sz\":\"").append(contracts(i, contracts))
                .append("\",\"side\":\"").append(isBuy ? "buy" : "sell").append("\",\"ts\":\"").append(millis)
                .append("\",\"count\":\"1\"}]}");
        return sb.toString();
    }

    /** A REST history-trades page: the trades channel's rows without {@code count}, newest first. */
    static String historyTrades(List<TradeHistory.Row> rows, SimInstrument i) {
        StringBuilder sb = new StringBuilder(rows.size() * 120 + 40).append("{\"code\":\"0\",\"msg\":\"\",\"data\":[");
        for (int k = 0; k < rows.size(); k++) {
            TradeHistory.Row r = rows.get(k);
            sb.append(k == 0 ? "" : ",").append("{\"instId\":\"").append(i.symbol()).append("\",\"side\":\"")
                    .append(r.isBuyerMaker() ? "sell" : "buy").append("\",\"sz\":\"").append(contracts(i, r.quantity()))
                    .append("\",\"px\":\"");
            Num.append(sb, r.price(), Num.priceDecimals(r.price())).append("\",\"tradeId\":\"").append(r.id())
                    .append("\",\"ts\":\"").append(r.millis()).append("\"}");
        }
        return sb.append("]}").toString();
    }

    static String openInterest(SimInstrument i, double contracts, double price, long millis) {
        StringBuilder sb = new StringBuilder(220).append("{\"arg\":{\"channel\":\"open-interest\",\"instId\":\"").append(i.symbol())
                .append("\"},\"data\":[{\"instId\":\"").append(i.symbol()).append("\",\"instType\":\"SWAP\",\"oi\":\"");
        Num.append(sb, contracts, 2).append("\",\"oiCcy\":\"");
        Num.append(sb, i.isInverse() ? contracts * i.contractSize() / price : contracts * i.contractSize(), 4).append("\",\"oiUsd\":\"");
        Num.append(sb, i.usd(contracts, price), 2).append("\",\"ts\":\"").append(millis).append("\"}]}");
        return sb.toString();
    }

    static String fundingRate(SimInstrument i, double rate, long millis) {
        long next = (millis / 28_800_000 + 1) * 28_800_000;
        StringBuilder sb = new StringBuilder(300).append("{\"arg\":{\"channel\":\"funding-rate\",\"instId\":\"").append(i.symbol())
                .append("\"},\"data\":[{\"formulaType\":\"noRate\",\"fundingRate\":\"");
        Num.append(sb, rate, 8).append("\",\"fundingTime\":\"").append(next).append("\",\"instId\":\"").append(i.symbol())
                .append("\",\"instType\":\"SWAP\",\"method\":\"current_period\",\"nextFundingRate\":\"\",\"nextFundingTime\":\"")
                .append(next + 28_800_000).append("\",\"ts\":\"").append(millis).append("\"}]}");
        return sb.toString();
    }

    static String instruments(List<SimInstrument> instruments) {
        StringBuilder sb = new StringBuilder("{\"code\":\"0\",\"msg\":\"\",\"data\":[");
        for (int k = 0; k < instruments.size(); k++) {
            SimInstrument i = instruments.get(k);
            sb.append(k == 0 ? "" : ",").append("{\"instId\":\"").append(i.symbol()).append("\",\"instType\":\"SWAP\",\"ctType\":\"")
                    .append(i.isInverse() ? "inverse" : "linear").append("\",\"ctVal\":\"")
                    .append(java.math.BigDecimal.valueOf(i.contractSize()).stripTrailingZeros().toPlainString())
                    .append("\",\"ctMult\":\"1\",\"ctValCcy\":\"").append(i.isInverse() ? "USD" : i.coin()).append("\",\"uly\":\"")
                    .append(family(i)).append("\",\"instFamily\":\"").append(family(i)).append("\",\"settleCcy\":\"")
                    .append(i.isInverse() ? i.coin() : "USDT").append("\",\"state\":\"live\"}");
        }
        return sb.append("]}").toString();
    }

    private static String contracts(SimInstrument i, double contracts) {
        return i.isInverse() ? Long.toString((long) contracts) : Num.fixed(contracts, 2);
    }
}
