package cn.evcheck;

import cn.evcheck.testkit.Hostile;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue 9: four large reports (3 million random Han characters each) in a JVM with a 48 MB heap.
 * One fits alone; four read at once do not (measured: two or three of them run out of memory).
 * Admission control reads them within the heap, and an out-of-memory in the parallel phase would
 * be retried alone, so --threads 4 (twice) and --threads 1 give the same report, every report read.
 * Runs evcheck in separate JVMs; about 15–20 s on a 2-core machine.
 */
class LargeReportsMemoryTest {
    static final int CHARS = 3_000_000;

    @Test
    void fourLargeReportsInASmallHeapGiveTheSameReportWhateverTheThreads(@TempDir Path tmp) throws Exception {
        Path pkg = tmp.resolve("pkg");
        Files.createDirectories(pkg.resolve("R-1"));
        for (int i = 0; i < 4; i++) Hostile.bigDocx(pkg.resolve("R-1/report" + i + ".docx"), CHARS, i);
        Path rules = tmp.resolve("rules.yaml");
        Files.writeString(rules, """
                evcheck: 1
                id: large
                period: {from: 2019-01-01, to: 2019-12-31}
                items:
                  - {id: R-1, materials: [{kind: report, min: 4}]}
                """);
        String four = evcheck(tmp, pkg, rules, 4);
        assertEquals(four, evcheck(tmp, pkg, rules, 4));
        assertEquals(four, evcheck(tmp, pkg, rules, 1));
        JsonNode j = new ObjectMapper().readTree(four);
        assertEquals(0, j.get("findings").size(), j.get("findings").toString());
        List<Integer> words = new ArrayList<>();
        j.get("reports").forEach(r -> words.add(r.get("words").asInt()));
        assertEquals(List.of(CHARS, CHARS, CHARS, CHARS), words);
    }

    /** The JSON report of a run in a fresh JVM with a 48 MB heap. */
    static String evcheck(Path tmp, Path pkg, Path rules, int threads) throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Path out = tmp.resolve("out-" + threads + "-" + System.nanoTime() + ".json");
        Path err = tmp.resolve("err.txt");
        Process p = new ProcessBuilder(java, "-Xmx48m", "-Dfile.encoding=UTF-8", "-Dsun.jnu.encoding=UTF-8",
                "-cp", System.getProperty("java.class.path"), "cn.evcheck.cli.Main",
                "check", pkg.toString(), "--rules", rules.toString(), "--as-of", "2019-12-31", "--format", "json",
                "--threads", String.valueOf(threads))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "evcheck did not finish");
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), stderr);
        assertEquals("", stderr);
        return Files.readString(out, StandardCharsets.UTF_8);
    }
}
