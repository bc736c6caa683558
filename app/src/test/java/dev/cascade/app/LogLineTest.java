package dev.cascade.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Every command logs through the jar's logback.xml (tests use logback-test.xml instead): a line carries the date, the
 * time with its offset, the level and the logger, so that a service's log read days later says when.
 */
class LogLineTest {
    @Test
    void shouldStampEveryCommandsLogLineWithDateTimeAndOffset() throws Exception {
        URL config = LogLineTest.class.getClassLoader().getResource("logback.xml");
        assertThat(config).as("the jar's logging configuration").isNotNull();
        LoggerContext context = new LoggerContext();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(config);
        try {
            Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
            assertThat(root.getLevel()).isEqualTo(Level.WARN);
            @SuppressWarnings("unchecked")
            ConsoleAppender<ILoggingEvent> stderr = (ConsoleAppender<ILoggingEvent>) root.getAppender("STDERR");
            assertThat(stderr.getTarget()).isEqualTo("System.err");
            Logger poller = context.getLogger("dev.cascade.ingest.live.OverviewPoller");
            LoggingEvent event = new LoggingEvent(Logger.class.getName(), poller, Level.WARN, "market overview: failed",
                    null, null);
            String line = new String(stderr.getEncoder().encode(event), StandardCharsets.UTF_8);
            assertThat(line).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}(Z|[+-]\\d{2}:\\d{2}) WARN  "
                + "d\\.c\\.i\\.l\\.OverviewPoller market overview: failed\\R");
        } finally {
            context.stop();
        }
    }
}
