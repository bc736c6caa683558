package dev.cascade.sim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cascade.model.Venue;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Deribit JSON-RPC notifications and {@code public/get_instruments}, in the documented wire format
 * (research/venues-next.md §2).
 *
 * <pre>
 *   ws   /deribit/ws/api/v2   (public/subscribe, public/test)
 *   rest /deribit/api/v2/public/get_instruments?currency=any&amp;kind=future
 *        /deribit/api/v2/public/get_last_trades_by_instrument?instrument_name=&amp;start_seq=&amp;count=&amp;sorting=asc
 *   trades.future.any.100ms: every trade; EVERY liquidation is a trade flagged T (the taker's order), M (the
 *   maker's) or now and then MT (one long and one short at once); ticker.NAME.100ms once a second
 * </pre>
 */
final class DeribitWire implements SimWire {
    private static final String TRADES = "trades.future.any.100ms";

    @Override
    public List<Venue> venues() {
        return List.of(Venue.DERIBIT);
    }

    @Override
    public List<SimInstrument> scriptedInstruments() {
        return List.of(
                new SimInstrument(Venue.DERIBIT, "BTC-PERPETUAL", "BTC", true, 1, 103_000),
                new SimInstrument(Venue.DERIBIT, "ETH-PERPETUAL", "ETH", true, 1, 2_480),
                new SimInstrument(Venue.DERIBIT, "SOL_USDC-PERPETUAL", "SOL", false, 1, 150));
    }

    @Override
    public void routes(Routes r) {
        r.socket("/deribit/ws/api/v2", Venue.DERIBIT, false);
        r.get("/deribit/api/v2/public/get_instruments", ctx -> instruments(r.instruments(Venue.DERIBIT)));
        r.get("/deribit/api/v2/public/get_last_trades_by_instrument", ctx -> lastTrades(r, ctx));
    }

    /** Trades from {@code start_seq} up, oldest first, at most {@code count} (1000), with their liquidation flags. */
    private static String lastTrades(Routes r, io.javalin.http.Context ctx) {
        String name = ctx.queryParam("instrument_name");
        TradeHistory h = name == null ? null : r.history(Venue.DERIBIT, name);
        if (h == null) {
            ctx.status(400);
            return "{\"jsonrpc\":\"2.0\",\"error\":{\"message\":\"Invalid params\",\"code\":-32602}}";
        }
        long start;
        int count;
        try {
            start = Long.parseLong(ctx.queryParamAsClass("start_seq", String.class).getOrDefault(Long.toString(h.firstId())));
            count = (int) Math.min(1000, Math.max(1, Long.parseLong(ctx.queryParamAsClass("count", String.class).getOrDefault("10"))));
        } catch (NumberFormatException e) {
            ctx.status(400);
            return "{\"jsonrpc\":\"2.0\",\"error\":{\"message\":\"Invalid params\",\"code\":-32602}}";
        }
        SimInstrument i = r.instruments(Venue.DERIBIT).stream().filter(x -> x.symbol().equals(name)).findFirst().orElseThrow();
        List<TradeHistory.Row> rows = h.from(start, count + 1);
        StringBuilder sb = new StringBuilder("{\"jsonrpc\":\"2.0\",\"result\":{\"trades\":[");
        for (int k = 0; k < Math.min(count, rows.size()); k++) {
            TradeHistory.Row row = rows.get(k);
            sb.append(k == 0 ? "" : ",").append(trade(i, row.id(), row.millis(), row.price(), row.quantity(), !row.isBuyerMaker(), row.flag()));
        }
        return sb.append("],\"has_more\":").append(rows.size() > count).append("},\"usIn\":0,\"usOut\":0,\"usDiff\":0,\"testnet\":false}")
                .toString();
    }

    @Override
    public void onMessage(Server server, SimSession s, String text, JsonNode m) {
        String method = m == null ? "" : m.path("method").asText();
        String id = m == null ? "null" : m.path("id").toString();
        if (method.equals("public/subscribe")) {
            for (JsonNode c : m.path("params").path("channels")) {
                s.topics.add(c.asText());
            }
            s.send("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":" + m.path("params").path("channels")
                    + ",\"usIn\":0,\"usOut\":0,\"usDiff\":0,\"testnet\":false}");
        } else if (method.equals("public/test")) {
            s.send("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":{\"version\":\"1.2.26\"}}");
        } else {
            s.send("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"error\":{\"message\":\"Method not found\",\"code\":-32601}}");
        }
    }

    @Override
    public VenueFeed feed(Venue venue, SimConfig config, Out out, SplittableRandom random) {
        Map<SimInstrument, TradeHistory> histories = new java.util.concurrent.ConcurrentHashMap<>();
        return new VenueFeed() {
            @Override
            public TradeHistory history(SimInstrument i) { // trade_seq is consecutive: get_last_trades_by_instrument pages by it
                return histories.computeIfAbsent(i, k -> new TradeHistory(config.historyCapacity(), 40_000_000L));
            }

            @Override
            public void trade(SimInstrument i, long millis, double price, double contracts, boolean isBuy) {
                long seq = history(i).add(price, contracts, millis, !isBuy, null);
                out.publish(venue, TRADES, notification(TRADES, DeribitWire.trade(i, seq, millis, price, contracts, isBuy, null)), false);
            }

            @Override
            public void liquidation(SimInstrument i, SimFeed.Published p) {
                String flag;
                boolean isBuy;
                if (random.nextDouble() < 0.1) { // a long and a short liquidated against each other
                    flag = "MT";
                    isBuy = random.nextBoolean();
                    out.published(new SimFeed.Published(venue, i.symbol(), true, p.contracts(), p.price(), p.millis()));
                    out.published(new SimFeed.Published(venue, i.symbol(), false, p.contracts(), p.price(), p.millis()));
                } else {
                    // the liquidation order sells a long: as the taker it sells, as the maker the taker buys
                    flag = random.nextBoolean() ? "T" : "M";
                    isBuy = flag.equals("T") != p.isLong();
                    out.published(p);
                }
                long seq = history(i).add(p.price(), p.contracts(), p.millis(), !isBuy, flag);
                out.publish(venue, TRADES, notification(TRADES, DeribitWire.trade(i, seq, p.millis(), p.price(), p.contracts(),
                        isBuy, flag)), false);
            }

            @Override
            public void second(SimInstrument i, long now, double mark, double rate, double openInterest) {
                String channel = "ticker." + i.symbol() + ".100ms";
                out.publish(venue, channel, "{\"jsonrpc\":\"2.0\",\"method\":\"subscription\",\"params\":{\"channel\":\""
                        + channel + "\",\"data\":" + ticker(i, mark, rate, openInterest, now) + "}}", false);
            }
        };
    }

    private static String notification(String channel, String trade) {
        return "{\"jsonrpc\":\"2.0\",\"method\":\"subscription\",\"params\":{\"channel\":\"" + channel + "\",\"data\":["
                + trade + "]}}";
    }

    /** One trade: amount in USD for inverse instruments, coins for linear ones; {@code flag} null when not a liquidation. */
    static String trade(SimInstrument i, long seq, long millis, double price, double amount, boolean isBuy, String flag) {
        StringBuilder sb = new StringBuilder(260).append("{\"trade_seq\":").append(seq).append(",\"trade_id\":\"")
                .append(seq * 7).append("\",\"timestamp\":").append(millis).append(",\"tick_direction\":0,\"price\":");
        Num.append(sb, price, Num.priceDecimals(price)).append(',');
        if (flag != null) {
            sb.append("\"liquidation\":\"").append(flag).append("\",");
        }
        sb.append("\"instrument_name\":\"").append(i.symbol()).append("\",\"index_price\":");
        Num.append(sb, price, Num.priceDecimals(price)).append(",\"direction\":\"").append(isBuy ? "buy" : "sell")
                .append("\",\"amount\":").append(i.isInverse() ? Long.toString((long) amount) : Num.fixed(amount, 3)).append('}');
        return sb.toString();
    }

    static String ticker(SimInstrument i, double mark, double rate, double openInterest, long millis) {
        StringBuilder sb = new StringBuilder(300).append("{\"timestamp\":").append(millis).append(",\"instrument_name\":\"")
                .append(i.symbol()).append("\",\"state\":\"open\",\"mark_price\":");
        Num.append(sb, mark, Num.priceDecimals(mark)).append(",\"index_price\":");
        Num.append(sb, mark * 0.9999, Num.priceDecimals(mark)).append(",\"funding_8h\":");
        Num.append(sb, rate, 8).append(",\"current_funding\":");
        Num.append(sb, rate / 8, 8).append(",\"open_interest\":");
        Num.append(sb, i.isInverse() ? openInterest * i.contractSize() : openInterest, 3).append('}');
        return sb.toString();
    }

    static String instruments(List<SimInstrument> instruments) {
        StringBuilder sb = new StringBuilder("{\"jsonrpc\":\"2.0\",\"result\":[");
        for (int k = 0; k < instruments.size(); k++) {
            SimInstrument i = instruments.get(k);
            sb.append(k == 0 ? "" : ",").append("{\"instrument_name\":\"").append(i.symbol())
                    .append("\",\"kind\":\"future\",\"settlement_period\":\"perpetual\",\"instrument_type\":\"")
                    .append(i.isInverse() ? "reversed" : "linear").append("\",\"base_currency\":\"").append(i.coin())
                    .append("\",\"counter_currency\":\"").append(i.isInverse() ? "USD" : "USDC")
                    .append("\",\"quote_currency\":\"").append(i.isInverse() ? "USD" : "USDC")
                    .append("\",\"settlement_currency\":\"").append(i.isInverse() ? i.coin() : "USDC")
                    .append("\",\"contract_size\":").append(i.isInverse() ? 10 : 0.1).append(",\"is_active\":true}");
        }
        return sb.append("],\"usIn\":0,\"usOut\":0,\"usDiff\":0,\"testnet\":false}").toString();
    }
}
