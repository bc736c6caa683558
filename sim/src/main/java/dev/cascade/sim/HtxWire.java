package dev.cascade.sim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cascade.model.Venue;
import java.util.List;
import java.util.SplittableRandom;

/**
 * HTX swap notification hosts and contract lists, in the documented wire format (research/venues-next.md §3).
 *
 * <pre>
 *   ws   /htx/linear-swap-notification   htx-linear    ({"op":"sub","topic":"public.*.liquidation_orders"})
 *        /htx/swap-notification          htx-inverse
 *   rest /htx/linear-swap-api/v1/swap_contract_info   /htx/swap-api/v1/swap_contract_info
 *   every frame gzip-compressed and sent binary; {"op":"ping","ts":"..."} every 5 s, answered {"op":"pong",...}
 *   liquidation_orders: EVERY liquidation at once; direction is the liquidation ORDER's side (sell = a long)
 * </pre>
 */
final class HtxWire implements SimWire {
    private static final String LIQUIDATIONS = "liquidation_orders";
    private static final String PING = "ping";

    @Override
    public List<Venue> venues() {
        return List.of(Venue.HTX_LINEAR, Venue.HTX_INVERSE);
    }

    @Override
    public List<SimInstrument> scriptedInstruments() {
        return List.of(
                new SimInstrument(Venue.HTX_LINEAR, "BTC-USDT", "BTC", false, 0.001, 103_000),
                new SimInstrument(Venue.HTX_LINEAR, "ETH-USDT", "ETH", false, 0.01, 2_480),
                new SimInstrument(Venue.HTX_INVERSE, "BTC-USD", "BTC", true, 100, 103_000),
                new SimInstrument(Venue.HTX_INVERSE, "ETH-USD", "ETH", true, 10, 2_480));
    }

    @Override
    public void routes(Routes r) {
        r.socket("/htx/linear-swap-notification", Venue.HTX_LINEAR, false);
        r.socket("/htx/swap-notification", Venue.HTX_INVERSE, false);
        r.get("/htx/linear-swap-api/v1/swap_contract_info", ctx -> contracts(r.instruments(Venue.HTX_LINEAR)));
        r.get("/htx/swap-api/v1/swap_contract_info", ctx -> contracts(r.instruments(Venue.HTX_INVERSE)));
    }

    @Override
    public boolean isGzipBinary() {
        return true;
    }

    @Override
    public void onMessage(Server server, SimSession s, String text, JsonNode m) {
        String op = m == null ? "" : m.path("op").asText();
        long now = System.currentTimeMillis();
        if (op.equals("pong")) {
            s.keepaliveAnswered();
        } else if (op.equals("sub") && m.path("topic").asText().matches("public\\.[A-Z0-9*-]+\\.liquidation_orders")) {
            s.topics.add(LIQUIDATIONS);
            s.topics.add(PING);
            s.send("{\"op\":\"sub\",\"cid\":\"" + m.path("cid").asText() + "\",\"topic\":\"" + m.path("topic").asText()
                    + "\",\"ts\":" + now + ",\"err-code\":0}");
        } else {
            s.send("{\"op\":\"" + (op.isEmpty() ? "error" : op) + "\",\"ts\":" + now
                    + ",\"err-code\":2001,\"err-msg\":\"invalid topic\"}");
        }
    }

    @Override
    public VenueFeed feed(Venue venue, SimConfig config, Out out, SplittableRandom random) {
        return new VenueFeed() {
            @Override
            public void trade(SimInstrument i, long millis, double price, double contracts, boolean isBuy) {
                // trades are not published: Cascade reads only HTX's liquidation topic
            }

            @Override
            public void liquidation(SimInstrument i, SimFeed.Published p) {
                out.published(p);
                out.publish(venue, LIQUIDATIONS, liquidationFrame(i, p.isLong(), p.contracts(), p.price(), p.millis()), false);
            }

            @Override
            public void second(SimInstrument i, long now, double mark, double rate, double openInterest) {
            }

            @Override
            public void endOfSecond(long now) {
                if (now / 1000 % 5 == 0) {
                    out.publish(venue, PING, "{\"op\":\"ping\",\"ts\":\"" + now + "\"}", false);
                }
            }
        };
    }

    /** One liquidation: direction is the liquidation order's side; USDT-M rows carry amount and trade_turnover. */
    static String liquidationFrame(SimInstrument i, boolean isLong, double contracts, double price, long millis) {
        StringBuilder sb = new StringBuilder(300).append("{\"op\":\"notify\",\"topic\":\"public.").append(i.symbol())
                .append(".liquidation_orders\",\"ts\":").append(millis).append(",\"data\":[{\"symbol\":\"").append(i.coin())
                .append("\",\"contract_code\":\"").append(i.symbol()).append("\",\"direction\":\"").append(isLong ? "sell" : "buy")
                .append("\",\"offset\":\"close\",\"volume\":");
        Num.append(sb, contracts, 3).append(",\"price\":");
        Num.append(sb, price, 2).append(",\"created_at\":").append(millis);
        if (!i.isInverse()) {
            sb.append(",\"amount\":");
            Num.append(sb, contracts * i.contractSize(), 6).append(",\"trade_turnover\":");
            Num.append(sb, i.usd(contracts, price), 4);
        }
        return sb.append("}]}").toString();
    }

    static String contracts(List<SimInstrument> instruments) {
        StringBuilder sb = new StringBuilder("{\"status\":\"ok\",\"data\":[");
        for (int k = 0; k < instruments.size(); k++) {
            SimInstrument i = instruments.get(k);
            sb.append(k == 0 ? "" : ",").append("{\"symbol\":\"").append(i.coin()).append("\",\"contract_code\":\"").append(i.symbol())
                    .append("\",\"contract_size\":");
            Num.append(sb, i.contractSize(), 6).append(",\"price_tick\":0.1,\"contract_status\":1")
                    .append(i.isInverse() ? "" : ",\"business_type\":\"swap\",\"pair\":\"" + i.symbol() + "\",\"contract_type\":\"swap\"")
                    .append("}");
        }
        return sb.append("],\"ts\":").append(System.currentTimeMillis()).append("}").toString();
    }
}
