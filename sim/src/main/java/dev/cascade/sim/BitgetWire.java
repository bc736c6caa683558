package dev.cascade.sim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cascade.model.Venue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Bitget UTA public {@code liquidation} topic and the v2 contracts list, in the documented wire format
 * (research/venues-next.md §7).
 *
 * <pre>
 *   ws   /bitget/v3/ws/public   ({"op":"subscribe","args":[{"instType":"usdt-futures","topic":"liquidation"}]}, text ping)
 *   rest /bitget/api/v2/mix/market/contracts?productType=USDT-FUTURES
 *   liquidation: once a second, per pair the LARGEST long and the LARGEST short of the second (throttled)
 * </pre>
 */
final class BitgetWire implements SimWire {
    private static final String TOPIC = "liquidation:usdt-futures";

    @Override
    public List<Venue> venues() {
        return List.of(Venue.BITGET_USDTM);
    }

    @Override
    public List<SimInstrument> scriptedInstruments() {
        return List.of(
                new SimInstrument(Venue.BITGET_USDTM, "BTCUSDT", "BTC", false, 1, 103_000),
                new SimInstrument(Venue.BITGET_USDTM, "ETHUSDT", "ETH", false, 1, 2_480),
                new SimInstrument(Venue.BITGET_USDTM, "SOLUSDT", "SOL", false, 1, 150));
    }

    @Override
    public void routes(Routes r) {
        r.socket("/bitget/v3/ws/public", Venue.BITGET_USDTM, false);
        r.get("/bitget/api/v2/mix/market/contracts", ctx -> contracts(r.instruments(Venue.BITGET_USDTM)));
    }

    @Override
    public void onMessage(Server server, SimSession s, String text, JsonNode m) {
        if (text.equals("ping")) {
            s.send("pong");
        } else if (m != null && m.path("op").asText().equals("subscribe")) {
            for (JsonNode a : m.path("args")) {
                s.topics.add(a.path("topic").asText() + ":" + a.path("instType").asText());
                s.send("{\"event\":\"subscribe\",\"arg\":" + a + "}");
            }
        } else {
            s.send("{\"event\":\"error\",\"code\":30001,\"msg\":\"Request format error\"}");
        }
    }

    @Override
    public VenueFeed feed(Venue venue, SimConfig config, Out out, SplittableRandom random) {
        Map<SimInstrument, SimFeed.Published> longs = new HashMap<>();
        Map<SimInstrument, SimFeed.Published> shorts = new HashMap<>();
        List<String> rows = new ArrayList<>();
        return new VenueFeed() {
            @Override
            public void trade(SimInstrument i, long millis, double price, double contracts, boolean isBuy) {
                // trades are not published: Cascade reads only Bitget's liquidation topic
            }

            @Override
            public void liquidation(SimInstrument i, SimFeed.Published p) {
                Map<SimInstrument, SimFeed.Published> largest = p.isLong() ? longs : shorts;
                SimFeed.Published kept = largest.get(i);
                if (kept == null || i.usd(p.contracts(), p.price()) > i.usd(kept.contracts(), kept.price())) {
                    largest.put(i, p);
                }
            }

            @Override
            public void second(SimInstrument i, long now, double mark, double rate, double openInterest) {
                for (Map<SimInstrument, SimFeed.Published> largest : List.of(longs, shorts)) {
                    SimFeed.Published p = largest.remove(i);
                    if (p != null) {
                        out.published(p);
                        rows.add(row(i, p.isLong(), p.price(), i.usd(p.contracts(), p.price()), p.millis()));
                    }
                }
            }

            @Override
            public void endOfSecond(long now) {
                if (!rows.isEmpty()) {
                    out.publish(venue, TOPIC, "{\"data\":[" + String.join(",", rows) + "],\"arg\":{\"instType\":\"usdt-futures\","
                            + "\"topic\":\"liquidation\"},\"action\":\"update\",\"ts\":" + now + "}", false);
                    rows.clear();
                }
            }
        };
    }

    /** One row: side is the liquidated POSITION's, amount its USDT value. */
    static String row(SimInstrument i, boolean isLong, double price, double usd, long millis) {
        StringBuilder sb = new StringBuilder(140).append("{\"symbol\":\"").append(i.symbol()).append("\",\"side\":\"")
                .append(isLong ? "buy" : "sell").append("\",\"price\":\"");
        Num.append(sb, price, 8).append("\",\"amount\":\"");
        Num.append(sb, usd, 8).append("\",\"ts\":\"").append(millis).append("\"}");
        return sb.toString();
    }

    static String contracts(List<SimInstrument> instruments) {
        StringBuilder sb = new StringBuilder("{\"code\":\"00000\",\"msg\":\"success\",\"requestTime\":0,\"data\":[");
        for (int k = 0; k < instruments.size(); k++) {
            SimInstrument i = instruments.get(k);
            sb.append(k == 0 ? "" : ",").append("{\"symbol\":\"").append(i.symbol()).append("\",\"baseCoin\":\"").append(i.coin())
                    .append("\",\"quoteCoin\":\"USDT\",\"symbolType\":\"perpetual\",\"symbolStatus\":\"normal\","
                            + "\"sizeMultiplier\":\"0.001\"}");
        }
        return sb.append("]}").toString();
    }
}
