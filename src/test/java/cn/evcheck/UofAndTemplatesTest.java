package cn.evcheck;

import cn.evcheck.testkit.Cli;
import cn.evcheck.testkit.Docs;
import cn.evcheck.testkit.Pkg;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue 11 part 6: formats by what the upload accepts. A LibreOffice-written UOF 1.0 .uot (one
 * XML file) is read and counted like the .docx it was converted from; Word/WPS templates are
 * refused by extension with advice to save them as documents; hostile XML stays refused.
 */
class UofAndTemplatesTest {
    @TempDir
    static Path tmp;
    static JsonNode report;

    static final String RULES = """
            evcheck: 1
            id: uof
            period: {from: 2023-01-01, to: 2023-12-31}
            items:
              - id: U-1
                materials: [{kind: report, words: 100}]
              - id: D-1
                materials: [{kind: report, words: 100}]
              - id: T-1
                materials: [{kind: report, words: 10}]
              - id: H-1
                materials: [{kind: report, words: 10}]
              - id: X-1
                materials: [{kind: report, words: 10}]
            """;

    static byte[] fixture(String name) throws Exception {
        try (InputStream in = UofAndTemplatesTest.class.getResourceAsStream("/fixtures/" + name)) {
            return in.readAllBytes();
        }
    }

    /** A UOF 1.0 root carrying a billion-laughs DTD: must be refused, never expanded. */
    static final String LAUGHS = "<?xml version=\"1.0\"?><!DOCTYPE uof:UOF [<!ENTITY a \"aaaaaaaaaa\">"
            + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
            + "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\"><!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">"
            + "<!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\"><!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">]>"
            + "<uof:UOF xmlns:uof=\"http://schemas.uof.org/cn/2003/uof\" xmlns:字=\"http://schemas.uof.org/cn/2003/uof-wordproc\">"
            + "<uof:文字处理><字:主体><字:段落><字:句><字:文本串>&g;&g;&g;&g;&g;&g;&g;&g;</字:文本串></字:句></字:段落></字:主体>"
            + "</uof:文字处理></uof:UOF>";

    @BeforeAll
    static void build() throws Exception {
        Pkg p = new Pkg(tmp.resolve("pkg"));
        p.file("U-1/说明报告/情况报告.uot", fixture("uof-report.uot"));
        p.file("D-1/说明报告/情况报告.docx", fixture("uof-report-source.docx"));
        byte[] docx = Docs.docx("2023年工作情况", Docs.prose(100));
        p.file("T-1/说明报告/a.dotx", docx);
        p.file("T-1/说明报告/b.dotm", docx);
        p.file("T-1/说明报告/c.dot", fixture("report-2019.doc"));
        p.file("T-1/说明报告/d.wpt", fixture("report-2019.doc"));
        p.file("H-1/说明报告/laughs.uot", LAUGHS.getBytes(StandardCharsets.UTF_8));
        p.file("X-1/说明报告/uof.xml", fixture("uof-report.uot"));
        p.file("X-1/说明报告/plain.uof", "<?xml version=\"1.0\"?><report><p>不是UOF</p></report>".getBytes(StandardCharsets.UTF_8));
        Path rules = tmp.resolve("rules.yaml");
        Files.writeString(rules, RULES);
        Cli.Run r = Cli.run("check", p.root().toString(), "--rules", rules.toString(), "--as-of", "2023-12-31", "--format", "json");
        assertEquals(1, r.code(), r.err());
        report = new ObjectMapper().readTree(r.out());
    }

    static Map<String, JsonNode> reports() {
        Map<String, JsonNode> out = new HashMap<>();
        report.get("reports").forEach(r -> out.put(r.get("file").asText(), r));
        return out;
    }

    static List<JsonNode> findings(String item) {
        List<JsonNode> out = new ArrayList<>();
        report.get("findings").forEach(f -> {
            if (item.equals(f.get("item").asText())) out.add(f);
        });
        return out;
    }

    @Test
    void aLibreOfficeUotIsReadAndCountedLikeItsDocx() {
        JsonNode uot = reports().get("U-1/说明报告/情况报告.uot");
        JsonNode docx = reports().get("D-1/说明报告/情况报告.docx");
        assertNotNull(uot, report.get("reports").toString());
        assertNotNull(docx, report.get("reports").toString());
        assertEquals("uot", uot.get("format").asText());
        int words = docx.get("words").asInt();
        assertTrue(words > 100, docx.toString());
        assertEquals(words, uot.get("words").asInt(), uot.toString());
        // judged alike: the same findings, none of them about format or type
        assertEquals(strip(Cli.codes(report, "D-1")), strip(Cli.codes(report, "U-1")));
        for (String c : Cli.codes(report, "U-1")) {
            assertFalse(c.startsWith("report.format") || c.startsWith("file.type_mismatch") || c.startsWith("report.unparseable"), c);
        }
    }

    private static Set<String> strip(Set<String> codes) {
        Set<String> out = new TreeSet<>();
        for (String c : codes) out.add(c.replaceAll("\\|.*", ""));
        return out;
    }

    @Test
    void templatesAreRefusedWithAdviceToSaveAsADocument() {
        Set<String> codes = Cli.codes(report, "T-1");
        for (String f : List.of("a.dotx", "b.dotm", "c.dot", "d.wpt")) assertTrue(codes.contains("report.format|" + f), codes.toString());
        Map<String, String> messages = new HashMap<>();
        for (JsonNode f : findings("T-1")) {
            if (f.get("code").asText().equals("report.format")) messages.put(f.get("file").asText().replaceAll(".*/", ""), f.get("message").asText());
        }
        assertEquals("模板文件（.dotx）不能作为说明报告上传：请在 Word/WPS 中另存为 .docx 或 .doc", messages.get("a.dotx"));
        assertEquals("模板文件（.wpt）不能作为说明报告上传：请在 Word/WPS 中另存为 .docx 或 .doc", messages.get("d.wpt"));
        assertTrue(messages.get("c.dot").contains("模板文件（.dot）"), messages.toString());
    }

    @Test
    void hostileAndNonUofXmlIsRefused() {
        assertTrue(Cli.codes(report, "H-1").contains("report.unparseable|laughs.uot"), Cli.codes(report, "H-1").toString());
        assertTrue(Cli.codes(report, "X-1").contains("report.unparseable|plain.uof"), Cli.codes(report, "X-1").toString());
        // UOF content under a name the upload does not take is still refused by its extension
        assertTrue(Cli.codes(report, "X-1").contains("report.format|uof.xml"), Cli.codes(report, "X-1").toString());
    }
}
