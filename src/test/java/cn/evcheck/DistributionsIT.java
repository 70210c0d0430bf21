package cn.evcheck;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 15 part 1, on what {@code ./mvnw package} built (failsafe, integration-test phase): the Windows
 * zip holds the scripts in the encodings Windows needs and a jar that runs; the .deb, unpacked, runs
 * the demo with its own jlinked runtime and prints what the jar prints, also from a Notepad (GBK)
 * evcheck.yaml, which needs the runtime's jdk.charsets.
 */
class DistributionsIT {
    static final String VERSION = System.getProperty("evcheck.version", "0.1.0");
    static final Path TARGET = Path.of("target");
    static final String UNIT = "\u9752\u53e3\u4e2d\u5fc3\u536b\u751f\u9662";   // 青口中心卫生院

    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {}

    static Run exec(List<String> cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("LANG", "C.UTF-8");
        Path out = Files.createTempFile("evcheck-it-", ".out");
        Path err = Files.createTempFile("evcheck-it-", ".err");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "timed out: " + cmd);
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Test
    void theWindowsZipHoldsTheScriptsAndARunnableJar() throws Exception {
        Path zip = TARGET.resolve("evcheck-" + VERSION + "-windows.zip");
        assertTrue(Files.isRegularFile(zip), "not built: " + zip);
        String top = "evcheck-" + VERSION + "/";
        try (ZipFile z = new ZipFile(zip.toFile())) {
            byte[] cmd = z.getInputStream(z.getEntry(top + "evcheck.cmd")).readAllBytes();
            assertTrue(new String(cmd, Charset.forName("GBK")).contains("\u672a\u627e\u5230 Java"), "evcheck.cmd is not GBK");
            byte[] ps1 = z.getInputStream(z.getEntry(top + "evcheck.ps1")).readAllBytes();
            assertArrayEquals(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, java.util.Arrays.copyOf(ps1, 3),
                    "evcheck.ps1 needs a BOM, or Windows PowerShell 5.1 reads it as ANSI");
            assertTrue(new String(ps1, StandardCharsets.UTF_8).contains("\r\n"), "CRLF");
            assertNotNull(z.getEntry(top + "\u4f7f\u7528\u8bf4\u660e.txt"), "the Chinese read-me");
            Path jar = tmp.resolve("evcheck.jar");
            Files.copy(z.getInputStream(z.getEntry(top + "evcheck.jar")), jar);
            Run v = exec(List.of(java(), "-jar", jar.toString(), "--version"));
            assertEquals(0, v.code(), v.err());
            assertEquals("evcheck " + VERSION, v.out().strip());
        }
    }

    @Test
    void theDebUnpackedRunsTheDemoWithItsOwnRuntime() throws Exception {
        Path deb;
        try (Stream<Path> s = Files.list(TARGET)) {
            deb = s.filter(p -> p.getFileName().toString().matches("evcheck_.*_amd64\\.deb")).findFirst().orElse(null);
        }
        assumeTrue(deb != null, "SKIPPED: no .deb was built (jpackage, the JDK's jmods, dpkg-deb or fakeroot missing; see the build log)");
        Path root = tmp.resolve("root");
        Run x = exec(List.of("dpkg-deb", "-x", deb.toString(), root.toString()));
        assertEquals(0, x.code(), x.err());
        Path launcher = root.resolve("opt/evcheck/bin/evcheck");
        assertTrue(Files.isExecutable(launcher));
        // The runtime starts from its own class-data archive, as a JDK does (jlink leaves it out unless asked).
        assertTrue(Files.size(root.resolve("opt/evcheck/lib/runtime/lib/server/classes.jsa")) > 1_000_000);
        Run info = exec(List.of("dpkg-deb", "-f", deb.toString(), "Recommends"));
        assertTrue(info.out().contains("tesseract-ocr-chi-sim"), info.out());
        String desktop;
        try (Stream<Path> s = Files.list(root.resolve("opt/evcheck/lib"))) {
            desktop = Files.readString(s.filter(p -> p.toString().endsWith(".desktop")).findFirst().orElseThrow());
        }
        assertTrue(desktop.contains("MimeType=inode/directory;"), desktop);
        assertTrue(desktop.contains("/opt/evcheck/bin/evcheck open"), desktop);

        // The demo, its evcheck.yaml re-saved by Notepad as GBK.
        Path samples = tmp.resolve("samples");
        try (Stream<Path> s = Files.walk(Path.of("samples"))) {
            for (Path p : s.toList()) {
                Path to = samples.resolve(Path.of("samples").relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(to);
                else Files.copy(p, to, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        Path yaml = samples.resolve(UNIT).resolve("evcheck.yaml");
        Files.write(yaml, Files.readString(yaml).getBytes(Charset.forName("GBK")));
        List<String> args = List.of("check", samples.resolve(UNIT).toString(), "--lang", "en", "--no-cache");
        List<String> viaDeb = new ArrayList<>(List.of(launcher.toString()));
        viaDeb.addAll(args);
        List<String> viaJar = new ArrayList<>(List.of(java(), "-jar", TARGET.resolve("evcheck.jar").toString()));
        viaJar.addAll(args);
        Run d = exec(viaDeb);
        Run j = exec(viaJar);
        assertEquals(1, d.code(), d.err());
        assertEquals(j.out(), d.out(), "the .deb's evcheck and the jar disagree");
        assertTrue(d.out().contains("Unit: " + UNIT), d.out());
    }

    /**
     * The jar carries picocli's classes as Java 8 class files with frames (src/build/PicocliFrames.java), one
     * copy of each, and a class-data archive written at a run's exit (as the launcher writes it) holds them:
     * with picocli's own Java 5 classes it did not, and every run loaded them from the jar.
     */
    @Test
    void picocliIsInTheClassDataArchive() throws Exception {
        Path jar = TARGET.resolve("evcheck.jar");
        try (ZipFile z = new ZipFile(jar.toFile())) {
            byte[] head = z.getInputStream(z.getEntry("picocli/CommandLine.class")).readNBytes(8);
            assertTrue(((head[6] & 0xFF) << 8 | (head[7] & 0xFF)) >= 52, "class-file version " + (head[7] & 0xFF));
            assertEquals(1, z.stream().filter(e -> e.getName().equals("picocli/CommandLine$Help.class")).count());
        }
        Path jsa = tmp.resolve("evcheck.jsa");
        Run dump = exec(List.of(java(), "-XX:ArchiveClassesAtExit=" + jsa, "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
                "-jar", jar.toString(), "--version"));
        assertEquals(0, dump.code(), dump.err());
        assertTrue(Files.size(jsa) > 0);
        Run run = exec(List.of(java(), "-XX:SharedArchiveFile=" + jsa, "-Xlog:class+load=info", "-jar", jar.toString(), "--version"));
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().lines().anyMatch(l -> l.contains(" picocli.CommandLine$Help ") && l.contains("shared objects file")),
                "picocli was loaded from the jar, not from the archive");
        assertTrue(run.out().contains("evcheck " + VERSION), run.out());
    }
}
