package dev.cascade.sim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cascade.model.Venue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * dYdX v4 indexer {@code v4_trades} and {@code /v4/perpetualMarkets}, in the documented wire format
 * (research/venues-next.md §6).
 *
 * <pre>
 *   ws   /dydx/v4/ws   ({"type":"subscribe","channel":"v4_trades","id":"BTC-USD","batched":true})
 *   rest /dydx/v4/perpetualMarkets
 *   v4_trades: trades batched per market every 100 ms (channel_batch_data); EVERY liquidation is a trade of
 *   type LIQUIDATED whose taker is the liquidation order
 * </pre>
 */
final class DydxWire implements SimWire {
    @Override
    public List<Venue> venues() {
        return List.of(Venue.DYDX);
    }

    @Override
    public List<SimInstrument> scriptedInstruments() {
        return List.of(
                new SimInstrument(Venue.DYDX, "BTC-USD", "BTC", false, 1, 103_000),
                new SimInstrument(Venue.DYDX, "ETH-USD", "ETH", false, 1, 2_480),
                new SimInstrument(Venue.DYDX, "SOL-USD", "SOL", false, 1, 150));
    }

    @Override
    public void routes(Routes r) {
        r.socket("/dydx/v4/ws", Venue.DYDX, false);
        r.get("/dydx/v4/perpetualMarkets", ctx -> markets(r.instruments(Venue.DYDX)));
    }

    @Override
    public void onMessage(Server server, SimSession s, String text, JsonNode m) {
        if (m != null && m.path("type").asText().equals("subscribe") && m.path("channel").asText().equals("v4_trades")
                && m.has("id")) {
            String id = m.path("id").asText();
            s.topics.add("v4_trades:" + id);
            s.send("{\"type\":\"subscribed\",\"connection_id\":\"" + s.id() + "\",\"message_id\":1,\"channel\":\"v4_trades\","
                    + "\"id\":\"" + id + "\",\"contents\":{\"trades\":[]}}");
        } else {
            s.send("{\"type\":\"error\",\"message\":\"Invalid subscribe message\",\"connection_id\":\"" + s.id() + "\"}");
        }
    }

    @Override
    public VenueFeed feed(Venue venue, SimConfig config, Out out, SplittableRandom random) {
        Map<SimInstrument, List<String>> batches = new LinkedHashMap<>();
        return new VenueFeed() {
            private void add(SimInstrument i, String trade) {
                batches.computeIfAbsent(i, k -> new ArrayList<>()).add(trade);
            }

            @Override
            public void trade(SimInstrument i, long millis, double price, double contracts, boolean isBuy) {
                add(i, DydxWire.trade(Long.toHexString(random.nextLong()), isBuy, contracts, price, "LIMIT", millis));
            }

            @Override
            public void liquidation(SimInstrument i, SimFeed.Published p) {
                out.published(p);
                add(i, DydxWire.trade(Long.toHexString(random.nextLong()), !p.isLong(), p.contracts(), p.price(),
                        "LIQUIDATED", p.millis()));
            }

            @Override
            public void tick(long last, long now) {
                if (now / 100 == last / 100) {
                    return;
                }
                batches.forEach((i, list) -> {
                    if (!list.isEmpty()) {
                        out.publish(venue, "v4_trades:" + i.symbol(), "{\"type\":\"channel_batch_data\",\"connection_id\":\"sim\","
                                + "\"message_id\":" + now + ",\"id\":\"" + i.symbol() + "\",\"channel\":\"v4_trades\","
                                + "\"version\":\"2.1.0\",\"contents\":[{\"trades\":[" + String.join(",", list) + "]}]}", false);
                        list.clear();
                    }
                });
            }

            @Override
            public void second(SimInstrument i, long now, double mark, double rate, double openInterest) {
            }
        };
    }

    static String trade(String id, boolean isBuy, double size, double price, String type, long millis) {
        StringBuilder sb = new StringBuilder(180).append("{\"id\":\"").append(id).append("\",\"side\":\"")
                .append(isBuy ? "BUY" : "SELL").append("\",\"size\":\"").append(Num.fixed(size, 3)).append("\",\"price\":\"");
        Num.append(sb, price, Num.priceDecimals(price)).append("\",\"type\":\"").append(type).append("\",\"createdAt\":\"")
                .append(Instant.ofEpochMilli(millis)).append("\"}");
        return sb.toString();
    }

    static String markets(List<SimInstrument> instruments) {
        StringBuilder sb = new StringBuilder("{\"markets\":{");
        for (int k = 0; k < instruments.size(); k++) {
            SimInstrument i = instruments.get(k);
            sb.append(k == 0 ? "" : ",").append('"').append(i.symbol()).append("\":{\"ticker\":\"").append(i.symbol())
                    .append("\",\"status\":\"ACTIVE\",\"stepSize\":\"0.001\",\"marketType\":\"CROSS\"}");
        }
        return sb.append("}}").toString();
    }
}
