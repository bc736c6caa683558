package dev.cascade.sim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cascade.model.Venue;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bitfinex v2 public socket ({@code status} channel, {@code liq:global}) and the derivatives status list, in the
 * documented wire format (research/venues-next.md §8).
 *
 * <pre>
 *   ws   /bitfinex/ws/2   ({"event":"subscribe","channel":"status","key":"liq:global"}, {"event":"ping"})
 *   rest /bitfinex/v2/status/deriv?keys=ALL
 *   liq:global: EVERY liquidation at once, as a trigger row (IS_MATCH 0) and its market execution (IS_MATCH 1);
 *   AMOUNT is the position, signed (+ a long); [chanId,"hb"] every 15 s
 * </pre>
 */
final class BitfinexWire implements SimWire {
    private static final int CHANNEL = 91684;
    private static final String LIQUIDATIONS = "liq:global";

    @Override
    public List<Venue> venues() {
        return List.of(Venue.BITFINEX);
    }

    @Override
    public List<SimInstrument> scriptedInstruments() {
        return List.of(
                new SimInstrument(Venue.BITFINEX, "tBTCF0:USTF0", "BTC", false, 1, 103_000),
                new SimInstrument(Venue.BITFINEX, "tETHF0:USTF0", "ETH", false, 1, 2_480));
    }

    @Override
    public void routes(Routes r) {
        r.socket("/bitfinex/ws/2", Venue.BITFINEX, false);
        r.get("/bitfinex/v2/status/deriv", ctx -> status(r.instruments(Venue.BITFINEX)));
    }

    @Override
    public void onMessage(Server server, SimSession s, String text, JsonNode m) {
        String event = m == null ? "" : m.path("event").asText();
        if (event.equals("ping")) {
            s.send("{\"event\":\"pong\",\"ts\":" + System.currentTimeMillis() + ",\"cid\":" + m.path("cid").asLong() + "}");
        } else if (event.equals("subscribe") && m.path("channel").asText().equals("status")
                && m.path("key").asText().equals(LIQUIDATIONS)) {
            s.topics.add(LIQUIDATIONS);
            s.send("{\"event\":\"subscribed\",\"channel\":\"status\",\"chanId\":" + CHANNEL + ",\"key\":\"" + LIQUIDATIONS + "\"}");
        } else {
            s.send("{\"event\":\"error\",\"msg\":\"subscribe: invalid\",\"code\":10300}");
        }
    }

    @Override
    public VenueFeed feed(Venue venue, SimConfig config, Out out, SplittableRandom random) {
        AtomicLong positions = new AtomicLong(142_397_657);
        return new VenueFeed() {
            @Override
            public void trade(SimInstrument i, long millis, double price, double contracts, boolean isBuy) {
                // trades are not published: Cascade reads only Bitfinex's liq:global
            }

            @Override
            public void liquidation(SimInstrument i, SimFeed.Published p) {
                out.published(p);
                out.publish(venue, LIQUIDATIONS, "[" + CHANNEL + ",[" + row(i, positions.incrementAndGet(), p, 0) + ","
                        + row(i, positions.get(), p, 1) + "]]", false);
            }

            @Override
            public void second(SimInstrument i, long now, double mark, double rate, double openInterest) {
            }

            @Override
            public void endOfSecond(long now) {
                if (now / 1000 % 15 == 0) {
                    out.publish(venue, LIQUIDATIONS, "[" + CHANNEL + ",\"hb\"]", false);
                }
            }
        };
    }

    /** One position row; the execution (IS_MATCH 1) repeats the trigger, which alone is a liquidation. */
    static String row(SimInstrument i, long id, SimFeed.Published p, int isMatch) {
        double amount = p.isLong() ? p.contracts() : -p.contracts();
        StringBuilder sb = new StringBuilder(160).append("[\"pos\",").append(id).append(',').append(p.millis())
                .append(",null,\"").append(i.symbol()).append("\",");
        Num.append(sb, amount, 6).append(',');
        Num.append(sb, p.price() * (p.isLong() ? 1.04 : 0.96), 2).append(",null,").append(isMatch).append(",1,null,");
        Num.append(sb, p.price(), 2);
        return sb.append(']').toString();
    }

    static String status(List<SimInstrument> instruments) {
        StringBuilder sb = new StringBuilder("[");
        long now = System.currentTimeMillis();
        for (int k = 0; k < instruments.size(); k++) {
            SimInstrument i = instruments.get(k);
            sb.append(k == 0 ? "" : ",").append("[\"").append(i.symbol()).append("\",").append(now).append(",null,");
            Num.append(sb, i.startPrice(), 2).append(',');
            Num.append(sb, i.startPrice(), 2).append(",null,0,null,0,0.0001,0,null,0.0001]");
        }
        return sb.append(']').toString();
    }
}
