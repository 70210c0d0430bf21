package cn.evcheck;

import cn.evcheck.check.Engine;
import cn.evcheck.inspect.Facts;
import cn.evcheck.inspect.Inspection;
import cn.evcheck.inspect.Inspector;
import cn.evcheck.inspect.Progress;
import cn.evcheck.inspect.Sidecars;
import cn.evcheck.model.Finding;
import cn.evcheck.model.Report.UnitResult;
import cn.evcheck.rules.BuiltinRules;
import cn.evcheck.rules.Model.RuleSet;
import cn.evcheck.scan.Inventory;
import cn.evcheck.scan.PackageScanner;
import cn.evcheck.testkit.Cli;
import cn.evcheck.testkit.Cli.Run;
import cn.evcheck.testkit.Docs;
import cn.evcheck.testkit.Jpegs;
import cn.evcheck.testkit.Pkg;
import cn.evcheck.util.Messages;
import cn.evcheck.util.Messages.Lang;
import cn.evcheck.util.SafeOpen;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * evcheck reads only the package's own regular files: links are not followed, FIFOs, devices and
 * sockets never opened (skipped, counted and said), and a file swapped for a link or a FIFO after
 * the scan is not read. The package — and what its links point at — is byte-identical afterwards.
 */
@Timeout(300)
class StayInsideTest {
    static final String RULES = """
            evcheck: 1
            id: inside
            title: 不出材料包
            period: {from: 2019-01-01, to: 2019-12-31}
            items:
              - id: III-65-2-2
                materials:
                  - {kind: photos, min: 1, per: two_months, caption: [time, organizer, theme]}
              - id: III-31-1-2
                years: [2019]
                materials:
                  - {kind: report, each: year, words: 50}
            """;
    static final String PHOTO = "III-65-2-2 自救互救/图片/2019-02-01 培训.jpg";

    @TempDir
    Path tmp;
    Path pkg;
    Path rules;
    Path outside;

    @BeforeEach
    void build() throws Exception {
        rules = tmp.resolve("rules.yaml");
        Files.writeString(rules, RULES);
        pkg = tmp.resolve("材料包");
        new Pkg(pkg).file(PHOTO, Jpegs.image(320, 240, 1, 0.7f))
                .file("III-31-1-2 报告/说明报告/2019年工作报告.docx", Docs.docx(Docs.prose(80)));
        // Somebody else's files next to the package, on the same drive.
        outside = tmp.resolve("别人的");
        new Pkg(outside).file("私人照片.jpg", Jpegs.image(640, 480, 9, 0.7f))
                .file("文件夹/2019-03-01 私人.jpg", Jpegs.image(640, 480, 10, 0.7f));
    }

    @Test
    void linksAndFifosInThePackageAreSkippedCountedAndLeftAsTheyAre() throws Exception {
        Files.createSymbolicLink(pkg.resolve("III-65-2-2 自救互救/图片/2019-03-01 外来的.jpg"), outside.resolve("私人照片.jpg"));
        Files.createSymbolicLink(pkg.resolve("III-65-2-2 自救互救/图片/外部文件夹"), outside.resolve("文件夹"));
        boolean fifo = Pkg.fifo(pkg.resolve("III-65-2-2 自救互救/图片/2019-04-01 管道.jpg"));
        TreeMap<String, String> before = Pkg.fingerprint(pkg);
        TreeMap<String, String> others = Pkg.fingerprint(outside);
        Run r = Cli.run("check", pkg.toString(), "--rules", rules.toString(), "--as-of", "2019-04-15", "--format", "json");
        assertTrue(r.code() == 0 || r.code() == 1, r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertFalse(r.out().contains("外来的") || r.out().contains("私人") || r.out().contains("管道"), r.out());
        JsonNode skipped = j.get("units").get(0).get("skipped");
        assertEquals(2, skipped.get("links").asInt(), skipped.toString());
        assertEquals(fifo ? 1 : 0, skipped.get("special").asInt(), skipped.toString());
        assertTrue(r.err().contains(Messages.format(Lang.ZH, "cli.skipped", "links", 2, "special", fifo ? 1 : 0)), r.err());
        assertEquals(before, Pkg.fingerprint(pkg));
        assertEquals(others, Pkg.fingerprint(outside));
        // Said once, in English too.
        Run en = Cli.run("check", pkg.toString(), "--rules", rules.toString(), "--as-of", "2019-04-15", "--lang", "en");
        assertEquals(1, en.err().lines().filter(l -> l.contains("symbolic links")).count(), en.err());
    }

    @Test
    void aPackageWithoutLinksSaysNothingAboutThem() throws Exception {
        Run r = Cli.run("check", pkg.toString(), "--rules", rules.toString(), "--as-of", "2019-04-15", "--format", "json");
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertNull(j.get("units").get(0).get("skipped"));
        assertFalse(r.err().contains(Messages.template(Lang.ZH, "cli.skipped").substring(0, 5)), r.err());
    }

    /** Scans, lets {@code swap} change the package, then inspects and checks what the scan found. */
    private UnitResult scanSwapCheck(Swap swap, String expectedReason) throws Exception {
        RuleSet rs = BuiltinRules.resolve(rules.toString(), null);
        Inventory inv = new PackageScanner(rs).scan(pkg);
        assertTrue(inv.files().stream().anyMatch(f -> f.rel().equals(PHOTO)));
        swap.run();
        Map<String, Facts> facts = Inspection.run(inv.files(), f -> new Inspector.Needs(true, false, false, false), 2, Progress.NONE);
        Facts photo = facts.get(PHOTO);
        assertEquals(expectedReason, photo.readError(), "the swapped file is not read");
        assertNull(photo.photo(), "no facts from the file it was swapped for");
        return Engine.check("", inv, facts, Sidecars.index(inv.sidecars(), facts), rs, LocalDate.of(2019, 4, 15));
    }

    @FunctionalInterface
    interface Swap {
        void run() throws Exception;
    }

    private static Finding unreadable(UnitResult u) {
        return u.findings().stream().filter(f -> f.code().equals("file.unreadable") && PHOTO.equals(f.file()))
                .findFirst().orElseThrow(() -> new AssertionError(u.findings()));
    }

    @Test
    void aFileSwappedForALinkAfterTheScanIsNotRead() throws Exception {
        TreeMap<String, String> others = Pkg.fingerprint(outside);
        UnitResult u = scanSwapCheck(() -> {
            Files.delete(pkg.resolve(PHOTO));
            Files.createSymbolicLink(pkg.resolve(PHOTO), outside.resolve("私人照片.jpg"));
        }, SafeOpen.LINK);
        Finding f = unreadable(u);
        assertTrue(f.message(false).startsWith("检查期间文件被替换或改动，为安全起见未读取"), f.message(false));
        assertTrue(f.message(true).startsWith("replaced or changed while the check ran"), f.message(true));
        assertEquals(others, Pkg.fingerprint(outside));
    }

    @Test
    void aFolderSwappedForALinkAfterTheScanIsNotFollowed() throws Exception {
        // The same photo, moved out and linked back: the file is the one scanned, the way to it is not.
        Path folder = pkg.resolve("III-65-2-2 自救互救/图片");
        scanSwapCheck(() -> {
            Files.move(folder, outside.resolve("图片"));
            Files.createSymbolicLink(folder, outside.resolve("图片"));
        }, SafeOpen.LINK);
    }

    @Test
    void aFileSwappedForAFifoAfterTheScanDoesNotHangTheRun() throws Exception {
        assumeTrue(Pkg.fifo(tmp.resolve("probe")), "mkfifo");
        UnitResult u = scanSwapCheck(() -> {
            Files.delete(pkg.resolve(PHOTO));
            assertTrue(Pkg.fifo(pkg.resolve(PHOTO)));
        }, SafeOpen.SPECIAL);
        assertEquals("error", unreadable(u).severity().name().toLowerCase(java.util.Locale.ROOT));
    }

    @Test
    void aFileRewrittenAfterTheScanIsNotReadAsTheFileScanned() throws Exception {
        scanSwapCheck(() -> Files.write(pkg.resolve(PHOTO), Jpegs.image(1024, 768, 2, 0.9f)), SafeOpen.CHANGED);
    }

    @Test
    void aSheetSwappedForALinkOrAFifoAfterTheScanIsNotOpened() throws Exception {
        // Spreadsheets go through the zip file system, which opens the path itself: checked before and after.
        // A caption sheet says its problem in its own facts (图片说明表无法读取：…).
        String sheet = "III-65-2-2 自救互救/图片/图片说明.xlsx";
        new Pkg(pkg).file(sheet, Docs.xlsx("文件名", "图片说明"));
        new Pkg(outside).file("表.xlsx", Docs.xlsx("文件名", "图片说明"));
        RuleSet rs = BuiltinRules.resolve(rules.toString(), null);
        Inventory inv = new PackageScanner(rs).scan(pkg);
        assertEquals(List.of(sheet), inv.sidecars().stream().map(f -> f.rel()).toList());
        Files.delete(pkg.resolve(sheet));
        Files.createSymbolicLink(pkg.resolve(sheet), outside.resolve("表.xlsx"));
        Map<String, Facts> facts = Inspection.run(inv.sidecars(), f -> Inspector.Needs.CAPTIONS, 1, Progress.NONE);
        assertEquals(SafeOpen.LINK, facts.get(sheet).captions().detail(), facts.get(sheet).toString());
        Files.delete(pkg.resolve(sheet));
        if (Pkg.fifo(pkg.resolve(sheet))) {
            facts = Inspection.run(inv.sidecars(), f -> Inspector.Needs.CAPTIONS, 1, Progress.NONE);
            assertEquals(SafeOpen.SPECIAL, facts.get(sheet).captions().detail(), facts.get(sheet).toString());
        }
    }

    @Test
    void unitFoldersThatAreLinksAreNotFollowed() throws Exception {
        Path drive = tmp.resolve("网盘");
        Files.createDirectories(drive);
        Files.move(pkg, drive.resolve("甲单位"));
        Files.createSymbolicLink(drive.resolve("乙单位"), outside);
        Run r = Cli.run("check", drive.toString(), "--by-unit", "--rules", rules.toString(), "--as-of", "2019-04-15",
                "--format", "json");
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(1, j.get("units").size(), r.out());
        assertEquals("甲单位", j.get("units").get(0).get("name").asText());
        List<String> files = j.get("photos").findValuesAsText("file");
        assertFalse(files.stream().anyMatch(s -> s.contains("私人")), files.toString());
    }
}
