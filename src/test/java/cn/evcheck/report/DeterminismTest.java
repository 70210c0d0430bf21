package cn.evcheck.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static cn.evcheck.report.ReportRuns.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The same input gives the same bytes in every format in two separate JVMs (so identity hash codes,
 * class-loading order and thread scheduling all differ) with different thread counts, and the second
 * with another default time zone and locale (Turkish: its case mapping of i/I is the classic trap).
 */
class DeterminismTest {
    static final String ALL = String.join(",", Renderers.names());

    @TempDir
    Path tmp;

    @Test
    void twoJvmsOnTheDemoPackageWriteTheSameBytes() throws Exception {
        sameInTwoJvms("demo", demoArgs("--format", ALL));
    }

    @Test
    void twoJvmsOnAMultiUnitPackageWriteTheSameBytes() throws Exception {
        sameInTwoJvms("multi", multiArgs("--format", ALL, "--group-by", "department"));
    }

    /** Runs {@code args} in two JVMs at once, with --threads 1 and 2, and compares every file they wrote. */
    private void sameInTwoJvms(String name, String[] args) throws Exception {
        Path a = tmp.resolve(name + "-a");
        Path b = tmp.resolve(name + "-b");
        Process pa = start(args, 1, a);
        Process pb = start(args, 2, b, "-Duser.timezone=America/Los_Angeles", "-Duser.language=tr", "-Duser.country=TR");
        finish(pa, a);
        finish(pb, b);
        TreeMap<String, byte[]> x = files(a.resolve("out"));
        TreeMap<String, byte[]> y = files(b.resolve("out"));
        assertEquals(Renderers.all().stream().map(Renderer::fileName).sorted().toList(), List.copyOf(x.keySet()));
        assertEquals(x.keySet(), y.keySet());
        for (String f : x.keySet()) {
            assertTrue(x.get(f).length > 0, f);
            assertArrayEquals(x.get(f), y.get(f), f + " differs between two JVMs");
        }
    }

    /** {@code java <jvmOptions> -cp <this class path> cn.evcheck.cli.Main <args> --threads N --output dir/out}, output in dir/. */
    private static Process start(String[] args, int threads, Path dir, String... jvmOptions) throws IOException {
        Files.createDirectories(dir);
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> cmd = new ArrayList<>(List.of(java, "-Dfile.encoding=UTF-8", "-Dsun.jnu.encoding=UTF-8",
                "-XX:TieredStopAtLevel=1", "-Xshare:auto"));
        for (String property : new String[]{"evcheck.ocr", "sun.awt.fontconfig"}) {   // as this test group's JVM has them
            String value = System.getProperty(property);
            if (value != null) cmd.add("-D" + property + "=" + value);
        }
        cmd.addAll(List.of(jvmOptions));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "cn.evcheck.cli.Main"));
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("--threads", String.valueOf(threads), "--output", dir.resolve("out").toString()));
        return new ProcessBuilder(cmd).redirectOutput(dir.resolve("stdout").toFile()).redirectError(dir.resolve("stderr").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
    }

    private static void finish(Process p, Path dir) throws Exception {
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("evcheck did not finish within 180 s");
        }
        assertEquals(1, p.exitValue(), () -> "exit code; stderr:\n" + read(dir.resolve("stderr")));
    }

    private static TreeMap<String, byte[]> files(Path dir) throws IOException {
        TreeMap<String, byte[]> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
                String name = dir.relativize(f).toString();
                // The output folder's lock file (README "Safety"): empty, and no report.
                if (name.equals(".evcheck.lock")) {
                    assertEquals(0, Files.size(f));
                    continue;
                }
                // The run record: when the run started and ended, by design not the same twice.
                if (name.equals("run.json")) continue;
                m.put(name, Files.readAllBytes(f));
            }
        }
        return m;
    }
}
