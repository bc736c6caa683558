package dev.cascade.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.api.dag.Transformation;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.transformations.PartitionTransformation;
import org.apache.flink.streaming.api.transformations.SideOutputTransformation;
import org.junit.jupiter.api.Test;

/** The job's command line, and the arguments the deployment file passes it. */
class CascadeFlinkJobTest {
    @Test
    void theComposeFilesJobArgumentsParseToTheIntendedSettings() throws Exception {
        Path compose = Paths.get(System.getProperty("cascade.root", ".."), "deploy", "compose.yaml");
        Matcher m = Pattern.compile("--job-classname (\\S+)\\s+(.*?)\\n\\s+ports", Pattern.DOTALL)
                .matcher(Files.readString(compose));
        assertThat(m.find()).isTrue();
        assertThat(m.group(1)).isEqualTo(CascadeFlinkJob.class.getName());
        CascadeFlinkJob.Settings s = CascadeFlinkJob.settings(CascadeFlinkJob.options(m.group(2).trim().split("\\s+")));
        assertThat(s.bootstrap()).isEqualTo("kafka:9092");
        assertThat(s.questdb()).isEqualTo("questdb:9000");
        assertThat(s.topics().liquidations()).isEqualTo("cascade.liquidations");
        assertThat(s.resultsTopic()).isEqualTo("cascade.minutes");
        assertThat(s.lateness()).isEqualTo(Duration.ofMinutes(10));
        assertThat(s.outOfOrder()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.isBounded()).isFalse();
        assertThat(s.quiet()).as("a live job closes the last minute of a quiet feed by default").isEqualTo(Duration.ofMinutes(1));
        assertThat(s.guarantee()).isEqualTo(DeliveryGuarantee.EXACTLY_ONCE);
    }

    @Test
    void optionsAreCheckedNotIgnored() {
        CascadeFlinkJob.Settings s = CascadeFlinkJob.settings(CascadeFlinkJob.options(
                new String[] {"--topic-prefix", "x.", "--bounded", "--at-least-once", "--lateness", "90s"}));
        assertThat(s.topics().trades()).isEqualTo("x.trades");
        assertThat(s.lateTopic()).isEqualTo("x.late");
        assertThat(s.isBounded()).isTrue();
        assertThat(s.guarantee()).isEqualTo(DeliveryGuarantee.AT_LEAST_ONCE);
        assertThat(s.lateness()).isEqualTo(Duration.ofSeconds(90));
        assertThatThrownBy(() -> CascadeFlinkJob.settings(CascadeFlinkJob.options(new String[] {"--latenes", "1m"})))
                .hasMessageContaining("unknown option --latenes");
        assertThatThrownBy(() -> CascadeFlinkJob.settings(CascadeFlinkJob.options(new String[] {"--lateness", "1d"})))
                .hasMessageContaining("a duration is a number and s, m or h");
        assertThatThrownBy(() -> CascadeFlinkJob.options(new String[] {"kafka:9092"}))
                .hasMessageContaining("unexpected argument");
    }

    @Test
    void theResultsTopicsAreChosenByArgument() {
        CascadeFlinkJob.Settings s = CascadeFlinkJob.settings(CascadeFlinkJob.options(
                new String[] {"--results-topic", "recount.minutes", "--late-topic", "recount.late", "--close-quiet-after", "30s"}));
        assertThat(s.resultsTopic()).isEqualTo("recount.minutes");
        assertThat(s.lateTopic()).isEqualTo("recount.late");
        assertThat(s.topics().trades()).isEqualTo("cascade.trades");
        assertThat(s.quiet()).isEqualTo(Duration.ofSeconds(30));
        assertThat(CascadeFlinkJob.settings(CascadeFlinkJob.options(new String[] {"--close-quiet-after", "off"})).quiet())
                .isNull();
        assertThatThrownBy(() -> CascadeFlinkJob.settings(CascadeFlinkJob.options(new String[] {"--results-topic", "cascade.trades"})))
                .hasMessage("the results and late topics must differ from each other and from the event topics");
    }

    @Test
    void everyOperatorHasAStableIdAndAName() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        CascadeFlinkJob.build(env, CascadeFlinkJob.Settings.defaults("127.0.0.1:9092").withQuestDb("127.0.0.1:9000"));
        java.util.Set<Transformation<?>> all = new java.util.LinkedHashSet<>();
        java.util.ArrayDeque<Transformation<?>> todo = new java.util.ArrayDeque<>(env.getTransformations());
        while (!todo.isEmpty()) {
            Transformation<?> t = todo.pop();
            if (all.add(t)) {
                todo.addAll(t.getInputs());
            }
        }
        java.util.List<String> uids = new java.util.ArrayList<>();
        for (Transformation<?> t : all) {
            // a shuffle or a side output holds no state: nothing in a savepoint to map
            if (t instanceof PartitionTransformation || t instanceof SideOutputTransformation) {
                continue;
            }
            assertThat(t.getUid()).as(t.getName()).isNotNull();
            uids.add(t.getUid());
        }
        assertThat(uids).containsExactlyInAnyOrder("cascade-events", "valid-records", "dedupe", "instrument-minutes",
                "minutes-to-kafka", "late-to-kafka", "minutes-to-questdb", "events-beyond-minutes", "events-to-questdb",
                "late-to-questdb", "overview-documents", "overview-to-questdb");
    }
}
