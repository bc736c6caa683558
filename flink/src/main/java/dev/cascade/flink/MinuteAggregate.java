package dev.cascade.flink;

import dev.cascade.kafka.EventDecoder;
import dev.cascade.model.InstrumentRegistry;
import org.apache.flink.api.common.functions.AggregateFunction;

/**
 * Cascade's aggregators as a Flink {@link AggregateFunction}: each record is decoded and counted as it arrives
 * ({@link MinuteAccumulator}), accumulators of the same window merge with the aggregators' own {@code merge},
 * and the result is their read-out. Window functions may not be rich, so the decoder is made on first use in
 * each task.
 */
public final class MinuteAggregate implements AggregateFunction<byte[], MinuteAccumulator, InstrumentMinute> {
    private transient EventDecoder decoder;

    @Override
    public MinuteAccumulator createAccumulator() {
        return new MinuteAccumulator();
    }

    @Override
    public MinuteAccumulator add(byte[] record, MinuteAccumulator accumulator) {
        if (decoder == null) {
            decoder = new EventDecoder(new InstrumentRegistry());
        }
        accumulator.add(record, decoder);
        return accumulator;
    }

    @Override
    public InstrumentMinute getResult(MinuteAccumulator accumulator) {
        return accumulator.readOut();
    }

    @Override
    public MinuteAccumulator merge(MinuteAccumulator a, MinuteAccumulator b) {
        a.merge(b);
        return a;
    }
}
