package cn.evcheck.report;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static cn.evcheck.report.ReportRuns.*;
import static org.junit.jupiter.api.Assertions.*;

/** The same input gives the same bytes in every format, whatever the thread count. */
class DeterminismTest {
    static final List<String> FILES = List.of("report.txt", "report.json", "report.html", "report.xlsx", "report.md",
            "report.sarif", "report.junit.xml");
    static final String ALL = "text,json,html,xlsx,md,sarif,junit";

    @Test
    void twoRunsOnTheDemoPackageAreByteIdentical() throws Exception {
        Path a = run(demoArgs("--format", ALL, "--threads", "1"));
        Path b = run(demoArgs("--format", ALL, "--threads", "2", "--group-by", "item"));
        same(a, b);
    }

    @Test
    void twoRunsOnAMultiUnitPackageAreByteIdentical() throws Exception {
        Path a = run(multiArgs("--format", ALL, "--group-by", "department", "--threads", "2"));
        Path b = run(multiArgs("--format", ALL, "--group-by", "department", "--threads", "1"));
        same(a, b);
    }

    private static void same(Path a, Path b) throws Exception {
        for (String f : FILES) {
            byte[] x = Files.readAllBytes(a.resolve(f));
            byte[] y = Files.readAllBytes(b.resolve(f));
            assertTrue(x.length > 0, f);
            assertArrayEquals(x, y, f + " differs between two runs");
        }
    }
}
