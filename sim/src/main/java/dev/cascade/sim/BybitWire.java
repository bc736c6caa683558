package dev.cascade.sim;

import java.util.List;
import java.util.UUID;

/** Bybit v5 public frames and instruments-info, in the documented wire format (research/formats.md §3). */
final class BybitWire {
    private BybitWire() {
    }

    /** One liquidation of a batch: S is the POSITION side, Buy = a long was liquidated; p the bankruptcy price. */
    record Liquidation(long millis, boolean isLong, double size, double price) {
    }

    /** One trade of a publicTrade message. */
    record Trade(long millis, boolean isBuy, double size, double price, UUID id) {
    }

    static String allLiquidation(SimInstrument i, List<Liquidation> batch, long pushMillis) {
        StringBuilder sb = new StringBuilder(80 + 80 * batch.size()).append("{\"topic\":\"allLiquidation.").append(i.symbol())
                .append("\",\"type\":\"snapshot\",\"ts\":").append(pushMillis).append(",\"data\":[");
        for (int k = 0; k < batch.size(); k++) {
            Liquidation l = batch.get(k);
            sb.append(k == 0 ? "" : ",").append("{\"T\":").append(l.millis()).append(",\"s\":\"").append(i.symbol())
                    .append("\",\"S\":\"").append(l.isLong() ? "Buy" : "Sell").append("\",\"v\":\"")
                    .append(size(i, l.size())).append("\",\"p\":\"");
            Num.append(sb, l.price(), Num.priceDecimals(l.price())).append("\"}");
        }
        return sb.append("]}").toString();
    }

    static String publicTrade(SimInstrument i, List<Trade> trades, long millis) {
        StringBuilder sb = new StringBuilder(80 + 150 * trades.size()).append("{\"topic\":\"publicTrade.").append(i.symbol())
                .append("\",\"type\":\"snapshot\",\"ts\":").append(millis).append(",\"data\":[");
        for (int k = 0; k < trades.size(); k++) {
            Trade t = trades.get(k);
            sb.append(k == 0 ? "" : ",").append("{\"T\":").append(t.millis()).append(",\"s\":\"").append(i.symbol())
                    .append("\",\"S\":\"").append(t.isBuy() ? "Buy" : "Sell").append("\",\"v\":\"").append(size(i, t.size()))
                    .append("\",\"p\":\"");
            Num.append(sb, t.price(), Num.priceDecimals(t.price())).append("\",\"L\":\"PlusTick\",\"i\":\"").append(t.id())
                    .append("\",\"BT\":false}");
        }
        return sb.append("]}").toString();
    }

    /** Tickers: a snapshot with every field, or a delta with only the fields that changed (here all three). */
    static String tickers(SimInstrument i, boolean isSnapshot, double mark, double openInterest, double rate, long millis) {
        StringBuilder sb = new StringBuilder(300).append("{\"topic\":\"tickers.").append(i.symbol()).append("\",\"type\":\"")
                .append(isSnapshot ? "snapshot" : "delta").append("\",\"data\":{\"symbol\":\"").append(i.symbol())
                .append("\",\"markPrice\":\"");
        Num.append(sb, mark, Num.priceDecimals(mark)).append("\",\"indexPrice\":\"");
        Num.append(sb, mark * 0.9999, Num.priceDecimals(mark)).append("\",\"openInterest\":\"");
        Num.append(sb, openInterest * 2, 3).append("\",\"openInterestValue\":\""); // Bybit reports both sides
        Num.append(sb, i.usd(openInterest * 2, mark), 2).append("\",\"fundingRate\":\"");
        Num.append(sb, rate, 6).append("\",\"nextFundingTime\":\"").append((millis / 28_800_000 + 1) * 28_800_000).append('"');
        if (isSnapshot) {
            sb.append(",\"lastPrice\":\"");
            Num.append(sb, mark, Num.priceDecimals(mark)).append('"');
        }
        return sb.append("},\"cs\":").append(millis * 7).append(",\"ts\":").append(millis).append('}').toString();
    }

    static String instrumentsInfo(String category, List<SimInstrument> instruments, long millis) {
        StringBuilder sb = new StringBuilder("{\"retCode\":0,\"retMsg\":\"OK\",\"result\":{\"category\":\"").append(category)
                .append("\",\"nextPageCursor\":\"\",\"list\":[");
        for (int k = 0; k < instruments.size(); k++) {
            SimInstrument i = instruments.get(k);
            sb.append(k == 0 ? "" : ",").append("{\"symbol\":\"").append(i.symbol()).append("\",\"contractType\":\"")
                    .append(i.isInverse() ? "InversePerpetual" : "LinearPerpetual").append("\",\"status\":\"Trading\",")
                    .append("\"baseCoin\":\"").append(i.coin()).append("\",\"quoteCoin\":\"").append(i.isInverse() ? "USD" : "USDT")
                    .append("\",\"settleCoin\":\"").append(i.isInverse() ? i.coin() : "USDT").append("\"}");
        }
        return sb.append("]},\"retExtInfo\":{},\"time\":").append(millis).append('}').toString();
    }

    private static String size(SimInstrument i, double size) {
        return i.isInverse() ? Long.toString((long) size) : Num.fixed(size, 3);
    }
}
