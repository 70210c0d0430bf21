package cn.evcheck.cli;

import cn.evcheck.testkit.Cli;
import cn.evcheck.testkit.Cli.Run;
import cn.evcheck.testkit.Docs;
import cn.evcheck.testkit.Jpegs;
import cn.evcheck.testkit.Pkg;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.charset.StandardCharsets;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** {@code --output} never lands in the package, never writes through a link, one run at a time. */
class OutputSafetyTest {
    static final String RULES = """
            evcheck: 1
            id: safety
            title: 安全测试
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

    @TempDir
    Path tmp;
    Path pkg;
    Path rules;
    Path evidence;

    @BeforeEach
    void build() throws Exception {
        rules = tmp.resolve("rules.yaml");
        Files.writeString(rules, RULES);
        pkg = tmp.resolve("材料包");
        Pkg p = new Pkg(pkg);
        p.file("III-65-2-2 自救互救/图片/2019-02-01 培训.jpg", Jpegs.image(320, 240, 1, 0.7f));
        p.file("III-31-1-2 报告/说明报告/2019年工作报告.docx", Docs.docx(Docs.prose(80)));
        evidence = pkg.resolve("III-31-1-2 报告/说明报告/2019年工作报告.docx");
    }

    private Run check(String... extra) {
        String[] base = {"check", pkg.toString(), "--rules", rules.toString(), "--as-of", "2019-04-15"};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return Cli.run(all);
    }

    @Test
    void aMissingOutputFolderReachedThroughALinkIntoThePackageIsRefused() throws Exception {
        Files.createSymbolicLink(tmp.resolve("link-to-package"), pkg.resolve("III-65-2-2 自救互救"));
        TreeMap<String, String> before = Pkg.fingerprint(pkg);
        String out = tmp.resolve("link-to-package/报告").toString();
        Run zh = check("--format", "json,html", "--output", out);
        assertEquals(2, zh.code(), zh.err());
        assertTrue(zh.err().contains("--output 不能位于材料包内"), zh.err());
        Run en = check("--format", "json", "--output", out, "--lang", "en");
        assertEquals(2, en.code(), en.err());
        assertTrue(en.err().contains("--output must not be inside the package"), en.err());
        assertEquals(before, Pkg.fingerprint(pkg));
        assertFalse(Files.exists(pkg.resolve("III-65-2-2 自救互救/报告")));
    }

    @Test
    void dotDotAfterALinkIsRefusedToo() throws Exception {
        Path elsewhere = Files.createDirectories(tmp.resolve("别处"));
        Files.createSymbolicLink(elsewhere.resolve("deep"), pkg.resolve("III-65-2-2 自救互救/图片"));
        TreeMap<String, String> before = Pkg.fingerprint(pkg);
        // The system reads 别处/deep/.. as the item folder, not as 别处.
        Run r = check("--format", "json", "--output", elsewhere.resolve("deep/../报告").toString());
        assertEquals(2, r.code(), r.err());
        assertEquals(before, Pkg.fingerprint(pkg));
    }

    @Test
    void byUnitTheDriveRootIsThePackage() throws Exception {
        Path drive = tmp.resolve("网盘");
        Files.createDirectories(drive);
        Files.move(pkg, drive.resolve("甲单位"));
        Files.createSymbolicLink(tmp.resolve("link"), drive.resolve("甲单位"));
        TreeMap<String, String> before = Pkg.fingerprint(drive);
        Run r = Cli.run("check", drive.toString(), "--by-unit", "--rules", rules.toString(), "--as-of", "2019-04-15",
                "--format", "json", "--output", tmp.resolve("link/报告").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("材料包"), r.err());
        assertEquals(before, Pkg.fingerprint(drive));
    }

    @Test
    void aLinkPlantedUnderAReportNameIsNotWrittenThrough() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("报告"));
        for (String name : new String[]{"report.xlsx", "report.json", "report.txt", "report.html"}) {
            Files.createSymbolicLink(out.resolve(name), evidence);
        }
        TreeMap<String, String> before = Pkg.fingerprint(pkg);
        Run r = check("--format", "text,json,html,xlsx", "--output", out.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(before, Pkg.fingerprint(pkg), "the evidence the links pointed at is unchanged");
        for (String name : new String[]{"report.xlsx", "report.json", "report.txt", "report.html"}) {
            assertTrue(Files.isRegularFile(out.resolve(name), LinkOption.NOFOLLOW_LINKS), name);
        }
        assertTrue(Files.readString(out.resolve("report.json")).contains("\"findings\""));
    }

    @Test
    void aSecondRunIntoTheSameFolderWaitsThenFailsClearly() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("报告"));
        Files.writeString(out.resolve("report.json"), "{\"previous\": true}");
        long wait = OutputFolder.lockWaitMs;
        OutputFolder.lockWaitMs = 200;
        // Another run (here: this test) is in its write phase and holds the folder's lock.
        try (FileChannel ch = FileChannel.open(out.resolve(".evcheck.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock held = ch.lock()) {
            Run zh = check("--format", "json", "--output", out.toString());
            assertEquals(3, zh.code(), zh.err());
            assertTrue(zh.err().contains("另一个 evcheck 正在向"), zh.err());
            Run en = check("--format", "json", "--output", out.toString(), "--lang", "en");
            assertEquals(3, en.code(), en.err());
            assertTrue(en.err().contains("another evcheck run is writing reports to"), en.err());
            assertEquals("{\"previous\": true}", Files.readString(out.resolve("report.json")), "nothing written meanwhile");
        } finally {
            OutputFolder.lockWaitMs = wait;
        }
        Run after = check("--format", "json", "--output", out.toString());
        assertEquals(0, after.code(), after.err());
        assertTrue(Files.readString(out.resolve("report.json")).contains("\"findings\""));
    }

    /** A run in another process holds the folder's lock (FileChannel locks are per process). */
    @Test
    @Timeout(120)
    void aRunInAnotherProcessHoldsTheLock() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("报告"));
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Process holder = new ProcessBuilder(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                HoldLock.class.getName(), out.resolve(OutputFolder.LOCK).toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        long wait = OutputFolder.lockWaitMs;
        try {
            BufferedReader said = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("locked", said.readLine());
            OutputFolder.lockWaitMs = 300;
            Run r = check("--format", "json", "--output", out.toString());
            assertEquals(3, r.code(), r.err());
            assertTrue(r.err().contains("另一个 evcheck 正在向"), r.err());
            assertFalse(Files.exists(out.resolve("report.json")));
        } finally {
            OutputFolder.lockWaitMs = wait;
            holder.getOutputStream().close();   // the other run ends: its lock goes with it
            assertTrue(holder.waitFor(60, TimeUnit.SECONDS));
        }
        Run after = check("--format", "json", "--output", out.toString());
        assertEquals(0, after.code(), after.err());
        assertTrue(Files.exists(out.resolve("report.json")));
    }

    /** Holds the lock of the file named by its argument until its standard input closes. */
    public static final class HoldLock {
        public static void main(String[] args) throws Exception {
            try (FileChannel ch = FileChannel.open(Path.of(args[0]), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock held = ch.lock()) {
                System.out.println("locked");
                System.out.flush();
                while (System.in.read() >= 0) {
                    // until the test closes our input
                }
            }
        }
    }
}
