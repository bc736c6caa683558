package dev.cascade.app;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code --config FILE}: the options of every command from a Java properties file, whose keys are the long option
 * names without their dashes, for every command that has the option ({@code store = /var/lib/cascade}) or for one
 * command ({@code serve.port = 8080}, which wins over {@code port}). A flag on the command line wins over the file,
 * and an environment variable an option reads (CASCADE_LOG_LEVEL) over the file too. The whole file is checked at
 * start, before any work: an unknown key or a value the option cannot take is one line naming the file and the key.
 *
 * <pre>
 *   # /etc/cascade/cascade.properties
 *   store = /var/lib/cascade
 *   log-level = info
 *   live.serve = true
 *   live.port = 8080
 * </pre>
 */
final class ConfigFile implements CommandLine.IDefaultValueProvider {
    /** A file that cannot be used: one line on stderr, exit code 1. */
    static final class ConfigException extends RuntimeException {
        ConfigException(String message) {
            super(message);
        }
    }

    /** Options a file cannot set: they are about the command line itself. */
    private static final List<String> NOT_FROM_A_FILE = List.of("config", "help", "version");

    private final Path file;
    private final Map<String, String> values;

    private ConfigFile(Path file, Map<String, String> values) {
        this.file = file;
        this.values = values;
    }

    /** The file after {@code --config} (or {@code --config=FILE}) in {@code args}, or null when there is none. */
    static Path find(String[] args) {
        for (int i = 0; i < args.length && !args[i].equals("--"); i++) {
            if (args[i].equals("--config")) {
                if (i + 1 == args.length || args[i + 1].isBlank()) {
                    throw new ConfigException("--config needs a FILE");
                }
                return Path.of(args[i + 1]);
            }
            if (args[i].startsWith("--config=")) {
                return Path.of(args[i].substring("--config=".length()));
            }
        }
        return null;
    }

    /** Reads and checks {@code file} against every command of {@code root}; nothing is applied yet. */
    static ConfigFile load(Path file, CommandLine root) {
        Checks.readableFile("--config", file);
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) { // a malformed \\uXXXX escape is the latter
            throw new ConfigException("--config " + file + ": cannot be read: " + e.getMessage());
        }
        Map<String, String> values = new TreeMap<>(); // checked in key order: the same file gives the same error
        p.stringPropertyNames().forEach(k -> values.put(k.strip(), p.getProperty(k).strip()));
        ConfigFile config = new ConfigFile(file, values);
        config.check(root);
        return config;
    }

    /** Every key names an option of some command, and each value is one that option takes. */
    private void check(CommandLine root) {
        CommandLine probe = Main.commandLine(); // a command line of its own, to convert values on
        for (Map.Entry<String, String> e : values.entrySet()) {
            String key = e.getKey();
            int dot = key.indexOf('.');
            String command = dot < 0 ? null : key.substring(0, dot);
            String name = dot < 0 ? key : key.substring(dot + 1);
            if (command != null && !root.getSubcommands().containsKey(command)) {
                throw error(key, "no command '" + command + "' (commands: "
                        + String.join(", ", root.getSubcommands().keySet()) + ")");
            }
            List<OptionSpec> targets = new java.util.ArrayList<>();
            for (CommandLine c : command == null ? commands(root) : List.of(root.getSubcommands().get(command))) {
                OptionSpec o = c.getCommandSpec().findOption("--" + name);
                if (o != null && !NOT_FROM_A_FILE.contains(name)) {
                    targets.add(o);
                }
            }
            if (targets.isEmpty()) {
                throw error(key, "unknown key: " + (command == null ? "no command has" : command + " has no") + " --"
                        + name);
            }
            for (OptionSpec t : targets) {
                String problem = problem(probe, t, e.getValue());
                if (problem != null) {
                    throw error(key, problem);
                }
            }
        }
    }

    private static List<CommandLine> commands(CommandLine root) {
        List<CommandLine> all = new java.util.ArrayList<>();
        all.add(root);
        all.addAll(root.getSubcommands().values());
        return all;
    }

    /**
     * Why {@code value} is no value of the option, or null: converted as the command line would convert it, on a
     * command line of its own (the option's converter and type, the enum names, the split of a list).
     */
    private static String problem(CommandLine probe, OptionSpec option, String value) {
        if (option.arity().max() == 0 || option.typeInfo().isBoolean() && option.arity().min() == 0) {
            return value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false") ? null
                    : "'" + value + "' is not true or false";
        }
        CommandSpec spec = option.command();
        String command = spec.parent() == null ? null : spec.name();
        List<String> args = new java.util.ArrayList<>();
        if (command != null) {
            args.add(command);
        }
        args.add(option.longestName() + "=" + value);
        try {
            probe.parseArgs(args.toArray(String[]::new));
            return null;
        } catch (CommandLine.MissingParameterException missing) {
            return null; // another option the command requires: not this value's fault
        } catch (CommandLine.ParameterException bad) {
            String m = bad.getMessage() == null ? "invalid value" : bad.getMessage().replace('\n', ' ').strip();
            return m.startsWith("Invalid value") ? "i" + m.substring(1) : m;
        }
    }

    private ConfigException error(String key, String message) {
        return new ConfigException("--config " + file + ": " + key + ": " + message);
    }

    /** The file's value of an option, else null (the option's own default then applies). */
    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec option) || option.command() == null) {
            return null;
        }
        String name = option.longestName().replaceFirst("^-+", "");
        if (NOT_FROM_A_FILE.contains(name) || hasEnvironmentValue(option)) {
            return null;
        }
        CommandSpec command = option.command();
        String qualified = command.parent() == null ? null : command.name() + "." + name;
        if (qualified != null && values.containsKey(qualified)) {
            return values.get(qualified);
        }
        return values.get(name);
    }

    /** Whether the option's default reads an environment variable that is set: the variable wins over the file. */
    private static boolean hasEnvironmentValue(OptionSpec option) {
        String d = option.defaultValue();
        if (d == null || !d.startsWith("${env:") || !d.endsWith("}")) {
            return false;
        }
        String v = System.getenv(d.substring("${env:".length(), d.length() - 1));
        return v != null && !v.isBlank();
    }

    /** Whether {@code message} names {@code option} ("--store", not the "--store" of "--store-days"). */
    private static boolean names(String message, String option) {
        return java.util.regex.Pattern.compile("(^|[^\\w-])" + java.util.regex.Pattern.quote(option) + "([^\\w-]|$)")
                .matcher(message).find();
    }

    /** Where a value of an option that broke a rule came from, when it came from this file: "FILE: KEY". */
    String sourceOf(CommandLine line, String message) {
        CommandSpec spec = line.getCommandSpec();
        CommandLine.ParseResult parsed = line.getParseResult();
        for (OptionSpec o : spec.options()) {
            String name = o.longestName().replaceFirst("^-+", "");
            boolean isFromCommandLine = parsed != null && parsed.hasMatchedOption(o);
            if (!isFromCommandLine && names(message, o.longestName()) && defaultValue(o) != null) {
                String qualified = spec.name() + "." + name;
                return "--config " + file + ": " + (values.containsKey(qualified) ? qualified : name);
            }
        }
        return null;
    }
}
