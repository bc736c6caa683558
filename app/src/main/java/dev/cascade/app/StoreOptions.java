package dev.cascade.app;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * Where a run keeps its events. {@code live} and {@code record} store by default in ~/.cascade/store when they
 * read the real venues; a simulator's events are not kept unless {@code --store} says where. Retention belongs
 * to the store: a writer given {@code --store-days} changes it, and only writers apply it; a command that only
 * reads the store refuses the option.
 */
final class StoreOptions {
    static final Path DEFAULT = Paths.get(System.getProperty("user.home"), ".cascade", "store");

    @Option(names = "--store", paramLabel = "DIR", description = "The embedded store in DIR (live and record against "
            + "the venues keep events in ~/.cascade/store unless --no-store).")
    Path directory;

    @Option(names = "--no-store", description = "Keep nothing.")
    boolean isOff;

    @Option(names = "--store-trades", description = "Keep every trade too (by default liquidations, open interest, "
            + "mark prices, funding, the overview and the minute bars).")
    boolean isStoringTrades;

    @Option(names = "--store-days", paramLabel = "N", description = "Set the store's retention: the writer drops "
            + "days older than N before the latest event (a new store keeps 35; the setting is kept in the store).")
    Integer retentionDays;

    /** The storage a writing command uses, or null; {@code isDefaultOn} for runs that store unless told not to. */
    Storage openForWriting(CommandLine.Model.CommandSpec spec, boolean isDefaultOn) throws IOException {
        if (retentionDays != null && retentionDays < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--store-days must be at least 1");
        }
        if (isOff && directory != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--store and --no-store exclude each other");
        }
        Path dir = isOff ? null : directory != null ? directory : isDefaultOn ? DEFAULT : null;
        return dir == null ? null : Storage.openForWriting(dir, isStoringTrades, retentionDays);
    }

    /** The storage a reading command uses (read-only), or null without {@code --store}. */
    Storage openForReading(CommandLine.Model.CommandSpec spec) throws IOException {
        checkReadOnly(spec);
        return directory == null ? null : Storage.openForReading(directory);
    }

    /** Refuses, in one line, the options only a writer can honour. */
    void checkReadOnly(CommandLine.Model.CommandSpec spec) {
        String command = spec.commandLine().getCommandName();
        if (retentionDays != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--store-days: retention belongs to the "
                    + "store's writer (live, record, serve with files); " + command + " only reads the store");
        }
        if (isStoringTrades) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--store-trades: " + command
                    + " only reads the store");
        }
    }
}
