package dev.cascade.store;

import io.questdb.log.LogFactory;
import io.questdb.log.LogLevel;
import io.questdb.log.LogRecordUtf8Sink;
import io.questdb.log.LogWriter;
import io.questdb.mp.QueueConsumer;
import io.questdb.mp.RingQueue;
import io.questdb.mp.SCSequence;
import io.questdb.mp.SynchronizedJob;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * QuestDB's own log, sent where Cascade's goes (SLF4J, logger {@code dev.cascade.store.questdb}): its errors as
 * warnings and its critical lines as errors; nothing else is asked of it. QuestDB would otherwise write to a
 * file descriptor of its own (stdout, or {@code /dev/stderr} opened as a file, which overwrites what Cascade
 * wrote to a redirected stderr). A user who configured QuestDB's logging ({@code -Dout=FILE}) keeps it.
 */
final class QuestDbLog {
    private static final Logger LOG = LoggerFactory.getLogger("dev.cascade.store.questdb");
    private static boolean isConfigured;

    private QuestDbLog() {
    }

    /** Configures QuestDB's logging once per process, before its engine logs anything. */
    static synchronized void configure() throws IOException {
        if (isConfigured) {
            return;
        }
        isConfigured = true;
        if (System.getProperty(LogFactory.CONFIG_SYSTEM_PROPERTY) != null) {
            return;
        }
        Path conf = Files.createTempFile("cascade-questdb-log", ".conf");
        Files.writeString(conf, "writers=slf4j\nw.slf4j.class=" + Writer.class.getName()
                + "\nw.slf4j.level=ERROR,CRITICAL\n");
        System.setProperty(LogFactory.CONFIG_SYSTEM_PROPERTY, conf.toString());
        // LogFactory announces the file it read on System.err: not a line for Cascade's users
        PrintStream err = System.err;
        System.setErr(new PrintStream(OutputStream.nullOutputStream()));
        try {
            LogFactory.getInstance();
        } finally {
            System.setErr(err);
            Files.deleteIfExists(conf);
        }
    }

    /** The log writer QuestDB instantiates from the configuration: its records, one line each, to SLF4J. */
    public static final class Writer extends SynchronizedJob implements LogWriter {
        private final RingQueue<LogRecordUtf8Sink> ring;
        private final SCSequence sequence;
        private final int level;
        private final QueueConsumer<LogRecordUtf8Sink> consumer = this::log;

        public Writer(RingQueue<LogRecordUtf8Sink> ring, SCSequence sequence, int level) {
            this.ring = ring;
            this.sequence = sequence;
            this.level = level;
        }

        @Override
        public void bindProperties(LogFactory factory) {
        }

        @Override
        protected boolean runSerially() {
            return sequence.consumeAll(ring, consumer);
        }

        private void log(LogRecordUtf8Sink record) {
            int l = record.getLevel();
            // QuestDB hands every writer its advisory lines whatever the configured level: only errors go on
            if ((l & level & (LogLevel.ERROR | LogLevel.CRITICAL)) == 0) {
                return;
            }
            String line = record.toString().strip();
            if ((l & LogLevel.CRITICAL) != 0) {
                LOG.error(line);
            } else {
                LOG.warn(line);
            }
        }
    }
}
