package dev.cascade.app;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code cascade} command line. Exit codes, the same for every command (README): 0 the input was read (or the
 * run ended as asked), 1 a usage or environment error with a one-line reason on stderr, 2 nothing usable was read,
 * 3 an input was damaged while the figures of what was read were still written.
 */
@Command(name = "cascade", mixinStandardHelpOptions = true, version = "cascade 0.1.0",
        description = "Crypto-derivatives market monitor: liquidations, taker flow, open interest, heatmaps.",
        subcommands = {ReplayCommand.class, LiveCommand.class, RecordCommand.class, SimulateCommand.class,
            LiqPriceCommand.class, ServeCommand.class, ReportCommand.class, DemoCommand.class, KafkaCommand.class,
            PublishCommand.class, ExportCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    private static final java.util.List<String> LEVELS = java.util.List.of("error", "warn", "info", "debug", "trace");

    /** Reads a level, whether from the option or from CASCADE_LOG_LEVEL. */
    static final class LogLevel implements CommandLine.ITypeConverter<String> {
        @Override
        public String convert(String level) {
            if (!LEVELS.contains(level.strip().toLowerCase(java.util.Locale.ROOT))) {
                throw new CommandLine.TypeConversionException("'" + level + "' is not error, warn, info, debug or trace "
                        + "(nor may CASCADE_LOG_LEVEL be)");
            }
            return level.strip();
        }
    }

    /** The log's level, for every command; by default warnings and errors only (logback.xml). */
    @CommandLine.Option(names = "--log-level", scope = CommandLine.ScopeType.INHERIT, paramLabel = "LEVEL",
            defaultValue = "${env:CASCADE_LOG_LEVEL}", converter = LogLevel.class,
            description = "Log level on stderr: error, warn (the default), info, debug or trace (or CASCADE_LOG_LEVEL).")
    void logLevel(String level) {
        if (level == null || level.isBlank()) {
            return;
        }
        if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext logs) {
            logs.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(ch.qos.logback.classic.Level.toLevel(level));
        }
    }

    /** Read before the command line is parsed (see {@link ConfigFile#find}); declared here for the help and the parser. */
    @CommandLine.Option(names = "--config", scope = CommandLine.ScopeType.INHERIT, paramLabel = "FILE",
            description = "Options from a properties file: KEY = VALUE, the key an option's long name without dashes, "
                    + "for every command (store = DIR) or one (serve.port = 8080); flags given here win (README).")
    java.nio.file.Path config;

    public static void main(String[] args) {
        // An Error (out of memory, most likely) ends the process with one line, whichever thread it hit: the threads
        // left behind (server, sockets, simulator) would otherwise keep a half-dead process up for ever. The exit
        // runs the shutdown hooks, which close the store and the recording.
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            if (e instanceof Error) {
                fatal(thread, e);
            } else {
                org.slf4j.LoggerFactory.getLogger(Main.class).error("thread {} stopped", thread.getName(), e);
            }
        });
        int code;
        try {
            code = run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        } catch (Error e) {
            fatal(Thread.currentThread(), e);
            return;
        }
        System.exit(code);
    }

    private static void fatal(Thread thread, Throwable e) {
        System.err.println("cascade: stopped by " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")") + " in thread " + thread.getName()
                + (e instanceof OutOfMemoryError ? "; give it more heap: CASCADE_JAVA_OPTS=-Xmx..." : ""));
        System.err.flush();
        try {
            Runtime.getRuntime().removeShutdownHook(new Thread(() -> { })); // throws once the JVM is shutting down
        } catch (IllegalStateException shuttingDown) {
            Runtime.getRuntime().halt(USAGE); // an Error in a shutdown hook: exit would wait on that very hook
        }
        System.exit(USAGE);
    }

    /** Exit codes of every command (README: exit codes): read; usage or environment error; nothing usable; damaged. */
    static final int READ = 0;
    static final int USAGE = 1;
    static final int NOTHING_USABLE = 2;
    static final int DAMAGED = 3;

    /** Runs the command line with the given streams; returns the exit code. */
    static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = commandLine();
        cli.setOut(out);
        cli.setErr(err);
        if (args.length > 0 && !args[0].startsWith("-") && !cli.getSubcommands().containsKey(args[0])) {
            // picocli would let a --help after an unknown command print the main usage and exit 0
            return usage(cli, "unknown command '" + args[0] + "' (commands: "
                    + String.join(", ", cli.getSubcommands().keySet()) + ")");
        }
        ConfigFile config;
        try {
            java.nio.file.Path file = ConfigFile.find(args);
            config = file == null ? null : ConfigFile.load(file, cli);
        } catch (ConfigFile.ConfigException | Checks.PathException e) {
            err.println("cascade: " + e.getMessage());
            err.flush();
            return USAGE;
        }
        if (config != null) {
            cli.setDefaultValueProvider(config); // under the flags: a flag given wins over the file
        }
        cli.setParameterExceptionHandler((e, rest) -> {
            String source = config == null ? null : config.sourceOf(e.getCommandLine(), message(e));
            if (source == null) {
                return usage(e.getCommandLine(), message(e));
            }
            // the value to fix is in the file, not on the command line: one line naming both
            err.println("cascade: " + source + ": " + message(e));
            err.flush();
            return USAGE;
        });
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("cascade: " + message(e));
            return USAGE;
        });
        return cli.execute(args);
    }


    /** The command line as every run parses it (enum values in any case: --format JSON, --format json). */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli;
    }

    /** A usage error: one line naming the option and the rule, then where the help is; exit code 1. */
    private static int usage(CommandLine line, String message) {
        line.getErr().println("cascade: " + message);
        line.getErr().println("see `" + line.getCommandSpec().qualifiedName() + " --help`");
        line.getErr().flush();
        return USAGE;
    }

    private static String message(Throwable e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return e.getMessage() + ": no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return e.getMessage() + ": permission denied";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException || e instanceof java.nio.file.NotDirectoryException) {
            return e.getMessage() + ": is a file, not a directory";
        }
        String m = e.getMessage();
        if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String arg = u.getUnmatched().get(0);
            m = (arg.startsWith("-") ? "unknown option " : "unexpected argument ") + arg
                    + (u.getSuggestions().isEmpty() ? "" : " (did you mean " + String.join(" or ", u.getSuggestions()) + "?)");
        }
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.replace('\n', ' ').strip();
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required, e.g. cascade replay FILE (commands: "
                + String.join(", ", spec.commandLine().getSubcommands().keySet()) + ")");
    }
}
