package cn.evcheck.cli;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Windows launcher, evcheck.cmd as the build ships it (GBK, CRLF, made in process-resources), run
 * by a real cmd.exe: Wine's (Debian package {@code wine}; skipped, saying so, without it). Its
 * EVCHECK_DRYRUN switch prints the Java command instead of running it, so these tests see which Java
 * it chose and what it passes on; the java.exe files here are empty placeholders that only have to exist.
 * Wine runs with a Chinese locale, so its code page is 936 as on a Chinese Windows.
 */
class WindowsLauncherTest {
    static final Path SCRIPT = Path.of("target", "dist", "windows", "evcheck.cmd");
    static final Charset GBK = Charset.forName("GBK");
    static Path wine;
    static Path prefix;

    @TempDir
    Path tmp;

    @BeforeAll
    static void findWine() throws IOException {
        wine = findOnPath("wine");
        assumeTrue(wine != null, "SKIPPED: wine not found (Debian: apt-get install wine wine64); evcheck.cmd is not run");
        assertTrue(Files.isRegularFile(SCRIPT), "the build did not make " + SCRIPT + " (maven-antrun-plugin, process-resources)");
        prefix = Files.createTempDirectory("evcheck-wine-");
    }

    /** Wine's prefix is ~700 MB: stop its server and remove it, or every test run leaves one in /tmp. */
    @AfterAll
    static void removePrefix() throws Exception {
        if (prefix == null) return;
        Path server = findOnPath("wineserver");
        if (server != null) {
            ProcessBuilder pb = new ProcessBuilder(server.toString(), "-k").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            pb.environment().put("WINEPREFIX", prefix.toString());
            Process p = pb.start();
            p.waitFor(30, TimeUnit.SECONDS);
        }
        try (var walk = Files.walk(prefix)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
        assertFalse(Files.exists(prefix), "wine prefix left behind: " + prefix);
    }

    static Path findOnPath(String name) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path p = Path.of(d, name);
            if (Files.isExecutable(p)) return p;
        }
        return null;
    }

    record Run(int code, String out) {}

    /** Runs {@code cmd /c evcheck.cmd args…} from a copy of the script in {@code home}. */
    Run run(Path home, Map<String, String> env, String... args) throws Exception {
        Files.copy(SCRIPT, home.resolve("evcheck.cmd"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        List<String> cmd = new ArrayList<>(List.of(wine.toString(), "cmd", "/c", "evcheck.cmd"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(home.toFile()).redirectErrorStream(true);
        pb.environment().remove("JAVA_HOME");
        pb.environment().put("WINEPREFIX", prefix.toString());
        pb.environment().put("WINEDEBUG", "-all");
        pb.environment().put("WINEPATH", "Z:\\nonexistent");
        pb.environment().put("LANG", "zh_CN.UTF-8");
        pb.environment().put("LC_ALL", "zh_CN.UTF-8");
        pb.environment().putAll(env);
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "wine cmd did not finish");
        // Wine's own notes (e.g. about a 32-bit part it lacks) are not the script's output.
        String text = new String(out, GBK).lines().filter(l -> !l.startsWith("wine:")).reduce("", (a, b) -> a + b + "\n");
        return new Run(p.exitValue(), text);
    }

    static String win(Path p) {
        return "Z:" + p.toAbsolutePath().toString().replace('/', '\\');
    }

    static Path fakeJava(Path jdk) throws IOException {
        Files.createDirectories(jdk.resolve("bin"));
        return Files.createFile(jdk.resolve("bin").resolve("java.exe"));
    }

    @Test
    void theRuntimeFolderBesideTheScriptComesFirstAndADroppedFolderIsOpened() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("evcheck"));
        fakeJava(home.resolve("runtime"));
        fakeJava(tmp.resolve("jdk"));   // JAVA_HOME is set too, and loses
        Path pkg = Files.createDirectories(tmp.resolve("pkg"));
        Run r = run(home, Map.of("EVCHECK_DRYRUN", "1", "EVCHECK_NOPAUSE", "1", "JAVA_HOME", win(tmp.resolve("jdk"))), win(pkg));
        assertEquals(0, r.code(), r.out());
        String line = r.out().lines().filter(l -> l.contains("java.exe")).findFirst().orElse("");
        assertTrue(line.startsWith("\"" + win(home.resolve("runtime/bin/java.exe")) + "\""), r.out());
        assertTrue(line.contains("-jar \"" + win(home) + "\\evcheck.jar\" open \"" + win(pkg) + "\""), line);
    }

    @Test
    void thenJavaHomeThenPath() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("evcheck"));
        fakeJava(tmp.resolve("jdk"));
        fakeJava(tmp.resolve("onpath"));
        Run viaHome = run(home, Map.of("EVCHECK_DRYRUN", "1", "JAVA_HOME", win(tmp.resolve("jdk")),
                "WINEPATH", win(tmp.resolve("onpath/bin"))), "check", "Z:\\x", "--format", "html");
        assertEquals(0, viaHome.code(), viaHome.out());
        assertTrue(viaHome.out().contains("\"" + win(tmp.resolve("jdk/bin/java.exe")) + "\" -XX:+UseSerialGC"), viaHome.out());
        // Arguments are the evcheck command, passed on as they are; no folder was dropped, so no "open".
        assertTrue(viaHome.out().contains("evcheck.jar\" check Z:\\x --format html"), viaHome.out());

        Run viaPath = run(home, Map.of("EVCHECK_DRYRUN", "1", "WINEPATH", win(tmp.resolve("onpath/bin"))), "--version");
        assertEquals(0, viaPath.code(), viaPath.out());
        assertTrue(viaPath.out().toLowerCase(java.util.Locale.ROOT).contains(win(tmp.resolve("onpath/bin/java.exe")).toLowerCase(java.util.Locale.ROOT)),
                viaPath.out());
    }

    @Test
    void noJavaAnywhereSaysInChineseWhatToInstallAndExits3() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("evcheck"));
        Run r = run(home, Map.of(), "check", "Z:\\x");
        assertEquals(3, r.code(), r.out());
        assertTrue(r.out().contains("\u672a\u627e\u5230 Java"), r.out());              // 未找到 Java
        assertTrue(r.out().contains("runtime\\bin\\java.exe"), r.out());
        assertTrue(r.out().contains("JAVA_HOME") && r.out().contains("PATH"), r.out());
    }

    @Test
    void doubleClickedWithoutAFolderOpensTheChooserAndTheWindowWaits() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("evcheck"));
        fakeJava(home.resolve("runtime"));
        Run r = run(home, Map.of("EVCHECK_DRYRUN", "1"));
        assertEquals(0, r.code(), r.out());
        assertTrue(r.out().contains("evcheck.jar\" open"), r.out());
        assertTrue(r.out().contains("Press any key") || r.out().contains("\u6309\u4efb\u610f\u952e"), "no pause: " + r.out());
    }

    @Test
    void theShippedScriptIsGbkWithCrlfLineEnds() throws Exception {
        byte[] b = Files.readAllBytes(SCRIPT);
        String text = new String(b, GBK);
        assertTrue(text.contains("\u672a\u627e\u5230 Java"), "the Chinese message is not GBK");
        assertFalse(new String(b, StandardCharsets.ISO_8859_1).matches("(?s).*[^\r]\n.*"), "a line ends without CR");
    }
}
