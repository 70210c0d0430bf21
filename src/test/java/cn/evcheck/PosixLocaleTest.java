package cn.evcheck;

import cn.evcheck.testkit.Docs;
import cn.evcheck.testkit.Pkg;
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
 * Issue 12 part 5: in a POSIX locale (LANG=C, as cron and some CI runners start jobs) Chinese file
 * names in the package are still read and shown as Chinese, and a Chinese path on the command line,
 * which the JVM has already lost, gets a clear message (exit 2) rather than a failure on write.
 */
class PosixLocaleTest {
    @TempDir
    Path tmp;

    private Run run(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Devcheck.ocr=off", "-cp", System.getProperty("java.class.path"), "cn.evcheck.cli.Main"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().keySet().removeIf(k -> k.startsWith("LC_") || k.equals("LANG"));
        pb.environment().put("LC_ALL", "C");
        Path out = tmp.resolve("out-" + System.nanoTime() + ".txt");
        Path err = tmp.resolve("err-" + System.nanoTime() + ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(2, TimeUnit.MINUTES));
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    record Run(int code, String out, String err) {}

    @Test
    void chineseNamesInThePackageAreReadAndShown() throws Exception {
        Pkg p = new Pkg(tmp.resolve("pkg"));
        p.file("R-1/说明报告/情况说明.docx", Docs.docx("情况说明"));
        Path rules = tmp.resolve("rules.yaml");
        Files.writeString(rules, """
                evcheck: 1
                id: posix
                period: {from: 2019-01-01, to: 2019-12-31}
                items:
                  - {id: R-1, materials: [{kind: report, words: 300}]}
                """);
        Run r = run("check", p.root().toString(), "--rules", rules.toString(), "--as-of", "2019-12-31", "--format", "json",
                "--output", tmp.resolve("report").toString());
        assertEquals(1, r.code(), r.err());
        String json = Files.readString(tmp.resolve("report/report.json"), StandardCharsets.UTF_8);
        assertTrue(json.contains("R-1/说明报告/情况说明.docx"), json);

        Run bad = run("check", p.root().toString(), "--rules", rules.toString(), "--output", tmp.resolve("报告").toString());
        assertEquals(2, bad.code(), bad.err());
        assertTrue(bad.err().contains("LANG=C.UTF-8"), bad.err());
    }
}
