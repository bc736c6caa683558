package dev.cascade.flink;

import io.questdb.client.Sender;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * The job's instrument-minutes into a QuestDB server, the external store of a cluster deployment, over QuestDB's
 * InfluxDB line protocol on HTTP (its own client). The table is created on first use with
 * {@code DEDUP UPSERT KEYS(ts, venue, symbol)}, so a row written again (a revision, or a replay after a failure
 * restored the job from its last checkpoint) replaces the earlier one: with the writer flushing at every
 * checkpoint this is at-least-once delivery and exactly-once content.
 */
public final class QuestDbSink implements Sink<InstrumentMinute> {
    public static final String TABLE = "cascade_minutes";
    static final String DDL = "CREATE TABLE IF NOT EXISTS " + TABLE + " (ts TIMESTAMP, venue SYMBOL, exchange SYMBOL, "
            + "symbol SYMBOL, coin SYMBOL, revision LONG, long_usd DOUBLE, short_usd DOUBLE, long_count LONG, "
            + "short_count LONG, largest_side SYMBOL, largest_usd DOUBLE, largest_price DOUBLE, largest_quantity DOUBLE, "
            + "largest_ts TIMESTAMP, taker_buy_usd DOUBLE, taker_sell_usd DOUBLE, volume_usd DOUBLE, volume_coin DOUBLE, "
            + "open DOUBLE, high DOUBLE, low DOUBLE, close DOUBLE, open_interest_usd DOUBLE, mark_price DOUBLE, "
            + "funding_rate DOUBLE, trades LONG, open_interest LONG, mark_prices LONG, funding_rates LONG, candles LONG) "
            + "TIMESTAMP(ts) PARTITION BY DAY WAL DEDUP UPSERT KEYS(ts, venue, symbol)";
    /** Rows buffered before a flush between checkpoints. */
    private static final int FLUSH_ROWS = 10_000;

    private final String address;

    /** @param address the server's HTTP host:port (9000 by default) */
    public QuestDbSink(String address) {
        this.address = address;
    }

    @Override
    public SinkWriter<InstrumentMinute> createWriter(WriterInitContext context) throws IOException {
        createTable(address);
        return new Writer(Sender.fromConfig("http::addr=" + address + ";auto_flush=off;"));
    }

    /** Runs the table's DDL through the server's {@code /exec} endpoint (idempotent). */
    static void createTable(String address) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + address + "/exec?query="
                + URLEncoder.encode(DDL, StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(30)).build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("QuestDB at " + address + " refused the table: " + response.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted creating " + TABLE, e);
        }
    }

    private static final class Writer implements SinkWriter<InstrumentMinute> {
        private final Sender sender;
        private int buffered;

        Writer(Sender sender) {
            this.sender = sender;
        }

        @Override
        public void write(InstrumentMinute m, Context context) {
            sender.table(TABLE).symbol("venue", m.venue).symbol("exchange", m.exchange).symbol("symbol", m.symbol);
            if (m.coin != null) {
                sender.symbol("coin", m.coin);
            }
            if (m.largestSide != null) {
                sender.symbol("largest_side", m.largestSide);
            }
            sender.longColumn("revision", m.revision).doubleColumn("long_usd", m.longUsd)
                    .doubleColumn("short_usd", m.shortUsd).longColumn("long_count", m.longCount)
                    .longColumn("short_count", m.shortCount);
            if (m.largestSide != null) {
                sender.doubleColumn("largest_usd", m.largestUsd).doubleColumn("largest_price", m.largestPrice)
                        .doubleColumn("largest_quantity", m.largestQuantity)
                        .timestampColumn("largest_ts", m.largestMicros, ChronoUnit.MICROS);
            }
            sender.doubleColumn("taker_buy_usd", m.takerBuyUsd).doubleColumn("taker_sell_usd", m.takerSellUsd)
                    .doubleColumn("volume_usd", m.volumeUsd).doubleColumn("volume_coin", m.volumeCoin);
            optional("open", m.open);
            optional("high", m.high);
            optional("low", m.low);
            optional("close", m.close);
            optional("open_interest_usd", m.openInterestUsd);
            optional("mark_price", m.markPrice);
            optional("funding_rate", m.fundingRate);
            sender.longColumn("trades", m.trades).longColumn("open_interest", m.openInterest)
                    .longColumn("mark_prices", m.markPrices).longColumn("funding_rates", m.fundingRates)
                    .longColumn("candles", m.candles).at(m.minuteMicros, ChronoUnit.MICROS);
            if (++buffered >= FLUSH_ROWS) {
                flush(false);
            }
        }

        private void optional(String column, Double value) {
            if (value != null) {
                sender.doubleColumn(column, value);
            }
        }

        /** Called at every checkpoint and at the end of input: what was written is on the server when it returns. */
        @Override
        public void flush(boolean endOfInput) {
            sender.flush();
            buffered = 0;
        }

        @Override
        public void close() {
            sender.close();
        }
    }
}
