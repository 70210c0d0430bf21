package cn.evcheck.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Temporary folders that tests share across classes (cached runs, office profiles) and that no
 * {@code @TempDir} can own: each is removed, with all it holds, when the test JVM exits. Without
 * this a CI machine's temp folder gained about 500 folders a run.
 */
public final class Scratch {
    private static final List<Path> MADE = new ArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Scratch::removeAll, "evcheck-test-scratch"));
    }

    private Scratch() {}

    /** A new empty folder in the system's temp folder, named {@code prefix…}, removed at exit. */
    public static Path dir(String prefix) {
        try {
            Path d = Files.createTempDirectory(prefix);
            synchronized (MADE) {
                MADE.add(d);
            }
            return d;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void removeAll() {
        synchronized (MADE) {
            for (Path d : MADE) {
                try (Stream<Path> s = Files.walk(d)) {
                    for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
                } catch (IOException | RuntimeException e) {
                    // left behind: a temp folder, harmless
                }
            }
        }
    }
}
