package dev.cascade.sim;

import java.util.List;

/** OKX v5 public frames and instruments, in the documented wire format (research/formats.md §4). */
final class OkxWire {
    private OkxWire() {
    }

    private static String family(SimInstrument i) {
        return i.symbol().substring(0, i.symbol().lastIndexOf('-'));
    }

    static String liquidation(SimInstrument i, boolean isLong, double contracts, double bankruptcyPrice, long millis) {
        StringBuilder sb = new StringBuilder(260).append("{\"arg\":{\"channel\":\"liquidation-orders\",\"instType\":\"SWAP\"},")
                .append("\"data\":[{\"details\":[{\"bkLoss\":\"0\",\"bkPx\":\"");
        Num.append(sb, bankruptcyPrice, Num.priceDecimals(bankruptcyPrice)).append("\",\"ccy\":\"\",\"posSide\":\"net\",\"side\":\"")
                .append(isLong ? "sell" : "buy").append("\",\"sz\":\"").append(contracts(i, contracts)).append("\",\"ts\":\"")
                .append(millis).append("\"}],\"instFamily\":\"").append(family(i)).append("\",\"instId\":\"").append(i.symbol())
                .append("\",\"instType\":\"SWAP\",\"uly\":\"").append(family(i)).append("\"}]}");
        return sb.toString();
    }

    static String trade(SimInstrument i, long tradeId, double price, double contracts, boolean isBuy, long millis) {
        StringBuilder sb = new StringBuilder(200).append("{\"arg\":{\"channel\":\"trades\",\"instId\":\"").append(i.symbol())
                .append("\"},\"data\":[{\"instId\":\"").append(i.symbol()).append("\",\"tradeId\":\"").append(tradeId)
                .append("\",\"px\":\"");
        Num.append(sb, price, Num.priceDecimals(price)).append("\",\"sz\":\"").append(contracts(i, contracts))
                .append("\",\"side\":\"").append(isBuy ? "buy" : "sell").append("\",\"ts\":\"").append(millis)
                .append("\",\"count\":\"1\"}]}");
        return sb.toString();
    }

    /** A REST history-trades page: the trades channel's rows without {@code count}, newest first. */
    static String historyTrades(List<TradeHistory.Row> rows, SimInstrument i) {
        StringBuilder sb = new StringBuilder(rows.size() * 120 + 40).append("{\"code\":\"0\",\"msg\":\"\",\"data\":[");
        for (int k = 0; k < rows.size(); k++) {
            TradeHistory.Row r = rows.get(k);
            sb.append(k == 0 ? "" : ",").append("{\"instId\":\"").append(i.symbol()).append("\",\"side\":\"")
                    .append(r.isBuyerMaker() ? "sell" : "buy").append("\",\"sz\":\"").append(contracts(i, r.quantity()))
                    .append("\",\"px\":\"");
            Num.append(sb, r.price(), Num.priceDecimals(r.price())).append("\",\"tradeId\":\"").append(r.id())
                    .append("\",\"ts\":\"").append(r.millis()).append("\"}");
        }
        return sb.append("]}").toString();
    }

    static String openInterest(SimInstrument i, double contracts, double price, long millis) {
        StringBuilder sb = new StringBuilder(220).append("{\"arg\":{\"channel\":\"open-interest\",\"instId\":\"").append(i.symbol())
                .append("\"},\"data\":[{\"instId\":\"").append(i.symbol()).append("\",\"instType\":\"SWAP\",\"oi\":\"");
        Num.append(sb, contracts, 2).append("\",\"oiCcy\":\"");
        Num.append(sb, i.isInverse() ? contracts * i.contractSize() / price : contracts * i.contractSize(), 4).append("\",\"oiUsd\":\"");
        Num.append(sb, i.usd(contracts, price), 2).append("\",\"ts\":\"").append(millis).append("\"}]}");
        return sb.toString();
    }

    static String fundingRate(SimInstrument i, double rate, long millis) {
        long next = (millis / 28_800_000 + 1) * 28_800_000;
        StringBuilder sb = new StringBuilder(300).append("{\"arg\":{\"channel\":\"funding-rate\",\"instId\":\"").append(i.symbol())
                .append("\"},\"data\":[{\"formulaType\":\"noRate\",\"fundingRate\":\"");
        Num.append(sb, rate, 8).append("\",\"fundingTime\":\"").append(next).append("\",\"instId\":\"").append(i.symbol())
                .append("\",\"instType\":\"SWAP\",\"method\":\"current_period\",\"nextFundingRate\":\"\",\"nextFundingTime\":\"")
                .append(next + 28_800_000).append("\",\"ts\":\"").append(millis).append("\"}]}");
        return sb.toString();
    }

    static String instruments(List<SimInstrument> instruments) {
        StringBuilder sb = new StringBuilder("{\"code\":\"0\",\"msg\":\"\",\"data\":[");
        for (int k = 0; k < instruments.size(); k++) {
            SimInstrument i = instruments.get(k);
            sb.append(k == 0 ? "" : ",").append("{\"instId\":\"").append(i.symbol()).append("\",\"instType\":\"SWAP\",\"ctType\":\"")
                    .append(i.isInverse() ? "inverse" : "linear").append("\",\"ctVal\":\"")
                    .append(java.math.BigDecimal.valueOf(i.contractSize()).stripTrailingZeros().toPlainString())
                    .append("\",\"ctMult\":\"1\",\"ctValCcy\":\"").append(i.isInverse() ? "USD" : i.coin()).append("\",\"uly\":\"")
                    .append(family(i)).append("\",\"instFamily\":\"").append(family(i)).append("\",\"settleCcy\":\"")
                    .append(i.isInverse() ? i.coin() : "USDT").append("\",\"state\":\"live\"}");
        }
        return sb.append("]}").toString();
    }

    private static String contracts(SimInstrument i, double contracts) {
        return i.isInverse() ? Long.toString((long) contracts) : Num.fixed(contracts, 2);
    }
}
