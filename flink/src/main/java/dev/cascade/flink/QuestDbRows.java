package dev.cascade.flink;

import dev.cascade.kafka.ClusterTables;
import dev.cascade.kafka.EventCodec;
import dev.cascade.kafka.OverviewCodec;
import io.questdb.client.Sender;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Locale;

/** The job's values as rows of {@link ClusterTables}. */
final class QuestDbRows {
    private QuestDbRows() {
    }

    /** An instrument-minute: its figures typed, for SQL, and the results topic's JSON, for {@code serve}. */
    static final class Minutes implements QuestDbSink.Row<InstrumentMinute> {
        private static final MinuteJson JSON = new MinuteJson();

        @Override
        public long write(Sender sender, InstrumentMinute m) {
            sender.table(ClusterTables.MINUTES).symbol("venue", m.venue).symbol("exchange", m.exchange)
                    .symbol("symbol", m.symbol);
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
            optional(sender, "open", m.open);
            optional(sender, "high", m.high);
            optional(sender, "low", m.low);
            optional(sender, "close", m.close);
            optional(sender, "open_interest_usd", m.openInterestUsd);
            optional(sender, "mark_price", m.markPrice);
            optional(sender, "funding_rate", m.fundingRate);
            sender.longColumn("trades", m.trades).longColumn("open_interest", m.openInterest)
                    .longColumn("mark_prices", m.markPrices).longColumn("funding_rates", m.fundingRates)
                    .longColumn("candles", m.candles)
                    .stringColumn("result", new String(JSON.serialize(m), StandardCharsets.UTF_8));
            return m.minuteMicros;
        }

        private static void optional(Sender sender, String column, Double value) {
            if (value != null) {
                sender.doubleColumn(column, value);
            }
        }
    }

    /** An {@link EventCodec} record of {@code stream} ({@link ClusterTables#STREAM_EVENT} or {@code STREAM_LATE}). */
    static final class Events implements QuestDbSink.Row<byte[]> {
        private final String stream;

        Events(String stream) {
            this.stream = stream;
        }

        @Override
        public long write(Sender sender, byte[] record) {
            String instrument = EventCodec.instrumentKey(record); // venue:symbol; the job's valid records have one
            int colon = instrument.indexOf(':');
            sender.table(ClusterTables.EVENTS).symbol("stream", stream)
                    .symbol("kind", EventCodec.kind(record).name().toLowerCase(Locale.ROOT))
                    .symbol("venue", instrument.substring(0, colon)).symbol("symbol", instrument.substring(colon + 1))
                    .longColumn("digest", ClusterTables.digest(record))
                    .stringColumn("record", Base64.getEncoder().encodeToString(record));
            return EventCodec.exchangeMicros(record);
        }
    }

    /** An overview document as the collector published it (key {@code kind:timeMicros}, JSON value). */
    static final class Overview implements QuestDbSink.Row<OverviewRecord> {
        @Override
        public long write(Sender sender, OverviewRecord r) {
            sender.table(ClusterTables.OVERVIEW).symbol("kind", OverviewCodec.kindOf(r.key))
                    .longColumn("digest", ClusterTables.digest(r.value))
                    .stringColumn("body", new String(r.value, StandardCharsets.UTF_8));
            return OverviewCodec.timeOf(r.key);
        }
    }
}
