package cn.evcheck.scan;

import cn.evcheck.testkit.Cli;
import cn.evcheck.testkit.Docs;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 12 part 5: names that are not UTF-8 — GBK names from a Windows zip tool — are shown in a
 * recoverable form, and the files behind them are read.
 */
class NamesTest {
    @TempDir
    Path tmp;

    @Test
    void bytesThatAreNotUtf8AreEscapedAndValidOnesKept() {
        byte[] mixed = concat(new byte[]{'a', (byte) 0xFF, (byte) 0xFE, 'b'}, "情.txt".getBytes(StandardCharsets.UTF_8));
        assertEquals("a\\xff\\xfeb情.txt", Names.escaped(mixed));
        assertEquals("情况说明.docx", Names.strict("情况说明.docx".getBytes(Charset.forName("GBK")), Charset.forName("GB18030")));
        assertNull(Names.strict("情况说明.docx".getBytes(Charset.forName("GBK")), StandardCharsets.UTF_8));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** A whole package extracted from a GBK zip: folders and files named in GBK bytes. */
    @Test
    void aGbkNamedPackageIsReadAsItsChineseNames() throws Exception {
        assumeTrue("UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding")), "file names are decoded as UTF-8 here");
        Path root = tmp.resolve("pkg");
        Files.createDirectories(root);
        // Raw GBK bytes as names: write them through the byte-level path of a shell-free API.
        byte[] folder = "说明报告".getBytes(Charset.forName("GBK"));
        byte[] file = "情况说明.docx".getBytes(Charset.forName("GBK"));
        Path item = Files.createDirectories(root.resolve("R-1"));
        Path dir = rawChild(item, folder);
        Files.createDirectories(dir);
        Files.write(rawChild(dir, file), Docs.docx("关于志愿服务的情况说明", Docs.prose(60)));
        assertTrue(Files.list(dir).findFirst().orElseThrow().getFileName().toString().contains("\uFFFD"),
                "the platform cannot decode the name");

        Path rules = tmp.resolve("rules.yaml");
        Files.writeString(rules, """
                evcheck: 1
                id: gbk
                period: {from: 2019-01-01, to: 2019-12-31}
                items:
                  - {id: R-1, materials: [{kind: report, words: 60}]}
                """);
        Cli.Run r = Cli.run("check", root.toString(), "--rules", rules.toString(), "--as-of", "2019-12-31", "--format", "json");
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals("R-1/说明报告/情况说明.docx", j.get("reports").get(0).get("file").asText(), r.out());
        assertTrue(j.get("reports").get(0).get("words").asInt() > 0, "the file behind the name was read");
    }

    /** {@code dir} resolved with a name given as raw bytes (through its URI, which carries bytes). */
    private static Path rawChild(Path dir, byte[] name) {
        StringBuilder enc = new StringBuilder();
        for (byte b : name) enc.append(String.format("%%%02X", b & 0xFF));
        String base = dir.toUri().getRawPath();
        return Path.of(java.net.URI.create("file://" + base + (base.endsWith("/") ? "" : "/") + enc));
    }
}
