package dev.cascade.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * deploy/cascade.service and deploy/cascade.properties against the command line they drive: the unit's command
 * parses, the properties pass the start check, and together they give the service the settings the unit promises
 * (store in /var/lib/cascade, API on loopback, a non-root user, restarts that a configuration error does not loop).
 */
class DeployFilesTest {
    private static final Path DEPLOY = Path.of(System.getProperty("cascade.root", ".."), "deploy");

    @Test
    void shouldRunTheLiveMonitorAsItsOwnUserWithTheStoreInVarLib() throws IOException {
        Map<String, String> service = section(Files.readAllLines(DEPLOY.resolve("cascade.service")), "[Service]");

        assertThat(service).containsEntry("DynamicUser", "yes").containsEntry("StateDirectory", "cascade")
                .containsEntry("Restart", "on-failure").containsEntry("RestartPreventExitStatus", String.valueOf(Main.USAGE))
                .containsEntry("KillSignal", "SIGINT").doesNotContainKey("User");
        List<String> exec = Arrays.asList(service.get("ExecStart").split("\\s+"));
        List<String> args = exec.subList(exec.indexOf("-jar") + 2, exec.size());
        assertThat(args).containsExactly("live", "--config", "/etc/cascade/cascade.properties");

        CommandLine cli = Main.commandLine();
        ConfigFile config = ConfigFile.load(DEPLOY.resolve("cascade.properties"), cli); // throws if it fails the check
        cli.setDefaultValueProvider(config);
        CommandLine.ParseResult parsed = cli.parseArgs("live", "--config", DEPLOY.resolve("cascade.properties").toString());
        CommandLine.Model.CommandSpec live = parsed.subcommand().commandSpec();
        assertThat(live.findOption("--store").<Path>getValue()).isEqualTo(Path.of("/var/lib/cascade"));
        assertThat(live.findOption("--store-days").<Integer>getValue()).isEqualTo(35);
        assertThat(live.findOption("--serve").<Boolean>getValue()).isTrue();
        assertThat(live.findOption("--bind").<String>getValue()).isEqualTo("127.0.0.1");
        assertThat(live.findOption("--port").<Integer>getValue()).isEqualTo(8080);
    }

    @Test
    void shouldLetTheReadingCommandsUseTheServicesFileToo() {
        CommandLine cli = Main.commandLine();
        cli.setDefaultValueProvider(ConfigFile.load(DEPLOY.resolve("cascade.properties"), cli));
        // retention is live's alone: replay, which refuses --store-days, reads the same store from the same file
        CommandLine.Model.CommandSpec replay = cli.parseArgs("replay").subcommand().commandSpec();
        assertThat(replay.findOption("--store").<Path>getValue()).isEqualTo(Path.of("/var/lib/cascade"));
        assertThat(replay.findOption("--store-days").<Integer>getValue()).isNull();
    }

    /** The KEY=VALUE lines of one section of a unit file. */
    private static Map<String, String> section(List<String> lines, String name) {
        Map<String, String> out = new LinkedHashMap<>();
        boolean isIn = false;
        for (String line : lines) {
            String l = line.strip();
            if (l.startsWith("[")) {
                isIn = l.equals(name);
            } else if (isIn && !l.isEmpty() && !l.startsWith("#") && l.contains("=")) {
                out.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1));
            }
        }
        return out;
    }
}
