/**
 * Cascade's normalized market events and the one place their meaning is defined.
 *
 * <h2>Venues and exchanges</h2>
 * A {@link dev.cascade.model.Venue} is a feed (binance-usdm, binance-coinm, bybit-linear, bybit-inverse,
 * okx-swap); an {@link dev.cascade.model.Exchange} is the company behind it (binance, bybit, okx).
 * The coin is the instrument's base asset: BTC for BTCUSDT, BTCUSD_PERP, BTCUSD, BTC-USDT-SWAP and
 * BTC-USD-SWAP ({@link dev.cascade.model.Coin#normalize}).
 *
 * <h2>Quantities and USD value</h2>
 * Every decoder reports a quantity in the venue's native unit, which is always a number of
 * {@link dev.cascade.model.Instrument#contractSize() contracts}, and the USD value is computed here and only
 * here, by {@link dev.cascade.model.Instrument#notionalUsd(double, double)}:
 * <pre>
 *   linear  (contract currency = the coin):  usd = contracts x contractSize x unitsPerQuote x price
 *   inverse (contract currency = USD):       usd = contracts x contractSize            (price not needed)
 * </pre>
 * Prices are per coin. A symbol that quotes a lot of its coin ({@code 1000PEPEUSDT}: coin PEPE, priced per
 * 1,000 PEPE; {@link dev.cascade.model.Instrument#unitsPerQuote()}) has its prices divided by the lot where
 * they enter ({@link dev.cascade.model.Instrument#unitPrice}), so that a coin's prices and VWAP are in one
 * unit across venues; its quantities stay in contracts and its USD values are unchanged.
 * Contract sizes: binance-usdm 1 coin; binance-coinm exchangeInfo {@code contractSize} USD (100 for BTC, 10
 * for most others); bybit-linear 1 coin; bybit-inverse 1 USD; okx-swap {@code ctVal x ctMult} in
 * {@code ctValCcy}. USD stablecoin quotes (USDT, USDC, FDUSD, BUSD) are taken at par.
 *
 * <h2>Liquidations</h2>
 * {@link dev.cascade.model.Side#LONG} means a long position was liquidated (the forced order sells);
 * {@link dev.cascade.model.Side#SHORT} means a short was liquidated (the forced order buys). Which fields a
 * venue's liquidation uses:
 * <ul>
 *   <li>binance-usdm / binance-coinm forceOrder: quantity {@code z} (filled accumulated; {@code z = 0} is not a
 *       liquidation yet), price {@code ap} (average fill; order price {@code p} when {@code ap} is 0), time
 *       {@code o.T}; {@code S=SELL} is a long.</li>
 *   <li>bybit allLiquidation (and the retired liquidation topic): quantity {@code v}, price {@code p}
 *       (bankruptcy price), time {@code T}; {@code S=Buy} is a long (Bybit reports the position side).</li>
 *   <li>okx liquidation-orders: quantity {@code sz} contracts, price {@code bkPx}, time {@code ts};
 *       {@code posSide} long/short when hedged, otherwise {@code side=sell} is a long.</li>
 *   <li>Tardis CSV liquidations: {@code amount} in the venue's native unit, {@code side=sell} is a long.</li>
 * </ul>
 *
 * <h2>Trades</h2>
 * {@link dev.cascade.model.TakerSide} is the side of the aggressor: Binance aggTrade {@code m=true} means the
 * buyer was the maker, so the taker sold.
 *
 * <h2>Time</h2>
 * Epoch microseconds everywhere. Each event keeps the exchange's time and Cascade's receive time; when a
 * source has no receive time (archives, raw frame files) the receive time equals the exchange time.
 *
 * <h2>Duplicates and completeness</h2>
 * The same liquidation (venue, symbol, exchange time, side, price, quantity) seen twice counts once; trades
 * dedupe by venue trade id. Binance and OKX publish at most one liquidation per symbol per second, Bybit
 * allLiquidation publishes all of them: totals are reported totals (a floor), never silently estimates.
 */
package dev.cascade.model;
