package dev.cascade.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Where the repository root, ../shared/fixtures/captured and ../shared/fixtures/real are when tests run under Maven (surefire sets
 * {@code cascade.root} and {@code cascade.shared}); falls back to walking up from the working directory.
 */
public final class SharedFixtures {
    private SharedFixtures() {
    }

    /** The repository root (the directory of the parent pom). */
    public static Path root() {
        String configured = System.getProperty("cascade.root");
        if (configured != null && Files.isRegularFile(Paths.get(configured, "pom.xml"))) {
            return Paths.get(configured).toAbsolutePath().normalize();
        }
        Path p = Paths.get("").toAbsolutePath();
        while (p != null) {
            if (Files.isDirectory(p.resolve("model")) && Files.isRegularFile(p.resolve("pom.xml"))) {
                return p;
            }
            p = p.getParent();
        }
        throw new IllegalStateException("repository root not found from " + Paths.get("").toAbsolutePath());
    }

    /** ../shared/fixtures/captured beside the checkout, which may be absent. */
    public static Path captured() {
        return fixtures("captured");
    }

    /** ../shared/fixtures/real beside the checkout (whole recordings from public repositories), which may be absent. */
    public static Path real() {
        return fixtures("real");
    }

    public static boolean hasReal() {
        return Files.isDirectory(real());
    }

    private static Path fixtures(String folder) {
        String configured = System.getProperty("cascade.shared");
        Path shared = configured != null ? Paths.get(configured) : root().resolveSibling("shared");
        return shared.resolve("fixtures").resolve(folder).toAbsolutePath().normalize();
    }

    public static boolean hasCaptured() {
        return Files.isDirectory(captured());
    }
}
