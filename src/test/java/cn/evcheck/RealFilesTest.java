package cn.evcheck;

import cn.evcheck.testkit.Cli;
import cn.evcheck.testkit.Pkg;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Public files nobody on the team wrote (src/test/resources/fixtures/real, provenance in the
 * fixtures README), each of which evcheck once judged wrongly: a sound Chinese workbook reported
 * damaged, password-protected workbooks reported damaged, a fuzzed .doc whose finding changed
 * with the thread count, a sound JBIG2 scan reported damaged.
 */
class RealFilesTest {
    static final Path REAL = Path.of("src", "test", "resources", "fixtures", "real");
    static final String RULES = """
            evcheck: 1
            id: real
            period: {from: 2019-01-01, to: 2019-12-31}
            defaults:
              document: {formats: [jpg, jpeg, pdf]}
            items:
              - {id: B-1, materials: [{kind: report, words: 300}]}
              - {id: C-1, materials: [{kind: formal_doc}]}
              - {id: E-1, materials: [{kind: data_table}]}
              - {id: E-2, materials: [{kind: data_table}]}
              - {id: E-3, materials: [{kind: data_table}]}
            """;

    @Test
    void realFilesAreJudgedForWhatTheyAreTheSameWithAnyThreadCount(@TempDir Path tmp) throws Exception {
        Path pkg = tmp.resolve("pkg");
        new Pkg(pkg).file("B-1/说明报告/fuzz.doc", read("clusterfuzz-testcase-minimized-POIHWPFFuzzer-5418937293340672.doc"))
                .file("C-1/正式发文/JBIG2Image.pdf", read("JBIG2Image.pdf"))
                .file("E-1/数据表格/dataformat.xlsx", read("dataformat.xlsx"))
                .file("E-2/数据表格/password.xls", read("password.xls"))
                .file("E-3/数据表格/xor-encryption-abc.xls", read("xor-encryption-abc.xls"));
        Path rules = tmp.resolve("rules.yaml");
        Files.writeString(rules, RULES);
        String one = json(pkg, rules, "1");
        assertEquals(one, json(pkg, rules, "2"), "the report must not depend on the thread count");
        JsonNode j = new ObjectMapper().readTree(one);
        Map<String, List<String>> byFile = new TreeMap<>();
        for (JsonNode f : j.get("findings")) {
            if (!f.get("file").isNull()) byFile.computeIfAbsent(f.get("file").asText(), k -> new ArrayList<>()).add(f.get("code").asText());
        }
        // Excel's own Chinese date format ([DBNum1][$-804]yyyy"年"m"月"d"日") does not make the workbook unreadable.
        assertFalse(byFile.getOrDefault("E-1/数据表格/dataformat.xlsx", List.of()).contains("file.unreadable"), byFile.toString());
        assertEquals(List.of("doc.encrypted"), byFile.get("E-2/数据表格/password.xls"));
        assertEquals(List.of("doc.encrypted"), byFile.get("E-3/数据表格/xor-encryption-abc.xls"));
        assertEquals(List.of("report.unparseable"), byFile.get("B-1/说明报告/fuzz.doc"));
        // A JBIG2 scan is a page evcheck can look at, not a damaged file.
        assertFalse(byFile.getOrDefault("C-1/正式发文/JBIG2Image.pdf", List.of()).contains("doc.format"), byFile.toString());
        for (JsonNode f : j.get("findings")) assertFalse(f.get("message").asText().matches(".*@[0-9a-f]{5,}.*"), f.toString());
    }

    private static String json(Path pkg, Path rules, String threads) {
        Cli.Run r = Cli.run("check", pkg.toString(), "--rules", rules.toString(), "--as-of", "2019-12-31", "--format", "json",
                "--threads", threads, "--quiet");
        assertEquals(1, r.code(), r.err());
        assertEquals("", r.err());
        return r.out();
    }

    private static byte[] read(String name) throws Exception {
        return Files.readAllBytes(REAL.resolve(name));
    }
}
