package dev.cascade.flink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.apache.flink.api.common.serialization.SerializationSchema;

/** An instrument-minute as the JSON value of a results record: its public fields, by name. */
public final class MinuteJson implements SerializationSchema<InstrumentMinute> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public byte[] serialize(InstrumentMinute minute) {
        try {
            return JSON.writeValueAsBytes(minute);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an instrument-minute always serializes", e);
        }
    }

    /** The reverse, for consumers and tests. */
    public static InstrumentMinute parse(byte[] json) throws IOException {
        return JSON.readValue(json, InstrumentMinute.class);
    }
}
