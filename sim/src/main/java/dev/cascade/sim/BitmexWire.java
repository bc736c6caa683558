package dev.cascade.sim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cascade.model.Venue;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * BitMEX realtime tables and {@code /api/v1/instrument/active}, in the documented wire format
 * (research/venues-next.md §1).
 *
 * <pre>
 *   ws   /bitmex/realtime   ({"op":"subscribe","args":["liquidation","trade:XBTUSD",...]}, text ping)
 *   rest /bitmex/api/v1/instrument/active
 *   trade: one insert per fill; liquidation: EVERY liquidation order, inserted with its whole quantity and
 *   deleted once filled; instrument: mark price, funding and open interest every second
 * </pre>
 */
final class BitmexWire implements SimWire {
    @Override
    public List<Venue> venues() {
        return List.of(Venue.BITMEX);
    }

    @Override
    public List<SimInstrument> scriptedInstruments() {
        return List.of(
                new SimInstrument(Venue.BITMEX, "XBTUSD", "BTC", true, 1, 103_000),
                new SimInstrument(Venue.BITMEX, "XBTUSDT", "BTC", false, 0.000001, 103_000));
    }

    @Override
    public void routes(Routes r) {
        r.socket("/bitmex/realtime", Venue.BITMEX, false);
        r.get("/bitmex/api/v1/instrument/active", ctx -> instruments(r.instruments(Venue.BITMEX)));
    }

    @Override
    public void onMessage(Server server, SimSession s, String text, JsonNode m) {
        if (text.equals("ping")) {
            s.send("pong");
        } else if (m != null && m.path("op").asText().equals("subscribe") && m.path("args").isArray()) {
            for (JsonNode a : m.path("args")) {
                s.topics.add(a.asText());
                s.send("{\"success\":true,\"subscribe\":\"" + a.asText() + "\",\"request\":" + m + "}");
            }
        } else {
            s.send("{\"status\":400,\"error\":\"Unknown or expired command.\",\"meta\":{},\"request\":"
                    + (m == null ? "{}" : m.toString()) + "}");
        }
    }

    @Override
    public VenueFeed feed(Venue venue, SimConfig config, Out out, SplittableRandom random) {
        return new VenueFeed() {
            @Override
            public void trade(SimInstrument i, long millis, double price, double contracts, boolean isBuy) {
                out.publish(venue, "trade:" + i.symbol(), BitmexWire.trade(i, new UUID(random.nextLong(), random.nextLong()),
                        price, contracts, isBuy, millis), false);
            }

            @Override
            public void liquidation(SimInstrument i, SimFeed.Published p) {
                out.published(p);
                UUID order = new UUID(random.nextLong(), random.nextLong());
                out.publish(venue, "liquidation", insert(i, order, p.isLong(), p.contracts(), p.price()), false);
                out.publish(venue, "liquidation", "{\"table\":\"liquidation\",\"action\":\"delete\",\"data\":[{\"orderID\":\""
                        + order + "\",\"symbol\":\"" + i.symbol() + "\"}]}", false);
            }

            @Override
            public void second(SimInstrument i, long now, double mark, double rate, double openInterest) {
                out.publish(venue, "instrument:" + i.symbol(), instrument(i, mark, rate, openInterest, now), false);
            }
        };
    }

    /** A liquidation order: side is the ORDER's, Sell when a long is liquidated. */
    static String insert(SimInstrument i, UUID order, boolean isLong, double contracts, double price) {
        StringBuilder sb = new StringBuilder(200).append("{\"table\":\"liquidation\",\"action\":\"insert\",\"data\":[{\"orderID\":\"")
                .append(order).append("\",\"symbol\":\"").append(i.symbol()).append("\",\"side\":\"")
                .append(isLong ? "Sell" : "Buy").append("\",\"price\":");
        Num.append(sb, price, 1).append(",\"leavesQty\":").append(size(i, contracts)).append("}]}");
        return sb.toString();
    }

    static String trade(SimInstrument i, UUID id, double price, double contracts, boolean isBuy, long millis) {
        StringBuilder sb = new StringBuilder(300).append("{\"table\":\"trade\",\"action\":\"insert\",\"data\":[{\"timestamp\":\"")
                .append(Instant.ofEpochMilli(millis)).append("\",\"symbol\":\"").append(i.symbol()).append("\",\"side\":\"")
                .append(isBuy ? "Buy" : "Sell").append("\",\"size\":").append(size(i, contracts)).append(",\"price\":");
        Num.append(sb, price, 1).append(",\"tickDirection\":\"ZeroPlusTick\",\"trdMatchID\":\"").append(id)
                .append("\",\"trdType\":\"Regular\"}]}");
        return sb.toString();
    }

    static String instrument(SimInstrument i, double mark, double rate, double openInterest, long millis) {
        long next = (millis / 28_800_000 + 1) * 28_800_000;
        StringBuilder sb = new StringBuilder(260).append("{\"table\":\"instrument\",\"action\":\"update\",\"data\":[{\"symbol\":\"")
                .append(i.symbol()).append("\",\"markPrice\":");
        Num.append(sb, mark, 2).append(",\"fundingRate\":");
        Num.append(sb, rate, 6).append(",\"fundingTimestamp\":\"").append(Instant.ofEpochMilli(next))
                .append("\",\"openInterest\":").append((long) openInterest).append(",\"timestamp\":\"")
                .append(Instant.ofEpochMilli(millis)).append("\"}]}");
        return sb.toString();
    }

    static String instruments(List<SimInstrument> instruments) {
        StringBuilder sb = new StringBuilder("[");
        for (int k = 0; k < instruments.size(); k++) {
            SimInstrument i = instruments.get(k);
            String underlying = i.coin().equals("BTC") ? "XBT" : i.coin();
            sb.append(k == 0 ? "" : ",").append("{\"symbol\":\"").append(i.symbol()).append("\",\"rootSymbol\":\"")
                    .append(underlying).append("\",\"state\":\"Open\",\"typ\":\"FFWCSX\",\"underlying\":\"").append(underlying)
                    .append("\",\"quoteCurrency\":\"").append(i.isInverse() ? "USD" : "USDT").append("\",\"settlCurrency\":\"")
                    .append(i.isInverse() ? "XBt" : "USDt").append("\",\"isQuanto\":false,\"isInverse\":").append(i.isInverse());
            if (i.isInverse()) {
                sb.append(",\"multiplier\":-100000000,\"underlyingToSettleMultiplier\":-100000000,"
                        + "\"underlyingToPositionMultiplier\":null");
            } else {
                sb.append(",\"multiplier\":1,\"underlyingToSettleMultiplier\":null,\"underlyingToPositionMultiplier\":")
                        .append(Math.round(1 / i.contractSize()));
            }
            sb.append('}');
        }
        return sb.append(']').toString();
    }

    private static String size(SimInstrument i, double contracts) {
        return Long.toString(Math.max(1, Math.round(contracts)));
    }
}
