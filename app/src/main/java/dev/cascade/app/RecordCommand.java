package dev.cascade.app;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cascade record --out DIR | --sink kafka}: the live run, recording, with a status line every 10 s instead of the screen. */
@Command(name = "record", mixinStandardHelpOptions = true,
        description = "Records the venues' (or a simulator's) frames as rotating gzip recordings that cascade replay "
                + "reads (--out), or their normalized events to Kafka (--sink kafka), or both.")
final class RecordCommand extends LiveCommand {
    @Option(names = "--out", paramLabel = "DIR", description = "Directory for the recordings.")
    Path out;

    @Override
    void checkOutputs() {
        if (out == null && !isKafkaSink()) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "record needs --out DIR, --sink kafka, or both");
        }
    }

    @Override
    boolean hasScreen() {
        return false;
    }

    @Override
    Path recordDirectory() {
        return out;
    }
}
