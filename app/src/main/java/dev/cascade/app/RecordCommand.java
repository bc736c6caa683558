package dev.cascade.app;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cascade record --out DIR}: the live run, recording, with a status line every 10 s instead of the screen. */
@Command(name = "record", mixinStandardHelpOptions = true,
        description = "Records the venues' (or a simulator's) frames as rotating gzip recordings that cascade replay reads.")
final class RecordCommand extends LiveCommand {
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for the recordings.")
    Path out;

    @Override
    boolean hasScreen() {
        return false;
    }

    @Override
    Path recordDirectory() {
        return out;
    }
}
