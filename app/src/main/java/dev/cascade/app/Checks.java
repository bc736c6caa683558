package dev.cascade.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine;

/**
 * Each option checked on its own, so that an error names the one option that broke a rule; and paths checked
 * before any work, so that an error names the path and the reason. A usage error becomes "cascade: MESSAGE" and
 * "see `cascade CMD --help`" (see {@link Main}); a path error one line.
 */
final class Checks {
    private Checks() {
    }

    /** A path that cannot be used: one line on stderr, exit code 1. */
    static final class PathException extends RuntimeException {
        PathException(Path path, String reason) {
            super(path + ": " + reason);
        }

        PathException(String option, Path path, String reason) {
            super(option + " " + path + ": " + reason);
        }
    }

    static CommandLine.ParameterException usage(CommandLine.Model.CommandSpec spec, String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    static void atLeast(CommandLine.Model.CommandSpec spec, String option, double value, double min) {
        if (!(value >= min) || Double.isInfinite(value)) {
            throw usage(spec, option + " must be at least " + number(min) + ", not " + number(value));
        }
    }

    static void between(CommandLine.Model.CommandSpec spec, String option, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw usage(spec, option + " must be " + number(min) + " to " + number(max) + ", not " + number(value));
        }
    }

    static void positive(CommandLine.Model.CommandSpec spec, String option, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw usage(spec, option + " must be a positive number, not " + number(value));
        }
    }

    static void port(CommandLine.Model.CommandSpec spec, String option, int port) {
        if (port < 0 || port > 65_535) {
            throw usage(spec, option + " must be 0 to 65535 (0 picks a free port), not " + port);
        }
    }

    /** A duration (when given) of at least {@code min}. */
    static void atLeast(CommandLine.Model.CommandSpec spec, String option, Duration value, Duration min) {
        if (value != null && value.compareTo(min) < 0) {
            throw usage(spec, option + " must be at least " + Durations.format(min) + ", not " + Durations.format(value));
        }
    }

    /** A duration (when given) longer than zero. */
    static void positive(CommandLine.Model.CommandSpec spec, String option, Duration value) {
        if (value != null && (value.isNegative() || value.isZero())) {
            throw usage(spec, option + " must be longer than 0, not " + Durations.format(value));
        }
    }

    /** A file to read: it exists, is a file and can be read. {@code option} is null for a command's arguments. */
    static Path readableFile(String option, Path file) {
        String reason = !Files.exists(file) ? "no such file" : Files.isDirectory(file) ? "is a directory"
                : !Files.isRegularFile(file) ? "not a regular file" : !Files.isReadable(file) ? "permission denied" : null;
        if (reason != null) {
            throw option == null ? new PathException(file, reason) : new PathException(option, file, reason);
        }
        return file;
    }

    /** A directory to write into: absent (made later) or a directory that can be written. */
    static Path writableDirectory(String option, Path dir) {
        Path existing = dir.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        String reason = existing == null ? null : !Files.isDirectory(existing)
                ? existing.equals(dir.toAbsolutePath()) ? "is a file, not a directory" : existing + " is a file"
                : !Files.isWritable(existing) ? "permission denied" : null;
        if (reason != null) {
            throw new PathException(option, dir, reason);
        }
        return dir;
    }

    private static String number(double v) {
        return v == Math.rint(v) && !Double.isInfinite(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
