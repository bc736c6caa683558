package dev.cascade.sim;

import dev.cascade.model.Venue;
import java.util.List;
import java.util.Locale;

/** Binance USDⓈ-M and COIN-M frames and REST bodies, in the documented wire format (research/formats.md §1-2). */
final class BinanceWire {
    private BinanceWire() {
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
