package dev.cascade.app;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * Where a run keeps its events. {@code live} and {@code record} store by default in ~/.cascade/store when they
 * read the real venues; a simulator's events are not kept unless {@code --store} says where.
 */
final class StoreOptions {
    static final Path DEFAULT = Paths.get(System.getProperty("user.home"), ".cascade", "store");

    @Option(names = "--store", paramLabel = "DIR", description = "Keep events in the embedded store in DIR "
            + "(live and record against the venues: ~/.cascade/store unless --no-store).")
    Path directory;

    @Option(names = "--no-store", description = "Keep nothing.")
    boolean isOff;

    @Option(names = "--store-trades", description = "Keep every trade too (by default liquidations, open interest, "
            + "mark prices and funding).")
    boolean isStoringTrades;

    @Option(names = "--store-days", defaultValue = "35", paramLabel = "N",
            description = "Drop stored days older than N (default 35).")
    int retentionDays;

    /** The storage to use, or null; {@code isDefaultOn} for runs that store unless told not to. */
    Storage open(CommandLine.Model.CommandSpec spec, boolean isDefaultOn) throws IOException {
        if (retentionDays < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--store-days must be at least 1");
        }
        if (isOff && directory != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--store and --no-store exclude each other");
        }
        Path dir = isOff ? null : directory != null ? directory : isDefaultOn ? DEFAULT : null;
        return dir == null ? null : Storage.open(dir, isStoringTrades, retentionDays);
    }
}
