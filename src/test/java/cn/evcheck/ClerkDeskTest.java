package cn.evcheck;

import cn.evcheck.testkit.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** Issue 15 part 4: a report written to a folder is named on the terminal, with the summary. */
class ClerkDeskTest {
    @TempDir
    Path tmp;

    @Test
    void writtenReportsAreNamedAndSummarised() throws Exception {
        Path rules = tmp.resolve("rules.yaml");
        Files.writeString(rules, "evcheck: 1\nid: desk\nperiod: {from: 2019-01-01, to: 2019-12-31}\n"
                + "items:\n  - id: A-1\n    materials:\n      - {kind: report, words: 300}\n");
        Path pkg = Files.createDirectories(tmp.resolve("pkg"));
        Path out = tmp.resolve("out");
        Cli.Run r = Cli.run("check", pkg.toString(), "--rules", rules.toString(), "--format", "html,xlsx", "--output", out.toString(),
                "--lang", "en", "--no-cache", "--as-of", "2019-12-31");
        assertEquals("", r.out(), "stdout stays for reports");
        String real = out.toRealPath().toString();
        assertTrue(r.err().contains("evcheck: wrote " + Path.of(real, "report.html")), r.err());
        assertTrue(r.err().contains("evcheck: wrote " + Path.of(real, "report.xlsx")), r.err());
        assertTrue(r.err().contains("evcheck: Summary: 1 items — 0 complete, 0 incomplete, 1 missing; 1 errors"), r.err());
        Cli.Run quiet = Cli.run("check", pkg.toString(), "--rules", rules.toString(), "--format", "html", "--output", out.toString(),
                "--lang", "en", "--no-cache", "--quiet");
        assertFalse(quiet.err().contains("wrote"), "--quiet says nothing");
    }
}
