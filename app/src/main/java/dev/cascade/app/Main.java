package dev.cascade.app;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code cascade} command line. Exit codes (DESIGN.md): 0 success, 2 usage error, 1 failure with a
 * one-line reason on stderr; {@code replay} says more about its input (see {@link ReplayCommand}).
 */
@Command(name = "cascade", mixinStandardHelpOptions = true, version = "cascade 0.1.0",
        description = "Crypto-derivatives market monitor: liquidations, taker flow, open interest, heatmaps.",
        subcommands = {ReplayCommand.class, LiveCommand.class, RecordCommand.class, SimulateCommand.class,
            LiqPriceCommand.class, ServeCommand.class, ReportCommand.class, DemoCommand.class, KafkaCommand.class,
            PublishCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams; returns the exit code. */
    static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        CommandLine.IParameterExceptionHandler usage = cli.getParameterExceptionHandler();
        cli.setParameterExceptionHandler((e, rest) -> {
            int code = usage.handleParseException(e, rest);
            // replay's exit codes say what became of the input (2: nothing usable, 3: damaged): usage is 1 there
            return "replay".equals(e.getCommandLine().getCommandName()) ? ReplayCommand.USAGE : code;
        });
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("cascade: " + message(e));
            return 1;
        });
        return cli.execute(args);
    }

    private static String message(Throwable e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file: " + e.getMessage();
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "cannot read: " + e.getMessage();
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.replace('\n', ' ');
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required, e.g. cascade replay FILE");
    }
}
