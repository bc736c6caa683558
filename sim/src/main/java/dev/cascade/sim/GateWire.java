package dev.cascade.sim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cascade.model.Venue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Gate USDT futures ({@code futures.public_liquidates}) and the contract list, in the documented wire format
 * (research/venues-next.md §4).
 *
 * <pre>
 *   ws   /gate/v4/ws/usdt   ({"channel":"futures.public_liquidates","event":"subscribe","payload":["!all"]}, futures.ping)
 *   rest /gate/api/v4/futures/usdt/contracts
 *   public_liquidates: EVERY liquidation, a contract's batched per second (flushed early at 20); size is the
 *   liquidation ORDER's, signed: negative (a sell) for a long, as the official docs define it
 * </pre>
 */
final class GateWire implements SimWire {
    private static final String LIQUIDATES = "futures.public_liquidates";
    private static final int FLUSH_AT = 20;

    @Override
    public List<Venue> venues() {
        return List.of(Venue.GATE_LINEAR);
    }

    @Override
    public List<SimInstrument> scriptedInstruments() {
        return List.of(
                new SimInstrument(Venue.GATE_LINEAR, "BTC_USDT", "BTC", false, 0.0001, 103_000),
                new SimInstrument(Venue.GATE_LINEAR, "ETH_USDT", "ETH", false, 0.01, 2_480));
    }

    @Override
    public void routes(Routes r) {
        r.socket("/gate/v4/ws/usdt", Venue.GATE_LINEAR, false);
        r.get("/gate/api/v4/futures/usdt/contracts", ctx -> contracts(r.instruments(Venue.GATE_LINEAR)));
    }

    @Override
    public void onMessage(Server server, SimSession s, String text, JsonNode m) {
        String channel = m == null ? "" : m.path("channel").asText();
        long now = System.currentTimeMillis();
        String times = "{\"time\":" + now / 1000 + ",\"time_ms\":" + now + ",\"channel\":\"";
        if (channel.equals("futures.ping")) {
            s.send(times + "futures.pong\",\"event\":\"\",\"error\":null,\"result\":null}");
        } else if (channel.equals(LIQUIDATES) && m.path("event").asText().equals("subscribe")) {
            s.topics.add(LIQUIDATES);
            s.send(times + LIQUIDATES + "\",\"event\":\"subscribe\",\"payload\":" + m.path("payload")
                    + ",\"error\":null,\"result\":{\"status\":\"success\"}}");
        } else {
            s.send(times + channel + "\",\"event\":\"subscribe\",\"error\":{\"code\":1,\"message\":\"invalid argument\"},"
                    + "\"result\":null}");
        }
    }

    @Override
    public VenueFeed feed(Venue venue, SimConfig config, Out out, SplittableRandom random) {
        Map<SimInstrument, List<String>> batches = new HashMap<>();
        return new VenueFeed() {
            @Override
            public void trade(SimInstrument i, long millis, double price, double contracts, boolean isBuy) {
                // trades are not published: Cascade reads only Gate's liquidation channel
            }

            @Override
            public void liquidation(SimInstrument i, SimFeed.Published p) {
                out.published(p);
                List<String> rows = batches.computeIfAbsent(i, k -> new ArrayList<>());
                rows.add(row(i, p.isLong(), p.contracts(), p.price(), p.millis()));
                if (rows.size() >= FLUSH_AT) {
                    flush(rows, p.millis());
                }
            }

            @Override
            public void second(SimInstrument i, long now, double mark, double rate, double openInterest) {
                List<String> rows = batches.get(i);
                if (rows != null && !rows.isEmpty()) {
                    flush(rows, now);
                }
            }

            private void flush(List<String> rows, long now) {
                out.publish(venue, LIQUIDATES, "{\"channel\":\"" + LIQUIDATES + "\",\"event\":\"update\",\"time\":" + now / 1000
                        + ",\"time_ms\":" + now + ",\"result\":[" + String.join(",", rows) + "]}", false);
                rows.clear();
            }
        };
    }

    /** One row: size is the liquidation order's contracts, negative (a sell) when a long is liquidated. */
    static String row(SimInstrument i, boolean isLong, double contracts, double price, long millis) {
        StringBuilder sb = new StringBuilder(120).append("{\"price\":\"");
        Num.append(sb, price, 2).append("\",\"size\":\"").append(isLong ? "-" : "");
        Num.append(sb, contracts, 3).append("\",\"time\":").append(millis).append(",\"contract\":\"").append(i.symbol());
        return sb.append("\"}").toString();
    }

    static String contracts(List<SimInstrument> instruments) {
        StringBuilder sb = new StringBuilder("[");
        for (int k = 0; k < instruments.size(); k++) {
            SimInstrument i = instruments.get(k);
            sb.append(k == 0 ? "" : ",").append("{\"name\":\"").append(i.symbol()).append("\",\"type\":\"direct\",\"quanto_multiplier\":\"");
            Num.append(sb, i.contractSize(), 6).append("\",\"mark_price\":\"");
            Num.append(sb, i.startPrice(), 2).append("\",\"funding_rate\":\"0.0001\",\"in_delisting\":false}");
        }
        return sb.append(']').toString();
    }
}
