package dev.cascade.flink;

import java.io.IOException;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A record of the overview topic, key and value as the collector wrote them (a Flink POJO). */
public final class OverviewRecord {
    public byte[] key;
    public byte[] value;

    /**
     * Reads a record whole; one without a key or value, or whose key has no time, is skipped and counted (metric
     * {@code malformedOverview}): a QuestDB row needs its time.
     */
    static final class Reader implements KafkaRecordDeserializationSchema<OverviewRecord> {
        private transient org.apache.flink.metrics.Counter malformed;

        @Override
        public void open(org.apache.flink.api.common.serialization.DeserializationSchema.InitializationContext context) {
            malformed = context.getMetricGroup().counter("malformedOverview");
        }

        @Override
        public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<OverviewRecord> out) throws IOException {
            if (record.key() == null || record.value() == null
                    || dev.cascade.kafka.OverviewCodec.timeOf(record.key()) == Long.MIN_VALUE) {
                if (malformed != null) {
                    malformed.inc();
                }
                return;
            }
            OverviewRecord r = new OverviewRecord();
            r.key = record.key();
            r.value = record.value();
            out.collect(r);
        }

        @Override
        public TypeInformation<OverviewRecord> getProducedType() {
            return TypeInformation.of(OverviewRecord.class);
        }
    }
}
