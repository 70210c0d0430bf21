package cn.evcheck;

import cn.evcheck.testkit.Cli;
import cn.evcheck.testkit.Docs;
import cn.evcheck.testkit.Pkg;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFootnote;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.*;

/** Issue 5: reports in every format, counted and checked like an assessor would. */
class ReportsTest {
    @TempDir
    static Path tmp;
    static JsonNode report;

    static final String RULES = """
            evcheck: 1
            id: reports
            period: {from: 2018-01-01, to: 2020-12-31}
            items:
              - id: Y-1
                years: [2018, 2019, 2020]
                materials: [{kind: report, each: year, words: 100}]
              - id: K-1
                categories: [关爱空巢老人, 留守儿童]
                materials: [{kind: report, each: category, words: 100}]
              - id: F-1
                materials: [{kind: report, words: 100}]
            """;

    static byte[] doc97() throws Exception {
        try (InputStream in = ReportsTest.class.getResourceAsStream("/fixtures/report-2019.doc")) {
            return in.readAllBytes();
        }
    }

    @BeforeAll
    static void build() throws Exception {
        Pkg p = new Pkg(tmp.resolve("pkg"));
        p.file("Y-1/说明报告/2018年情况.docx", Docs.docx("2018年工作情况", Docs.prose(100)));
        p.file("Y-1/说明报告/2019年情况.docx", Docs.docx("2019年工作情况", Docs.prose(100)));
        p.file("Y-1/说明报告/2019年情况（修改版）.docx", Docs.docx("2019年工作情况", Docs.prose(110)));
        p.file("Y-1/说明报告/2017年情况.docx", Docs.docx("2017年工作情况", Docs.prose(100)));
        p.file("Y-1/说明报告/2020年情况.docx", Docs.docx("2019年工作情况", Docs.prose(100)));
        p.file("K-1/说明报告/关爱空巢老人.docx", Docs.docx(Docs.prose(100)));
        p.file("K-1/说明报告/情况说明.docx", Docs.docx("志愿服务情况", Docs.prose(100)));
        p.file("F-1/说明报告/a.uot", uot(Docs.prose(100)));
        p.file("F-1/说明报告/b.eio", new byte[]{1, 2, 3, 4, 5, 6, 7, 8});
        p.file("F-1/说明报告/c.wps", works());
        p.file("F-1/说明报告/d.docx", encrypted(Docs.docx(Docs.prose(100))));
        byte[] doc = doc97();
        p.file("F-1/说明报告/e.doc", Arrays.copyOf(doc, doc.length / 3));
        p.file("F-1/说明报告/f.docx", assessorDocx());
        p.file("F-1/说明报告/g.pdf", Pkg.minimalPdf());
        p.file("F-1/说明报告/h.txt", "说明".getBytes(StandardCharsets.UTF_8));
        p.file("F-1/说明报告/i.doc", doc);
        p.file("F-1/说明报告/j.wps", doc);
        Path rules = tmp.resolve("rules.yaml");
        Files.writeString(rules, RULES);
        Cli.Run r = Cli.run("check", p.root().toString(), "--rules", rules.toString(), "--as-of", "2020-12-31", "--format", "json");
        assertEquals(1, r.code(), r.err());
        report = new ObjectMapper().readTree(r.out());
    }

    static Set<String> codes(String item) {
        return Cli.codes(report, item);
    }

    @Test
    void oneReportPerYear() {
        assertEquals(Set.of("report.duplicate|2019年情况.docx", "report.unexpected|2017年情况.docx", "report.unexpected|2020年情况.docx"),
                codes("Y-1"));
    }

    @Test
    void oneReportPerCategory() {
        assertEquals(Set.of("report.unexpected|情况说明.docx", "report.missing|留守儿童"), codes("K-1"));
    }

    @Test
    void everyFormatByContent() {
        Set<String> c = codes("F-1");
        assertEquals(new TreeSet<>(Set.of(
                "report.unparseable|b.eio",
                "report.unparseable|c.wps",
                "report.encrypted|d.docx",
                "report.unparseable|e.doc",
                "report.revisions|f.docx",
                "report.pii|f.docx",
                "report.signature|f.docx",
                "report.format|g.pdf",
                "report.format|h.txt",
                "report.too_short|i.doc",
                "report.too_short|j.wps")), c);
        Map<String, JsonNode> reports = new HashMap<>();
        report.get("reports").forEach(r -> reports.put(r.get("file").asText().replaceAll(".*/", ""), r));
        assertEquals(100, reports.get("a.uot").get("words").asInt());
        assertEquals("uot", reports.get("a.uot").get("format").asText());
        assertEquals("wps", reports.get("j.wps").get("format").asText());
        assertEquals(35, reports.get("j.wps").get("words").asInt());
        JsonNode f = reports.get("f.docx");
        assertEquals(7, f.get("notes_words").asInt());        // 脚注说明来源 (6) + 2019 (1)
        assertTrue(f.get("body_words").asInt() >= 90, f.toString());
        // Word's dialog counts footnotes by default: the total holds the note's 7.
        assertEquals(f.get("body_words").asInt() + 7, f.get("words").asInt(), f.toString());
        assertTrue(f.get("subdocs_counted").asBoolean());
    }

    @Test
    void piiIsMaskedAndAssessorChecksCarryData() {
        for (JsonNode f : report.get("findings")) {
            String code = f.get("code").asText();
            if (code.equals("report.pii")) {
                assertEquals(2, f.get("data").get("count").asInt());
                assertFalse(f.get("message").asText().contains("320721199003071230"));
                assertTrue(f.get("message").asText().contains("3207**********1230"), f.get("message").asText());
                assertFalse(f.get("message").asText().contains("1234"), "an invalid check digit is no ID number");
                assertTrue(f.get("message").asText().contains("138****5678"));
            }
            if (code.equals("report.revisions")) {
                assertEquals(2, f.get("data").get("revisions").asInt());
                assertEquals(1, f.get("data").get("comments").asInt());
            }
            if (code.equals("report.signature")) {
                assertEquals("info", f.get("severity").asText());
                assertEquals("青口中心卫生院 2020年5月13日", f.get("data").get("signature").asText());
            }
        }
    }

    /** A report with a tracked insertion and deletion, a comment, a footnote, personal data and a 落款. */
    static byte[] assessorDocx() throws Exception {
        byte[] base;
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFRun r = doc.createParagraph().createRun();
            r.setText(Docs.prose(90));
            XWPFFootnote fn = doc.createFootnote();
            fn.createParagraph().createRun().setText("脚注说明来源2019");
            r.getCTR().addNewFootnoteReference().setId(fn.getId());
            doc.createParagraph().createRun().setText("联系人身份证号320721199003071230，电话13812345678，编号320721199003071234（校验位不对，不是身份证号）。");
            doc.createParagraph().createRun().setText("青口中心卫生院");
            doc.createParagraph().createRun().setText("2020年5月13日");
            doc.write(out);
            base = out.toByteArray();
        }
        // Add a tracked insertion and deletion and a comment to the body, as Word writes them.
        return rewriteDocument(base, xml -> xml.replace("<w:body>", "<w:body><w:p><w:ins w:id=\"91\" w:author=\"a\"><w:r><w:t>新增</w:t></w:r></w:ins>"
                + "<w:del w:id=\"92\" w:author=\"a\"><w:r><w:delText>删除的文字</w:delText></w:r></w:del>"
                + "<w:r><w:commentReference w:id=\"0\"/></w:r></w:p>"), "word/comments.xml",
                "<w:comments xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:comment w:id=\"0\" w:author=\"a\">"
                        + "<w:p><w:r><w:t>请修改</w:t></w:r></w:p></w:comment></w:comments>");
    }

    static byte[] rewriteDocument(byte[] docx, java.util.function.UnaryOperator<String> edit, String extraName, String extra) throws Exception {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(docx));
             ZipOutputStream out = new ZipOutputStream(bos)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                byte[] b = in.readAllBytes();
                if (e.getName().equals("word/document.xml")) b = edit.apply(new String(b, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(b);
            }
            out.putNextEntry(new ZipEntry(extraName));
            out.write(extra.getBytes(StandardCharsets.UTF_8));
        }
        return bos.toByteArray();
    }

    /** UOF 2.0 (.uot): a zip with content.xml and _meta/meta.xml. */
    static byte[] uot(String text) throws Exception {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bos)) {
            z.putNextEntry(new ZipEntry("_meta/meta.xml"));
            z.write("<uof:元数据 xmlns:uof=\"http://schemas.uof.org/cn/2009/uof\"/>".getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry("content.xml"));
            z.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><字:文字处理文档 xmlns:字=\"http://schemas.uof.org/cn/2009/wordproc\">"
                    + "<字:段落_416B><字:句_419D><字:文本串_415B>" + text + "</字:文本串_415B></字:句_419D></字:段落_416B></字:文字处理文档>")
                    .getBytes(StandardCharsets.UTF_8));
        }
        return bos.toByteArray();
    }

    /** A Microsoft Works file: OLE2 with a CONTENTS stream and no WordDocument. */
    static byte[] works() throws Exception {
        try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            fs.createDocument(new java.io.ByteArrayInputStream(new byte[600]), "CONTENTS");
            fs.writeFilesystem(out);
            return out.toByteArray();
        }
    }

    /** A password-protected .docx (agile encryption), as Word saves it. */
    static byte[] encrypted(byte[] docx) throws Exception {
        try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor enc = info.getEncryptor();
            enc.confirmPassword("123456");
            try (OutputStream os = enc.getDataStream(fs)) {
                os.write(docx);
            }
            fs.writeFilesystem(out);
            return out.toByteArray();
        }
    }
}
