package cn.evcheck.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** Issue 15 part 2: the terminal's encoding, with look-alikes for what it cannot show. */
class ConsoleTextTest {
    @TempDir
    Path tmp;

    static final Charset GBK = Charset.forName("GBK");

    @Test
    void theEncodingIsTheTerminals() {
        assertEquals(GBK, ConsoleText.choose(null, "GBK", null), "a Chinese Windows console (sun.stdout.encoding)");
        assertEquals(GBK, ConsoleText.choose("GBK", null, StandardCharsets.UTF_8), "stdout.encoding first");
        assertEquals(Charset.forName("GB18030"), ConsoleText.choose(null, null, Charset.forName("GB18030")), "the console's own");
        assertEquals(StandardCharsets.UTF_8, ConsoleText.choose(null, null, null), "a pipe or a file: UTF-8");
        assertEquals(StandardCharsets.UTF_8, ConsoleText.choose(null, null, StandardCharsets.US_ASCII), "a POSIX locale: UTF-8");
        assertEquals(StandardCharsets.UTF_8, ConsoleText.choose("no-such-charset", null, null));
    }

    private Path rules() throws Exception {
        Path r = tmp.resolve("rules.yaml");
        Files.writeString(r, "evcheck: 1\nid: gbk\nperiod: {from: 2019-01-01, to: 2019-12-31}\n"
                + "items:\n  - id: A-1\n    materials:\n      - {kind: report, words: 300}\n");
        Files.createDirectories(tmp.resolve("pkg"));
        return r;
    }

    @Test
    void aGbkConsoleGetsGbkAndLookAlikes() throws Exception {
        Path r = rules();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Main.run(out, new ByteArrayOutputStream(), GBK, "check", tmp.resolve("pkg").toString(), "--rules", r.toString(),
                "--no-cache", "--as-of", "2019-12-31");
        assertEquals(1, code);
        String text = new String(out.toByteArray(), GBK);
        assertTrue(text.contains("网上申报材料缺口报告"), "Chinese as GBK, not mojibake: " + text);
        assertFalse(text.contains("✗") || text.contains("?  "), text);
        assertTrue(text.contains("  x "), "✗ becomes x: " + text);
    }

    /** The CLI run as a JVM whose console is GBK (as java.exe sets sun.stdout.encoding on a Chinese Windows). */
    @Test
    void theCliInAGbkConsole() throws Exception {
        Path r = rules();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dsun.stdout.encoding=GBK", "-Devcheck.ocr=off", "-cp", System.getProperty("java.class.path"), "cn.evcheck.cli.Main",
                "check", tmp.resolve("pkg").toString(), "--rules", r.toString(), "--no-cache", "--as-of", "2019-12-31"));
        Path out = tmp.resolve("out.txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(tmp.resolve("err.txt").toFile()).start();
        assertTrue(p.waitFor(2, TimeUnit.MINUTES));
        String text = new String(Files.readAllBytes(out), GBK);
        assertTrue(text.contains("网上申报材料缺口报告"), text + Files.readString(tmp.resolve("err.txt")));
    }
}
