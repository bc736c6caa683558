package dev.cascade.store;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * What makes a folder a Cascade store, and what the store says of itself: a small properties file beside the
 * tables.
 *
 * <pre>
 *   # cascade-store.properties
 *   format=1
 *   retentionDays=35        (the writer drops days older than this, counted back from the latest event)
 *   created=2026-12-07T14:00:00Z
 * </pre>
 *
 * Retention lives here, not in the commands that open the store, so that a read command cannot drop data and a
 * writer keeps the retention it was given until one is told otherwise.
 */
record StoreManifest(int format, int retentionDays, String created) {
    static final String FILE = "cascade-store.properties";
    static final int FORMAT = 1;
    static final int DEFAULT_RETENTION_DAYS = 35;

    StoreManifest {
        if (retentionDays < 1) {
            throw new IllegalArgumentException("retention must be at least 1 day");
        }
    }

    /** Whether {@code dir} holds a Cascade store (or one made before stores had a manifest). */
    static boolean isStore(Path dir) throws IOException {
        return Files.isRegularFile(dir.resolve(FILE)) || isUnmarked(dir);
    }

    /**
     * A store written before this file existed: QuestDB's folders of Cascade's liquidation and bar tables
     * ({@code NAME~ID}). It is read as it is, and its first writer marks it with the default retention.
     */
    private static boolean isUnmarked(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(Tables.LIQUIDATIONS + "~") || n.startsWith(Tables.BARS + "~"))
                    .count() == 2;
        }
    }

    /** Whether {@code dir} is missing or holds nothing: a writer may create a store there. */
    static boolean isNewOrEmpty(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return true;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            // a writer killed while creating the store leaves only these behind
            return entries.map(p -> p.getFileName().toString())
                    .allMatch(n -> n.equals(Store.LOCK_FILE) || n.equals(FILE + ".tmp"));
        }
    }

    /** Reads the manifest of the store in {@code dir}; a one-line reason when there is none or it is unreadable. */
    static StoreManifest read(Path dir) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(dir.resolve(FILE), StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (NoSuchFileException e) {
            if (isUnmarked(dir)) {
                return new StoreManifest(FORMAT, DEFAULT_RETENTION_DAYS, "");
            }
            throw new IOException(dir + ": not a Cascade store (no " + FILE + ")");
        }
        try {
            int format = Integer.parseInt(p.getProperty("format", "").trim());
            if (format > FORMAT) {
                throw new IOException(dir + ": a store of format " + format + ", newer than this Cascade reads ("
                        + FORMAT + ")");
            }
            return new StoreManifest(format, Integer.parseInt(p.getProperty("retentionDays", "").trim()),
                    p.getProperty("created", ""));
        } catch (IllegalArgumentException e) {
            throw new IOException(dir.resolve(FILE) + ": unreadable (" + e.getMessage() + ")");
        }
    }

    /** Writes the manifest into {@code dir}, whole or not at all (a temporary file moved over the old one). */
    void write(Path dir) throws IOException {
        Path tmp = dir.resolve(FILE + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            w.write("# A Cascade store: the tables beside this file are QuestDB's. Retention is the writer's.\n");
            w.write("format=" + format + "\nretentionDays=" + retentionDays + "\ncreated=" + created + "\n");
        }
        Files.move(tmp, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    StoreManifest withRetentionDays(int days) {
        return new StoreManifest(format, days, created);
    }
}
