package dev.cascade.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.model.Candle;
import dev.cascade.model.Checks;
import dev.cascade.model.FundingRate;
import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.Liquidation;
import dev.cascade.model.MarkPrice;
import dev.cascade.model.MarketListener;
import dev.cascade.model.OpenInterest;
import dev.cascade.model.Reject;
import dev.cascade.model.Side;
import dev.cascade.model.Trade;
import dev.cascade.venues.VenueDecoders;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile input against the whole read path (detect, read, decode, check), with the built-in recording as the
 * clean file. Three properties:
 * <ol>
 *   <li>garbage added to a clean file changes none of its figures: every field each decoder reads, set to
 *       each hostile value (infinite, huge, negative, wrong type, missing, far future), plus truncated lines,
 *       random bytes and blank lines, only adds rejections, one per garbage line;</li>
 *   <li>random bit flips and truncations of the recording never throw, and every event that comes out is
 *       plausible (finite, within its kind's bounds, not after its clock);</li>
 *   <li>the counts add up: data + control + ignored + rejected items = items read.</li>
 * </ol>
 * The budget is {@code -Dfuzz.iterations=N} (default 40: a few seconds) and the seed {@code -Dfuzz.seed=S};
 * a failure names the seed and iteration to replay.
 */
class HostileInputFuzzTest {
    private static final Path SAMPLE = Path.of("..", "samples", "btc-drop-2025-06-05.jsonl");
    private static final int ITERATIONS = Integer.getInteger("fuzz.iterations", 40);
    private static final long SEED = Long.getLong("fuzz.seed", 20261207L);

    /** Values that no field a decoder reads may accept: each must turn its line into a rejection. */
    private static final String[] HOSTILE = {"\"1e400\"", "-1e400", "1e300", "\"1e18\"", "\"-5\"", "-0.0001",
        "\"NaN\"", "\"Infinity\"", "\"abc\"", "{}", "[]", "null", "\"\"", "true"};
    /** 2099-12-31 in milliseconds: before the absolute bound, decades after the recording's clock. */
    private static final String YEAR_2099_MS = "4102358400000";

    /**
     * The fields each frame kind's decoder reads and requires, found by a marker in the line. Fields with a
     * documented fallback (forceOrder T to E, aggTrade a to f, OKX funding ts to the receive time) are mutated
     * but never removed, and ids, which any integer satisfies, are left out.
     */
    private record Kind(String marker, List<String> fields, List<String> times, boolean canRemove, boolean canBeEmpty) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("\"e\":\"forceOrder\"", List.of("s", "S", "p", "ap", "z", "T"), List.of("T"), false, true),
            new Kind("\"e\":\"aggTrade\"", List.of("s", "p", "q", "T"), List.of("T"), false, true),
            new Kind("\"e\":\"markPriceUpdate\"", List.of("s", "p", "E"), List.of("E"), true, true),
            new Kind("\"topic\":\"allLiquidation", List.of("s", "S", "v", "p", "T"), List.of("T"), true, true),
            new Kind("\"topic\":\"publicTrade", List.of("s", "S", "v", "p", "T"), List.of("T"), true, true),
            new Kind("\"topic\":\"tickers", List.of("markPrice", "indexPrice", "fundingRate", "openInterest",
                    "openInterestValue"), List.of("ts"), false, false),
            new Kind("\"channel\":\"liquidation-orders\",\"instType\":\"SWAP\"},\"data\"", List.of("sz", "bkPx", "ts"), List.of("ts"), true,
                    true),
            new Kind("\"channel\":\"trades\",\"instId\"", List.of("instId", "px", "sz", "side", "ts"), List.of("ts"),
                    true, true),
            new Kind("\"channel\":\"open-interest\",\"instId\":\"BTC-USDT-SWAP\"},\"data\"", List.of("oi", "ts"),
                    List.of("ts"), true, true),
            new Kind("\"channel\":\"funding-rate\",\"instId\":\"BTC-USDT-SWAP\"},\"data\"", List.of("fundingRate"),
                    List.of(), false, true));

    @TempDir
    Path dir;

    /** The figures of one read: events and USD by kind and side, rejections by reason, and plausibility. */
    static final class Figures implements MarketListener {
        final Map<Side, Double> liquidationUsd = new EnumMap<>(Side.class);
        final Map<Reject, Integer> rejects = new EnumMap<>(Reject.class);
        long liquidations;
        long trades;
        double tradeUsd;
        long openInterest;
        double openInterestUsd;
        long markPrices;
        double markPriceSum;
        long fundingRates;
        double fundingSum;
        long candles;
        final List<String> implausible = new ArrayList<>();

        @Override
        public void onLiquidation(Liquidation e) {
            liquidations++;
            liquidationUsd.merge(e.side(), e.usd(), Double::sum);
            check(e, Checks.sizeAndPrice(e.quantity(), e.price()), Checks.orderUsd(e.usd()),
                    Checks.time(e.exchangeMicros(), e.receiveMicros()));
        }

        @Override
        public void onTrade(Trade e) {
            trades++;
            tradeUsd += e.usd();
            check(e, Checks.sizeAndPrice(e.quantity(), e.price()), Checks.orderUsd(e.usd()),
                    Checks.time(e.exchangeMicros(), e.receiveMicros()));
        }

        @Override
        public void onOpenInterest(OpenInterest e) {
            openInterest++;
            openInterestUsd += Double.isNaN(e.usd()) ? 0 : e.usd();
            check(e, Checks.openInterest(e.quantity(), e.usd()), Checks.time(e.exchangeMicros(), e.receiveMicros()));
        }

        @Override
        public void onMarkPrice(MarkPrice e) {
            markPrices++;
            markPriceSum += e.markPrice();
            check(e, Checks.price(e.markPrice()), Double.isNaN(e.indexPrice()) ? null : Checks.price(e.indexPrice()),
                    Checks.time(e.exchangeMicros(), e.receiveMicros()));
        }

        @Override
        public void onFundingRate(FundingRate e) {
            fundingRates++;
            fundingSum += e.rate();
            check(e, Checks.fundingRate(e.rate()), Checks.time(e.exchangeMicros(), e.receiveMicros()));
        }

        @Override
        public void onCandle(Candle e) {
            candles++;
        }

        @Override
        public void onReject(Reject reason) {
            rejects.merge(reason, 1, Integer::sum);
        }

        private void check(Object event, Reject... problems) {
            for (Reject r : problems) {
                if (r != null) {
                    implausible.add(r + ": " + event);
                }
            }
        }

        int rejectCount() {
            return rejects.values().stream().mapToInt(Integer::intValue).sum();
        }

        /** Everything but the rejections: what a clean file and the same file with garbage must share. */
        String figures() {
            return "liquidations " + liquidations + " " + liquidationUsd + ", trades " + trades + " $" + tradeUsd
                    + ", open interest " + openInterest + " $" + openInterestUsd + ", mark prices " + markPrices + " "
                    + markPriceSum + ", funding " + fundingRates + " " + fundingSum + ", candles " + candles;
        }
    }

    private record Read(Figures figures, ReadStats stats) {
    }

    private static Read read(Path file) throws IOException {
        ReadStats stats = new ReadStats();
        Figures figures = new Figures();
        try (InputFiles opener = new InputFiles(new VenueDecoders(new InstrumentRegistry()), stats, 1 << 20)) {
            List<FrameSource> sources = new ArrayList<>();
            opener.open(file, figures).stream().filter(i -> i.source() != null).forEach(i -> sources.add(i.source()));
            TimeMerge.run(sources, figures, items -> { });
        }
        assertThat(stats.data() + stats.control() + stats.ignored() + stats.rejected()).as("items partitioned")
                .isEqualTo(stats.items());
        assertThat(figures.implausible).as("implausible events that got through").isEmpty();
        return new Read(figures, stats);
    }

    private static List<String> sampleLines() throws IOException {
        return Files.readAllLines(SAMPLE, StandardCharsets.UTF_8);
    }

    /** Every value of {@code field} in {@code line} replaced by {@code value}, or the field removed when null. */
    private static String mutate(String line, String field, String value) {
        int frame = line.indexOf("\"frame\":");
        return line.substring(0, frame) + mutateFrame(line.substring(frame), field, value);
    }

    private static String mutateFrame(String line, String field, String value) {
        Matcher m = Pattern.compile("(,?)\"" + Pattern.quote(field) + "\":(\"[^\"]*\"|-?[0-9][0-9.eE+-]*)").matcher(line);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String replacement = value == null ? "" : m.group(1) + "\"" + field + "\":" + value;
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(sb);
        String out = sb.toString();
        return value == null ? out.replace("{,", "{") : out;
    }

    /** One hostile line per (kind, field, value), each from the first frame of its kind in the recording. */
    private static List<String> fieldMutations(List<String> lines) {
        List<String> garbage = new ArrayList<>();
        for (Kind kind : KINDS) {
            String template = lines.stream().filter(l -> l.contains(kind.marker())).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + kind.marker() + " in the sample"));
            for (String field : kind.fields()) {
                for (String value : HOSTILE) {
                    if (!kind.canBeEmpty() && value.equals("\"\"")) {
                        continue; // a Bybit ticker's empty field means "unchanged"
                    }
                    if (field.equals("fundingRate") && value.equals("-0.0001")) {
                        continue; // negative funding is real
                    }
                    garbage.add(mutated(template, field, value));
                }
                if (kind.canRemove()) {
                    garbage.add(mutated(template, field, null));
                }
            }
            for (String time : kind.times()) {
                garbage.add(mutated(template, time, kind.marker().contains("\"e\":") ? YEAR_2099_MS
                        : "\"" + YEAR_2099_MS + "\""));
            }
            // a line whose envelope says it was received in 2099, after the file was written
            garbage.add(template.replaceFirst("^\\{\"ts\":\\d+", "{\"ts\":" + YEAR_2099_MS + "000"));
        }
        return garbage;
    }

    private static String mutated(String template, String field, String value) {
        String line = mutate(template, field, value);
        assertThat(line).as("%s of %s changed", field, template).isNotEqualTo(template);
        return line;
    }

    /** A line that cannot be read: cut short, or noise. */
    private static String noise(Random random, List<String> lines) {
        if (random.nextBoolean()) {
            String line = lines.get(random.nextInt(lines.size()));
            return line.substring(0, 1 + random.nextInt(line.length() - 2));
        }
        byte[] bytes = new byte[1 + random.nextInt(200)];
        random.nextBytes(bytes);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n' || bytes[i] == '\r') {
                bytes[i] = '#';
            }
        }
        bytes[0] = '~'; // not a digit (a cryptofeed prefix) nor a space: one item, unreadable
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    @Test
    void shouldKeepEveryFigureOfTheCleanRecordingWhenGarbageIsAdded() throws IOException {
        List<String> lines = sampleLines();
        Path clean = Files.write(dir.resolve("clean.jsonl"), lines);
        Read before = read(clean);
        assertThat(before.figures().liquidations).isEqualTo(1459);
        assertThat(before.figures().rejects).isEmpty();

        Random random = new Random(SEED);
        List<String> garbage = new ArrayList<>(fieldMutations(lines));
        for (int i = 0; i < ITERATIONS * 10; i++) {
            garbage.add(noise(random, lines));
        }
        List<String> dirty = new ArrayList<>(lines);
        int blank = 0;
        for (String g : garbage) {
            dirty.add(1 + random.nextInt(dirty.size() - 1), g); // anywhere after the first line, which names the format
            if (random.nextInt(10) == 0) {
                dirty.add(1 + random.nextInt(dirty.size() - 1), "  ");
                blank++;
            }
        }
        Path file = dir.resolve("dirty.jsonl");
        Files.write(file, dirty, StandardCharsets.ISO_8859_1);
        Read after = read(file);

        if (!after.figures().figures().equals(before.figures().figures())) {
            assertThat(acceptedGarbage(lines, garbage, before)).as("garbage lines that changed a figure").isEmpty();
        }
        assertThat(after.figures().figures()).as("seed %d", SEED).isEqualTo(before.figures().figures());
        assertThat(after.stats().items()).isEqualTo(before.stats().items() + garbage.size());
        assertThat(after.stats().rejected()).isEqualTo(before.stats().rejected() + garbage.size());
        // one rejected item per garbage line; at least one rejection each (a mark price array rejects every entry)
        assertThat(after.figures().rejectCount()).isGreaterThanOrEqualTo(before.figures().rejectCount() + garbage.size());
        assertThat(after.stats().blankLines()).isEqualTo(blank);
        assertThat(after.figures().rejects).containsKeys(Reject.NOT_A_NUMBER, Reject.WRONG_TYPE, Reject.MISSING_FIELD,
                Reject.IMPLAUSIBLE_PRICE, Reject.IMPLAUSIBLE_SIZE, Reject.IMPLAUSIBLE_TIME, Reject.NON_POSITIVE_PRICE,
                Reject.NON_POSITIVE_SIZE, Reject.MALFORMED_JSON);
    }

    /** On failure only: which garbage lines, each added alone to the clean file, changed its figures. */
    private List<String> acceptedGarbage(List<String> lines, List<String> garbage, Read clean) throws IOException {
        List<String> accepted = new ArrayList<>();
        for (String g : garbage) {
            List<String> one = new ArrayList<>(lines);
            one.add(g);
            Path file = dir.resolve("one.jsonl");
            Files.write(file, one, StandardCharsets.ISO_8859_1);
            if (!read(file).figures().figures().equals(clean.figures().figures())) {
                accepted.add(g);
            }
        }
        return accepted;
    }

    @Test
    void shouldNeverLetAnImplausibleEventThroughRandomBitFlipsAndTruncations() throws IOException {
        byte[] clean = Files.readAllBytes(SAMPLE);
        Random random = new Random(SEED + 1);
        long events = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            byte[] bytes = clean.clone();
            int flips = 1 + random.nextInt(200);
            for (int f = 0; f < flips; f++) {
                int at = random.nextInt(bytes.length);
                bytes[at] ^= (byte) (1 << random.nextInt(8));
            }
            int length = random.nextInt(4) == 0 ? random.nextInt(bytes.length) : bytes.length;
            Path file = dir.resolve("flipped-" + i + (i % 3 == 0 ? ".jsonl.gz" : ".jsonl"));
            if (i % 3 == 0) {
                ByteArrayOutputStream gz = new ByteArrayOutputStream();
                try (OutputStream out = new GZIPOutputStream(gz)) {
                    out.write(bytes, 0, length);
                }
                byte[] zipped = gz.toByteArray();
                Files.write(file, java.util.Arrays.copyOf(zipped, random.nextBoolean() ? zipped.length
                        : random.nextInt(zipped.length)));
            } else {
                Files.write(file, java.util.Arrays.copyOf(bytes, length));
            }
            Read r = read(file); // throws nothing; every event checked inside
            events += r.figures().liquidations + r.figures().trades;
            assertThat(r.figures().liquidations).as("seed %d iteration %d", SEED + 1, i).isLessThanOrEqualTo(1459 + 2);
        }
        assertThat(events).as("bit flips leave most of the recording readable").isPositive();
    }
}
