package dev.cascade.benchmarks;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONReader;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.MarketListener;
import dev.cascade.venues.codec.CsvRow;
import dev.cascade.venues.codec.JsonTape;
import dev.cascade.venues.tardis.TardisTradesDecoder;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Why the hot path has hand-written parsers: the same aggTrade frame and Tardis row, read into the same
 * values, by Cascade's tape and splitter and by the libraries used everywhere else (Jackson's streaming and
 * tree APIs, FastCSV). Jackson is also given its best case: fast double parsing on, numbers read as numbers
 * (prices, sent as strings, straight to {@code double}), a reused {@link ObjectReader} binding to a class; and
 * fastjson2, the fastest general library in the project's research, beside it. {@link #setUp} checks that
 * every variant reads the same values.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class ParserComparisonBenchmark {
    private final JsonTape tape = new JsonTape();
    private final CsvRow row = new CsvRow();
    private final JsonFactory jsonFactory = new JsonFactory();
    private final ObjectMapper mapper = new ObjectMapper();
    /** Jackson at its fastest for this shape: fast double parsing, a reader built once and reused per frame. */
    private final JsonFactory fastFactory = JsonFactory.builder().enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER).build();
    private final ObjectReader jacksonReader = new ObjectMapper(fastFactory).readerFor(AggTradeFrame.class);
    private final CsvReader.CsvReaderBuilder csv = CsvReader.builder();
    private byte[] aggTrade;
    private byte[] tardisRow;
    private String tardisLine;
    private TardisTradesDecoder tardis;

    /** The fields every variant reads, bound by Jackson and fastjson2 (public fields, names as sent). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public static final class AggTradeFrame {
        public AggTrade data;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public static final class AggTrade {
        public double p;
        public double q;
        public long a;
        public long T;
        public boolean m;

        @Override
        public String toString() {
            return p + " " + q + " " + a + " " + T + " " + m;
        }
    }

    @Setup
    public void setUp() throws IOException {
        aggTrade = Frames.bytes(Frames.AGG_TRADE);
        tardisLine = Frames.TARDIS_ROW;
        tardisRow = Frames.bytes(Frames.TARDIS_ROW);
        tardis = TardisTradesDecoder.trades(new InstrumentRegistry());
        String expected = "103012.4 0.125 2712345678 1749132000207 true";
        String jackson = ((AggTradeFrame) jacksonReader.readValue(aggTrade)).data.toString();
        String fastjson = JSON.parseObject(aggTrade, AggTradeFrame.class).data.toString();
        AggTrade streamed = new AggTrade();
        jacksonFastStreaming(streamed);
        if (!expected.equals(jackson) || !expected.equals(fastjson) || !expected.equals(streamed.toString())) {
            throw new IllegalStateException("variants disagree: " + jackson + " / " + fastjson + " / " + streamed);
        }
    }

    @Benchmark
    public void aggTradeCascadeTape(Blackhole hole) {
        tape.parse(aggTrade, 0, aggTrade.length);
        int data = tape.member(0, DATA);
        byte[] b = tape.buffer();
        for (int k = tape.firstKey(data); k >= 0; k = tape.nextKey(data, k)) {
            if (tape.length(k) == 1) {
                switch (b[tape.start(k)]) {
                    case 'p', 'q' -> hole.consume(tape.number(k + 1));
                    case 'a', 'T' -> hole.consume(tape.integer(k + 1));
                    case 'm' -> hole.consume(tape.kind(k + 1) == JsonTape.TRUE);
                    default -> { }
                }
            }
        }
    }

    @Benchmark
    public void aggTradeJacksonStreaming(Blackhole hole) throws IOException {
        try (JsonParser p = jsonFactory.createParser(aggTrade)) {
            while (p.nextToken() != null) {
                if (p.currentToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    switch (name) {
                        case "p", "q" -> hole.consume(Double.parseDouble(p.getText()));
                        case "a", "T" -> hole.consume(p.getLongValue());
                        case "m" -> hole.consume(p.getBooleanValue());
                        default -> { }
                    }
                }
            }
        }
    }

    /** Jackson's streaming API at its best: fast doubles, numbers as numbers, canonical field names. */
    @Benchmark
    public Object aggTradeJacksonStreamingFast() throws IOException {
        return jacksonFastStreaming(new AggTrade());
    }

    private AggTrade jacksonFastStreaming(AggTrade out) throws IOException {
        try (JsonParser p = fastFactory.createParser(aggTrade)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    switch (name) {
                        case "p" -> out.p = p.getValueAsDouble();
                        case "q" -> out.q = p.getValueAsDouble();
                        case "a" -> out.a = p.getLongValue();
                        case "T" -> out.T = p.getLongValue();
                        case "m" -> out.m = p.getBooleanValue();
                        default -> { }
                    }
                }
            }
        }
        return out;
    }

    /** Jackson databind with a reused {@link ObjectReader} into a class: how a service would normally read it. */
    @Benchmark
    public Object aggTradeJacksonObjectReader() throws IOException {
        return jacksonReader.readValue(aggTrade);
    }

    /** fastjson2 binding the same class. */
    @Benchmark
    public Object aggTradeFastjson2() {
        return JSON.parseObject(aggTrade, AggTradeFrame.class);
    }

    /** fastjson2's streaming reader, field by field (the closest to the tape's work). */
    @Benchmark
    public Object aggTradeFastjson2Reader() {
        AggTrade out = new AggTrade();
        try (JSONReader r = JSONReader.of(aggTrade)) {
            r.nextIfObjectStart();
            while (!r.nextIfObjectEnd()) {
                if ("data".equals(r.readFieldName())) {
                    r.nextIfObjectStart();
                    while (!r.nextIfObjectEnd()) {
                        switch (r.readFieldName()) {
                            case "p" -> out.p = r.readDoubleValue();
                            case "q" -> out.q = r.readDoubleValue();
                            case "a" -> out.a = r.readInt64Value();
                            case "T" -> out.T = r.readInt64Value();
                            case "m" -> out.m = r.readBoolValue();
                            default -> r.skipValue();
                        }
                    }
                } else {
                    r.skipValue();
                }
            }
        }
        return out;
    }

    @Benchmark
    public void aggTradeJacksonTree(Blackhole hole) throws IOException {
        JsonNode d = mapper.readTree(aggTrade).path("data");
        hole.consume(Double.parseDouble(d.path("p").asText()));
        hole.consume(Double.parseDouble(d.path("q").asText()));
        hole.consume(d.path("a").asLong());
        hole.consume(d.path("T").asLong());
        hole.consume(d.path("m").asBoolean());
    }

    @Benchmark
    public Object tardisRowCascade() {
        row.split(tardisRow, 0, tardisRow.length);
        return tardis.decode(row, NOTHING);
    }

    @Benchmark
    public void tardisRowFastCsv(Blackhole hole) {
        CsvRecord r = csv.ofSingleCsvRecord(tardisLine);
        hole.consume(r.getField(0));
        hole.consume(r.getField(1));
        hole.consume(Long.parseLong(r.getField(2)));
        hole.consume(Long.parseLong(r.getField(3)));
        hole.consume(Long.parseLong(r.getField(4)));
        hole.consume(r.getField(5).equals("sell"));
        hole.consume(Double.parseDouble(r.getField(6)));
        hole.consume(Double.parseDouble(r.getField(7)));
    }

    private static final MarketListener NOTHING = new MarketListener() { };
    private static final byte[] DATA = {'d', 'a', 't', 'a'};
}
