package dev.cascade.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Whether DuckDB's driver, which {@link ParquetWriter} needs, can be loaded. cascade.jar does not hold it (85 MB of
 * native libraries for one export format): its manifest names {@link #JAR} beside it, where the build copies it.
 * This class names no DuckDB type, so that asking costs nothing when the driver is missing.
 */
final class ParquetDriver {
    /** lib/duckdb_jdbc-VERSION.jar, relative to cascade.jar: the version is the one the parent pom pins. */
    static final String JAR = jar();

    private ParquetDriver() {
    }

    static boolean isPresent(ClassLoader loader) {
        try {
            Class.forName("org.duckdb.DuckDBDriver", false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** The one line that says where the driver goes. */
    static String missing() {
        return "Parquet needs " + JAR + " beside cascade.jar (mvn package -pl app -am puts it in app/target/lib/); "
                + "csv and jsonl need nothing more";
    }

    private static String jar() {
        Properties p = new Properties();
        try (InputStream in = ParquetDriver.class.getResourceAsStream("parquet.properties")) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("driver");
    }
}
