package dev.cascade.app;

import picocli.CommandLine.Option;

/** {@code --quiet}, shared by the commands that show progress on a terminal. */
final class QuietOption {
    @Option(names = "--quiet", description = "No progress line on stderr (shown only when stderr is a terminal).")
    boolean isQuiet;

    boolean isProgressShown() {
        return ProgressLine.isWanted(isQuiet);
    }
}
