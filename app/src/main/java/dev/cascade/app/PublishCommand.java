package dev.cascade.app;

import dev.cascade.ingest.ReadStats;
import dev.cascade.kafka.KafkaEventSink;
import dev.cascade.model.InstrumentRegistry;
import dev.cascade.venues.VenueDecoders;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cascade publish FILE... --sink kafka}: recordings and archives into Cascade's Kafka topics, as the
 * collector would have published them, for a recount by the job. Files are read as {@code replay} reads them
 * (merged in exchange-time order); events go out unchanged, repeats included (the job removes them as replay does),
 * and the overview documents (CoinGecko, Fear &amp; Greed) to the overview topic, for {@code serve --source kafka}.
 */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = {"Publishes recordings and archives to Kafka (--sink kafka) for a recount by the Flink job.",
                "Market events go to PREFIXliquidations, PREFIXtrades and PREFIXmarket; the CoinGecko and Fear & Greed "
                        + "documents to PREFIXoverview, which serve --source kafka reads."})
final class PublishCommand implements Callable<Integer> {
    /** Seconds between progress lines. */
    private static final long PROGRESS_MILLIS = 5_000;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Recordings (.jsonl[.gz]) and archives, as replay reads them.")
    List<Path> files;

    @Option(names = "--sink", paramLabel = "kafka", required = true, description = "Where to publish: kafka.")
    String sink;

    @Option(names = "--max-line-bytes", defaultValue = "16777216", paramLabel = "BYTES", hidden = true)
    int maxLineBytes;

    @CommandLine.Mixin
    KafkaOptions kafka;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Ends the read early: the broker has lost events, the rest would be lost too. */
    private static final class Lost extends RuntimeException {
        Lost() {
            super(null, null, false, false);
        }
    }

    @Override
    public Integer call() throws Exception {
        try {
            KafkaOptions.isKafka(sink, "--sink");
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        long totalBytes = 0;
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                throw new NoSuchFileException(f.toString());
            }
            totalBytes += Files.size(f);
        }
        PrintWriter err = spec.commandLine().getErr();
        ReadStats stats = new ReadStats();
        KafkaEventSink out = kafka.openSink(err);
        long total = totalBytes;
        long[] nextProgress = {System.currentTimeMillis() + PROGRESS_MILLIS};
        try {
            ReplayJob.read(files, new VenueDecoders(new InstrumentRegistry()), stats, maxLineBytes, out, bytes -> {
                if (out.failed() > 0) {
                    throw new Lost();
                }
                long now = System.currentTimeMillis();
                if (now >= nextProgress[0]) {
                    err.printf("Publishing: %,d of %,d MB read, %,d events sent, %,d acknowledged%n", bytes >> 20,
                            total >> 20, out.sent(), out.acknowledged());
                    err.flush();
                    nextProgress[0] = now + PROGRESS_MILLIS;
                }
            });
        } catch (Lost e) {
            // reported below with the count
        } finally {
            out.close();
        }
        err.printf("Published %,d events from %d file(s) to Kafka at %s (%,d acknowledged, %,d lost)%n", out.sent(),
                files.size(), kafka.bootstrap, out.acknowledged(), out.lost());
        for (ReadStats.Damage d : stats.damaged()) {
            err.println("cascade: " + d.input() + ": " + d.reason());
        }
        String lost = kafka.lostLine(out);
        if (lost != null) {
            err.println(lost);
            return 1;
        }
        if (out.sent() == 0) {
            err.println("cascade: nothing usable was read");
            return Main.NOTHING_USABLE;
        }
        return stats.damaged().isEmpty() ? 0 : Main.DAMAGED;
    }
}
