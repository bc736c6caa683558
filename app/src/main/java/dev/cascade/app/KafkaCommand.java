package dev.cascade.app;

import dev.cascade.kafka.TopicPlan;
import dev.cascade.kafka.TopicProvisioner;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code cascade kafka init}: creates Cascade's topics (events, the job's results and late events) as TopicPlan describes. */
@Command(name = "kafka", mixinStandardHelpOptions = true, subcommands = KafkaCommand.Init.class,
        description = "Kafka administration for a scale-out deployment.")
final class KafkaCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: cascade kafka init");
    }

    @Command(name = "init", mixinStandardHelpOptions = true,
            description = "Creates the missing topics (PREFIX{liquidations,trades,market,minutes,late}) and sets the "
                    + "retention and cleanup of all of them; existing topics keep their partitions.")
    static final class Init implements Callable<Integer> {
        @Mixin
        KafkaOptions kafka;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            TopicProvisioner.Report r = kafka.provision(TopicPlan.Results.withPrefix(kafka.prefix), spec.commandLine().getErr());
            r.created().stream().sorted().forEach(t -> out.println("Created " + t));
            r.updated().stream().sorted().forEach(t -> out.println("Configured " + t + " (existing)"));
            return 0;
        }
    }
}
