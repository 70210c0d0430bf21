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
        assertTrue(r.err().contains("evcheck: Summary: 1 item — 0 complete, 0 incomplete, 1 missing; 1 error, 0 warnings, 0 notes"), r.err());
        // Issue 15 part 6: the gap list prints as a work list, with columns for the office to fill.
        try (var wb = org.apache.poi.ss.usermodel.WorkbookFactory.create(out.resolve("report.xlsx").toFile(), null, true)) {
            var sh = wb.getSheetAt(0);
            assertTrue(sh.getPrintSetup().getLandscape(), "landscape");
            assertTrue(sh.getFitToPage() && sh.getPrintSetup().getFitWidth() == 1 && sh.getPrintSetup().getFitHeight() == 0,
                    "all columns on the page's width");
            assertEquals("1:1", sh.getRepeatingRows().formatAsString(), "the heading row on every printed page");
            var head = sh.getRow(0);
            int last = head.getLastCellNum();
            assertEquals(java.util.List.of("Assignee", "Due", "Status"), java.util.List.of(head.getCell(last - 3).getStringCellValue(),
                    head.getCell(last - 2).getStringCellValue(), head.getCell(last - 1).getStringCellValue()));
        }
        Cli.Run quiet = Cli.run("check", pkg.toString(), "--rules", rules.toString(), "--format", "html", "--output", out.toString(),
                "--lang", "en", "--no-cache", "--quiet");
        assertFalse(quiet.err().contains("wrote"), "--quiet says nothing");
    }

    /** Issue 15 part 8: "did you mean", explain without an argument, rules show. */
    @Test
    void commandsSuggestListAndShow() throws Exception {
        Cli.Run typo = Cli.run("chek", tmp.toString());
        assertEquals(2, typo.code());
        assertTrue(typo.err().contains("not understood: 'chek'") && typo.err().contains("did you mean: check"), typo.err());
        Cli.Run option = Cli.run("check", tmp.toString(), "--formt", "json");
        assertTrue(option.err().contains("did you mean: --format"), option.err());
        Cli.Run english = Cli.run("chek", "--lang", "en");
        assertEquals("evcheck: not understood: 'chek'\ndid you mean: check, help?\nsee --help\n", english.err(), "English only with --lang en");
        Cli.Run chinese = Cli.run("chek", "--lang=zh");
        assertFalse(chinese.err().contains("not understood"), chinese.err());
        assertTrue(chinese.err().contains("\u65e0\u6cd5\u8bc6\u522b"), chinese.err());
        Cli.Run codes = Cli.run("explain", "--lang", "en");
        assertEquals(0, codes.code());
        assertEquals(cn.evcheck.check.Checks.codes().size(), codes.out().lines().count(), "one line per finding code");
        assertTrue(codes.out().lines().anyMatch(l -> l.startsWith("coverage.gap ")), codes.out());
        Cli.Run show = Cli.run("rules", "show", "ganyu-weijian-2020");
        assertEquals(0, show.code());
        Path copy = tmp.resolve("mine.yaml");
        Files.writeString(copy, show.out());
        assertEquals(0, Cli.run("rules", "lint", copy.toString()).code(), "a start one's own rule set can be made from");
        assertEquals(2, Cli.run("rules", "show", "no-such-set").code());
    }
}
