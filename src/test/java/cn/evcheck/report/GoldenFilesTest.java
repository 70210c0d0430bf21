package cn.evcheck.report;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static cn.evcheck.report.ReportRuns.*;

/**
 * Golden files for every renderer, on the demo package and on a small multi-unit package, run
 * through the CLI in-process. HTML golden files hold the page with its inline style sheet and
 * script replaced by placeholders ({@link ReportRuns#withoutStyleAndScript}): a CSS or JS change
 * does not touch them, and HtmlBrowserTest runs the real CSS and JS in Chromium. Regenerate after
 * an intended change (then review the diff):
 * {@code ./mvnw -B -q test -Dtest=GoldenFilesTest -Devcheck.updateGolden=true}.
 */
class GoldenFilesTest {
    @Test
    void demoPackageEveryFormat() throws Exception {
        Path out = run(demoArgs("--format", "html,md,sarif,junit,xlsx"));
        golden("demo/report.html", read(out.resolve("report.html")));
        golden("demo/report.md", read(out.resolve("report.md")));
        golden("demo/report.sarif", read(out.resolve("report.sarif")));
        golden("demo/report.junit.xml", read(out.resolve("report.junit.xml")));
        golden("demo/report.xlsx.txt", dumpXlsx(Files.readAllBytes(out.resolve("report.xlsx"))));
    }

    @Test
    void demoPackageByDepartment() throws Exception {
        Path out = run(demoArgs("--format", "html,md,xlsx", "--group-by", "department"));
        golden("demo-by-department/report.html", read(out.resolve("report.html")));
        golden("demo-by-department/report.md", read(out.resolve("report.md")));
        golden("demo-by-department/report.xlsx.txt", dumpXlsx(Files.readAllBytes(out.resolve("report.xlsx"))));
    }

    @Test
    void demoPackageInEnglish() throws Exception {
        Path out = run(demoArgs("--format", "md,sarif,junit", "--lang", "en"));
        golden("demo-en/report.md", read(out.resolve("report.md")));
        golden("demo-en/report.sarif", read(out.resolve("report.sarif")));
        golden("demo-en/report.junit.xml", read(out.resolve("report.junit.xml")));
    }

    @Test
    void multiUnitPackageEveryFormat() throws Exception {
        Path out = run(multiArgs("--format", "html,md,sarif,junit,xlsx"));
        golden("multi/report.html", read(out.resolve("report.html")));
        golden("multi/report.md", read(out.resolve("report.md")));
        golden("multi/report.sarif", read(out.resolve("report.sarif")));
        golden("multi/report.junit.xml", read(out.resolve("report.junit.xml")));
        golden("multi/report.xlsx.txt", dumpXlsx(Files.readAllBytes(out.resolve("report.xlsx"))));
    }

    @Test
    void multiUnitPackageByResponsibleUnit() throws Exception {
        Path out = run(multiArgs("--format", "html,md,xlsx", "--group-by", "unit"));
        golden("multi-by-unit/report.html", read(out.resolve("report.html")));
        golden("multi-by-unit/report.md", read(out.resolve("report.md")));
        golden("multi-by-unit/report.xlsx.txt", dumpXlsx(Files.readAllBytes(out.resolve("report.xlsx"))));
    }
}
