package dev.cascade.sim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cascade.model.Venue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Kraken Futures v1 feeds and {@code /derivatives/api/v3/instruments}, in the documented wire format
 * (research/venues-next.md §5).
 *
 * <pre>
 *   ws   /kraken-futures/ws/v1   ({"event":"subscribe","feed":"trade","product_ids":[...]}, feed heartbeat)
 *   rest /kraken-futures/derivatives/api/v3/instruments
 *   trade: one message per fill; EVERY liquidation is a fill of type liquidation whose taker is the
 *   liquidation order; heartbeat every second to its subscribers
 * </pre>
 */
final class KrakenWire implements SimWire {
    @Override
    public List<Venue> venues() {
        return List.of(Venue.KRAKEN_FUTURES);
    }

    @Override
    public List<SimInstrument> scriptedInstruments() {
        return List.of(
                new SimInstrument(Venue.KRAKEN_FUTURES, "PI_XBTUSD", "BTC", true, 1, 103_000),
                new SimInstrument(Venue.KRAKEN_FUTURES, "PF_XBTUSD", "BTC", false, 1, 103_000),
                new SimInstrument(Venue.KRAKEN_FUTURES, "PF_ETHUSD", "ETH", false, 1, 2_480));
    }

    @Override
    public void routes(Routes r) {
        r.socket("/kraken-futures/ws/v1", Venue.KRAKEN_FUTURES, false);
        r.get("/kraken-futures/derivatives/api/v3/instruments", ctx -> instruments(r.instruments(Venue.KRAKEN_FUTURES)));
    }

    @Override
    public void onMessage(Server server, SimSession s, String text, JsonNode m) {
        String feed = m == null ? "" : m.path("feed").asText();
        if (m != null && m.path("event").asText().equals("subscribe") && !feed.isEmpty()) {
            if (m.path("product_ids").isArray()) {
                m.path("product_ids").forEach(p -> s.topics.add(feed + ":" + p.asText()));
            } else {
                s.topics.add(feed);
            }
            s.send("{\"event\":\"subscribed\",\"feed\":\"" + feed + "\""
                    + (m.has("product_ids") ? ",\"product_ids\":" + m.path("product_ids") : "") + "}");
        } else {
            s.send("{\"event\":\"error\",\"message\":\"Invalid request\"}");
        }
    }

    @Override
    public VenueFeed feed(Venue venue, SimConfig config, Out out, SplittableRandom random) {
        Map<SimInstrument, long[]> seqs = new HashMap<>();
        return new VenueFeed() {
            private void fill(SimInstrument i, long millis, double price, double qty, boolean isBuy, String type) {
                long seq = seqs.computeIfAbsent(i, k -> new long[] {40_000})[0]++;
                out.publish(venue, "trade:" + i.symbol(), KrakenWire.trade(i, new UUID(random.nextLong(), random.nextLong()), isBuy, type,
                        seq, millis, qty, price), false);
            }

            @Override
            public void trade(SimInstrument i, long millis, double price, double contracts, boolean isBuy) {
                fill(i, millis, price, contracts, isBuy, "fill");
            }

            @Override
            public void liquidation(SimInstrument i, SimFeed.Published p) {
                out.published(p);
                fill(i, p.millis(), p.price(), p.contracts(), !p.isLong(), "liquidation"); // the liquidation order takes
            }

            @Override
            public void second(SimInstrument i, long now, double mark, double rate, double openInterest) {
            }

            @Override
            public void endOfSecond(long now) {
                out.publish(venue, "heartbeat", "{\"feed\":\"heartbeat\",\"time\":" + now + "}", false);
            }
        };
    }

    static String trade(SimInstrument i, UUID uid, boolean isBuy, String type, long seq, long millis, double qty, double price) {
        StringBuilder sb = new StringBuilder(240).append("{\"feed\":\"trade\",\"product_id\":\"").append(i.symbol())
                .append("\",\"uid\":\"").append(uid).append("\",\"side\":\"").append(isBuy ? "buy" : "sell")
                .append("\",\"type\":\"").append(type).append("\",\"seq\":").append(seq).append(",\"time\":").append(millis)
                .append(",\"qty\":").append(i.isInverse() ? Long.toString((long) qty) : Num.fixed(qty, 3)).append(",\"price\":");
        Num.append(sb, price, Num.priceDecimals(price)).append('}');
        return sb.toString();
    }

    static String instruments(List<SimInstrument> instruments) {
        StringBuilder sb = new StringBuilder("{\"result\":\"success\",\"instruments\":[");
        for (int k = 0; k < instruments.size(); k++) {
            SimInstrument i = instruments.get(k);
            String base = i.coin().equals("BTC") ? "XBT" : i.coin();
            sb.append(k == 0 ? "" : ",").append("{\"symbol\":\"").append(i.symbol()).append("\",\"type\":\"")
                    .append(i.isInverse() ? "futures_inverse" : "flexible_futures").append("\",\"tradeable\":true,\"contractSize\":")
                    .append(i.isInverse() ? (long) i.contractSize() : 1);
            if (!i.isInverse()) {
                sb.append(",\"base\":\"").append(base).append("\",\"quote\":\"USD\"");
            }
            sb.append('}');
        }
        return sb.append("],\"serverTime\":\"2025-06-05T14:00:00.000Z\"}").toString();
    }
}
