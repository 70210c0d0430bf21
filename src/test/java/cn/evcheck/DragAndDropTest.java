package cn.evcheck;

import cn.evcheck.testkit.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue 15 part 1: a package folder dropped onto evcheck.cmd (or opened with the desktop entry) runs
 * {@code evcheck open FOLDER}: reports beside the package, the HTML opened, the package untouched.
 */
class DragAndDropTest {
    @TempDir
    Path tmp;

    /** A copy of samples/ (the demo unit and the rules its evcheck.yaml names by a relative path). */
    Path demo() throws Exception {
        Path samples = Path.of("samples");
        try (Stream<Path> s = Files.walk(samples)) {
            for (Path p : s.toList()) {
                Path to = tmp.resolve("samples").resolve(samples.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(to);
                else Files.copy(p, to, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        return tmp.resolve("samples").resolve("\u9752\u53e3\u4e2d\u5fc3\u536b\u751f\u9662");   // 青口中心卫生院
    }

    static Map<String, String> tree(Path root) throws Exception {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.toList()) {
                m.put(root.relativize(p).toString(), Files.isDirectory(p) ? "dir"
                        : java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)))
                        + " " + Files.getLastModifiedTime(p).toMillis());
            }
        }
        return m;
    }

    /** The day evcheck names the folder after (China's date; a run at midnight is not expected). */
    static String today() {
        return java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
    }

    @Test
    void aDroppedFolderGetsItsReportsBesideItAndTheHtmlOpens() throws Exception {
        Path pkg = demo();
        Map<String, String> before = tree(pkg);
        // The "browser": records what it was asked to open.
        Path opened = tmp.resolve("opened.txt");
        Path browser = tmp.resolve("browser.sh");
        Files.writeString(browser, "#!/bin/sh\nprintf '%s' \"$1\" > '" + opened + ".part' && mv '" + opened + ".part' '" + opened + "'\n");
        Files.setPosixFilePermissions(browser, PosixFilePermissions.fromString("rwxr-xr-x"));

        Cli.Run r = Cli.run("open", pkg.toString(), "--lang", "en", "--open-with", browser.toString());
        assertEquals(1, r.code(), r.err());   // the demo has findings
        String day = today();
        Path out = tmp.resolve("samples").resolve(pkg.getFileName() + "-evcheck-report-" + day);
        assertTrue(Files.isRegularFile(out.resolve("report.html")), r.err());
        assertTrue(Files.isRegularFile(out.resolve("report.xlsx")), r.err());
        assertTrue(Files.isRegularFile(out.resolve("report.txt")), r.err());
        assertTrue(r.out().contains("gap report"), "the text report is shown in the window: " + r.out());
        assertTrue(r.err().contains("wrote " + out.toRealPath().resolve("report.html")), r.err());
        for (int i = 0; i < 200 && !Files.exists(opened); i++) Thread.sleep(50);
        assertEquals(out.resolve("report.html").toString(), Files.readString(opened));
        assertEquals(before, tree(pkg), "the package was changed");
        try (Stream<Path> s = Files.list(tmp.resolve("samples"))) {
            assertEquals(3, s.count(), "only the report folder was added beside the package");
        }
    }

    @Test
    void chineseFolderNameAndNoOpen() throws Exception {
        Path pkg = demo();
        Cli.Run r = Cli.run("open", pkg.toString(), "--no-open");
        assertEquals(1, r.code(), r.err());
        // 青口中心卫生院-检查报告-<date>
        Path out = tmp.resolve("samples").resolve(pkg.getFileName() + "-\u68c0\u67e5\u62a5\u544a-" + today());
        assertTrue(Files.isRegularFile(out.resolve("report.html")), r.err());
    }

    @Test
    void withoutAFolderOrADisplayItSaysWhatToDo() {
        Cli.Run r = Cli.run("open", "--lang", "en");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("drop the folder onto evcheck.cmd, or run: evcheck open FOLDER"), r.err());
    }

    @Test
    void aFolderWithoutRulesIsAUsageErrorAndNothingIsOpened() throws Exception {
        Path pkg = Files.createDirectories(tmp.resolve("empty"));
        Path opened = tmp.resolve("opened.txt");
        Cli.Run r = Cli.run("open", pkg.toString(), "--lang", "en", "--open-with", "/bin/touch " + opened);
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("rules"), r.err());
        assertFalse(Files.exists(opened));
        assertEquals(List.of(), Files.list(pkg).toList());
    }
}
