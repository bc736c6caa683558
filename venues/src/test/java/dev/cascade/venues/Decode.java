package dev.cascade.venues;

import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.Venue;
import dev.cascade.testkit.CapturingListener;
import dev.cascade.venues.codec.CsvRow;
import dev.cascade.venues.codec.JsonTape;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Runs frames and rows through decoders for tests, with the project's own metadata fixtures loaded. */
public final class Decode {
    /** The receive time the tests stamp on frames: 2025-06-05T14:00:00.150123Z. */
    public static final long RECEIVED = 1_749_132_000_150_123L;

    private Decode() {
    }

    /** What one input did: its kind and the events and rejects it produced. */
    public record Result(FrameKind kind, CapturingListener events) {
    }

    /** Decoders over a registry holding every metadata fixture of {@code /metadata} (each venue adds its own). */
    public static VenueDecoders withMetadata() {
        VenueDecoders decoders = new VenueDecoders(new InstrumentRegistry());
        for (String name : metadataFixtures()) {
            byte[] body = resource("/metadata/" + name);
            try {
                decoders.loadMetadata(null, body, 0, body.length);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return decoders;
    }

    private static List<String> metadataFixtures() {
        try (Stream<Path> files = Files.list(Path.of(Decode.class.getResource("/metadata").toURI()))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot list the metadata fixtures", e);
        }
    }

    /** Decoders that know nothing: every symbol is placed by convention or not at all. */
    public static VenueDecoders withoutMetadata() {
        return new VenueDecoders(new InstrumentRegistry());
    }

    public static Result frame(VenueDecoders decoders, Venue venue, String json) {
        return frame(decoders, venue, json, RECEIVED);
    }

    public static Result frame(VenueDecoders decoders, Venue venue, String json, long receiveMicros) {
        return frame(decoders.forVenue(venue), json, receiveMicros);
    }

    public static Result frame(FrameDecoder decoder, String json, long receiveMicros) {
        CapturingListener out = new CapturingListener();
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        JsonTape tape = new JsonTape();
        if (!tape.parse(b, 0, b.length)) {
            out.onReject(tape.error());
            return new Result(FrameKind.REJECTED, out);
        }
        return new Result(decoder.decode(tape, 0, receiveMicros, out), out);
    }

    /** Decodes each line as a row; the result's kind is the last row's. */
    public static Result rows(RowDecoder decoder, String... lines) {
        CapturingListener out = new CapturingListener();
        CsvRow row = new CsvRow();
        FrameKind kind = FrameKind.IGNORED;
        for (String line : lines) {
            byte[] b = line.getBytes(StandardCharsets.UTF_8);
            if (!row.split(b, 0, b.length)) {
                out.onReject(dev.cascade.model.Reject.MALFORMED_CSV);
                kind = FrameKind.REJECTED;
                continue;
            }
            kind = decoder.decode(row, out);
        }
        return new Result(kind, out);
    }

    public static byte[] resource(String path) {
        try (InputStream in = Decode.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
