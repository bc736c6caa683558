package dev.cascade.flink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.app.Main;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine;

/**
 * deploy/compose.yaml against what its images expect: which user each runs as and which directories that user
 * owns in the image (a named volume mounted there inherits the owner; mounted anywhere else it is root's), where
 * each keeps its data, and the commands parsed by the real command lines.
 */
class ComposeFileTest {
    /** An image's user and the directories it owns (from the images' Dockerfiles). */
    private record Image(String user, List<String> owned) {
    }

    private static final Map<String, Image> IMAGES = Map.of(
            "apache/kafka", new Image("appuser", List.of("/var/lib/kafka/data", "/opt/kafka")),
            "flink", new Image("flink", List.of("/opt/flink")),
            "questdb/questdb", new Image("root", List.of("/var/lib/questdb")),
            "eclipse-temurin", new Image("root", List.of()));

    private static Map<String, Object> compose;
    private static Map<String, Map<String, Object>> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void parse() throws IOException {
        compose = new Yaml().load(Files.readString(Path.of("..", "deploy", "compose.yaml")));
        services = (Map<String, Map<String, Object>>) compose.get("services");
    }

    private static Image image(Map<String, Object> service) {
        String name = ((String) service.get("image")).split(":")[0];
        assertThat(IMAGES).as("an image this test knows").containsKey(name);
        return IMAGES.get(name);
    }

    @SuppressWarnings("unchecked")
    private static List<String[]> namedMounts(Map<String, Object> service) {
        List<String[]> mounts = new ArrayList<>();
        for (String v : (List<String>) service.getOrDefault("volumes", List.of())) {
            String[] parts = v.split(":");
            if (((Map<String, Object>) compose.get("volumes")).containsKey(parts[0])) {
                mounts.add(parts);
            }
        }
        return mounts;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(String service) {
        return (Map<String, Object>) services.get(service).getOrDefault("environment", Map.of());
    }

    private static boolean isUnder(String path, String dir) {
        return path.equals(dir) || path.startsWith(dir + "/");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldGiveEveryNamedVolumeToAUserWhoCanWriteIt() {
        for (var e : services.entrySet()) {
            Image image = image(e.getValue());
            if (image.user().equals("root") || "root".equals(e.getValue().get("user"))) {
                continue;
            }
            for (String[] mount : namedMounts(e.getValue())) {
                boolean isOwned = image.owned().stream().anyMatch(d -> isUnder(mount[1], d));
                boolean isChowned = false;
                Map<String, Object> dependsOn = (Map<String, Object>) e.getValue().getOrDefault("depends_on", Map.of());
                for (var dep : dependsOn.entrySet()) {
                    Map<String, Object> init = services.get(dep.getKey());
                    List<String> entrypoint = (List<String>) init.get("entrypoint");
                    isChowned |= "service_completed_successfully".equals(((Map<String, Object>) dep.getValue()).get("condition"))
                            && "root".equals(init.get("user")) && entrypoint != null
                            && entrypoint.equals(List.of("chown", "-R", image.user() + ":" + image.user(), mount[1]))
                            && namedMounts(init).stream().anyMatch(m -> m[0].equals(mount[0]) && m[1].equals(mount[1]));
                }
                assertThat(isOwned || isChowned).as(e.getKey() + " runs as " + image.user() + " and writes " + mount[0]
                        + " at " + mount[1]).isTrue();
            }
        }
    }

    @Test
    void shouldKeepKafkasDataOnItsVolume() {
        String logDirs = String.valueOf(environment("kafka").get("KAFKA_LOG_DIRS"));
        assertThat(namedMounts(services.get("kafka"))).anyMatch(m -> m[1].equals(logDirs));
        assertThat(String.valueOf(environment("kafka").get("KAFKA_AUTO_CREATE_TOPICS_ENABLE"))).isEqualTo("false");
    }

    @Test
    void shouldCheckpointOntoTheFlinkVolume() {
        for (String service : List.of("jobmanager", "taskmanager")) {
            String properties = String.valueOf(environment(service).get("FLINK_PROPERTIES"));
            List<String[]> mounts = namedMounts(services.get(service));
            for (String key : List.of("execution.checkpointing.dir", "execution.checkpointing.savepoint-dir")) {
                String dir = properties.lines().filter(l -> l.startsWith(key + ":")).findFirst().orElseThrow()
                        .substring(key.length() + 1).trim().replace("file://", "");
                assertThat(mounts).as(service + " " + key).anyMatch(m -> isUnder(dir, m[1]));
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldRunCommandsTheirProgramsAccept() {
        int cascadeCommands = 0;
        for (var e : services.entrySet()) {
            Object command = e.getValue().get("command");
            if (command == null) {
                continue;
            }
            List<String> words = Arrays.asList(((String) command).trim().split("\\s+"));
            int jar = words.indexOf("/opt/cascade/cascade.jar");
            if (jar >= 0) {
                String[] args = words.subList(jar + 1, words.size()).toArray(String[]::new);
                CommandLine.ParseResult parsed = new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true) // as Main runs it
                        .parseArgs(args); // throws on an unknown option
                assertThat(parsed.hasSubcommand()).as(e.getKey()).isTrue();
                cascadeCommands++;
            }
            int job = words.indexOf("--job-classname");
            if (job >= 0) {
                assertThat(words.get(job + 1)).isEqualTo(CascadeFlinkJob.class.getName());
                String[] args = words.subList(job + 2, words.size()).toArray(String[]::new);
                CascadeFlinkJob.Settings s = CascadeFlinkJob.settings(CascadeFlinkJob.options(args));
                assertThat(s.bootstrap()).isEqualTo("kafka:9092");
            }
            for (String dep : ((Map<String, Object>) e.getValue().getOrDefault("depends_on", Map.of())).keySet()) {
                assertThat(services).as(e.getKey() + " depends on").containsKey(dep);
            }
        }
        assertThat(cascadeCommands).as("kafka init, the collector and serve").isEqualTo(3);
        assertThat((String) services.get("collector").get("command")).doesNotContain("--record");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldServeTheClustersOutputBehindAToken() {
        Map<String, Object> serve = services.get("serve");
        List<String> words = Arrays.asList(((String) serve.get("command")).trim().split("\\s+"));
        List<String> args = words.subList(words.indexOf("/opt/cascade/cascade.jar") + 1, words.size());
        assertThat(String.join(" ", args)).startsWith("serve --source kafka --kafka kafka:9092");
        // beyond the container's loopback (the port is published from it), which the server allows with a token only
        assertThat(args.get(args.indexOf("--bind") + 1)).isEqualTo("0.0.0.0");
        assertThat(environment("serve")).containsKey("CASCADE_TOKEN");
        String port = args.get(args.indexOf("--port") + 1);
        assertThat((List<String>) serve.get("ports")).containsExactly("127.0.0.1:" + port + ":" + port);
        assertThat((List<String>) serve.get("profiles")).as("opt-in: it needs the token").containsExactly("serve");
        Map<String, Object> dependsOn = (Map<String, Object>) serve.get("depends_on");
        assertThat((Map<String, Object>) dependsOn.get("kafka-init")).as("the topics it reads exist first")
                .containsEntry("condition", "service_completed_successfully");
    }
}
