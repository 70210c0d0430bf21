package cn.evcheck;

import cn.evcheck.inspect.Ocr;
import cn.evcheck.testkit.Cli;
import cn.evcheck.testkit.Jpegs;
import cn.evcheck.testkit.Pkg;
import cn.evcheck.testkit.Scans;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.*;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Issue 4: red headers, document numbers, seals and secrecy marks, end to end, without OCR (see {@link DocumentsOcrTest}). */
class DocumentsTest {
    @TempDir
    static Path tmp;
    static JsonNode report;

    static final String RULES = """
            evcheck: 1
            id: docs
            period: {from: 2020-01-01, to: 2020-12-31}
            defaults:
              document: {formats: [jpg, jpeg, pdf, doc, docx]}
            items:
              - {id: A-1, materials: [{kind: formal_doc}]}
              - {id: A-2, materials: [{kind: formal_doc}]}
              - {id: A-3, materials: [{kind: formal_doc}]}
              - {id: A-4, materials: [{kind: formal_doc}]}
              - {id: A-5, materials: [{kind: formal_doc}]}
              - {id: A-6, materials: [{kind: formal_doc}]}
              - {id: B-1, materials: [{kind: dept_eval}]}
              - {id: B-2, materials: [{kind: dept_eval}]}
              - {id: C-1, materials: [{kind: data_table}]}
              - {id: C-2, materials: [{kind: data_table}]}
              - {id: R-1, materials: [{kind: report}]}
            """;

    static byte[] jpg(java.awt.image.BufferedImage img) {
        return Jpegs.encode(img, 0.8f);
    }

    @BeforeAll
    static void build() throws Exception {
        Pkg p = new Pkg(tmp.resolve("pkg"));
        String auth = "连云港市赣榆区卫生健康委员会文件";
        // a red-header scan whose file name carries the 文号.
        p.file("A-1/正式发文/红头页 赣卫〔2020〕44号.jpg", jpg(Scans.redHeaderPage(1, auth, "赣卫〔2020〕44号", true, Scans.RED, 1.5, 6)));
        // A-4b: a red-header scan whose 文号 is given in the sheet next to it (no OCR needed).
        // a page without a red header, no number anywhere.
        p.file("A-2/正式发文/通知.jpg", jpg(Scans.plainTextPage(2)));
        // a born-digital PDF: red title and rule, number in the text layer, non-standard brackets.
        p.file("A-3/正式发文/通知.pdf", bornDigital("赣卫[2020]44号"));
        // a .docx with a red header and a standard number.
        p.file("A-4/正式发文/通知.docx", redDocx("赣卫〔2020〕45号", null));
        p.file("A-6/正式发文/扫描.jpg", jpg(Scans.redHeaderPage(8, auth, null, true, Scans.RED, 0, 0)));
        p.text("A-6/正式发文/图片说明.csv", "文件名,图片说明\n扫描.jpg,赣卫〔2020〕48号 红头页\n");
        // a classified document (its first line), and an encrypted PDF.
        p.file("A-5/正式发文/通知.docx", redDocx("赣卫〔2020〕46号", "机密★1年"));
        p.file("A-5/正式发文/加密.pdf", encryptedPdf());
        // B-1: a department evaluation with its red-header page and its seal page.
        p.file("B-1/部门评价/1 红头页.jpg", jpg(Scans.redHeaderPage(3, "江苏省卫生健康委员会", null, true, Scans.RED, 0, 0)));
        p.file("B-1/部门评价/2 盖章页.jpg", jpg(Scans.sealPage(4, true, Scans.RED, 1, 4)));
        // B-2: the red-header page only.
        p.file("B-2/部门评价/红头页.jpg", jpg(Scans.redHeaderPage(5, "江苏省卫生健康委员会", null, true, Scans.PALE_RED, -2, 0)));
        // C-1: a stamped data table; C-2: an unstamped one.
        p.file("C-1/数据表格/统计表.jpg", jpg(Scans.sealPage(6, true, Scans.FADED_SEAL, 0, 0)));
        p.file("C-2/数据表格/统计表.jpg", jpg(Scans.sealPage(7, false, Scans.RED, 0, 0)));
        // a report whose first line is the bare word 秘密.
        p.file("R-1/说明报告/情况说明.docx", cn.evcheck.testkit.Docs.docx("秘密", "关于志愿服务情况的说明"));
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
    void aRedHeaderScanWithItsNumberIsAFormalDocument() {
        assertEquals(Set.of(), codes("A-1"));
        assertEquals(Set.of(), codes("A-4"));
        assertEquals(Set.of(), codes("A-6"), "the 文号 comes from the sheet next to the scan");
    }

    @Test
    void aPageWithoutRedHeaderOrNumberIsNot() {
        Set<String> c = codes("A-2");
        assertTrue(c.contains("doc.red_header_missing|通知.jpg"), c.toString());
        assertTrue(c.contains("doc.number_missing|通知.jpg"), c.toString());
    }

    /** The default test run pins OCR off ({@code evcheck.ocr=off}): numbers come from names, text layers and sheets only. */
    @Test
    void withoutOcrTheNumberOfAScanComesFromElsewhereAndTheFindingSaysSo() {
        assertFalse(Ocr.available(), "the default test group runs with -Devcheck.ocr=off");
        boolean said = false;
        for (JsonNode f : report.get("findings")) {
            if (f.get("code").asText().equals("doc.number_missing") && f.get("item").asText().equals("A-2")) {
                assertEquals("disabled", f.get("data").get("ocr").asText(), f.toString());
                said = f.get("message").asText().contains("文字识别已关闭");
            }
        }
        assertTrue(said, "the doc.number_missing message tells that OCR was switched off");
    }

    @Test
    void bornDigitalPdfNumbersAreJudgedForSpelling() {
        Set<String> c = codes("A-3");
        assertEquals(Set.of("doc.number_nonstandard|通知.pdf"), c);
        for (JsonNode f : report.get("findings")) {
            if (f.get("code").asText().equals("doc.number_nonstandard")) {
                assertEquals("赣卫〔2020〕44号", f.get("data").get("standard").asText());
            }
        }
    }

    @Test
    void classifiedAndEncrypted() {
        Set<String> c = codes("A-5");
        assertTrue(c.contains("secret.marking|通知.docx"), c.toString());
        assertTrue(c.contains("doc.encrypted|加密.pdf"), c.toString());
        JsonNode secret = null;
        for (JsonNode f : report.get("findings")) if (f.get("code").asText().equals("secret.marking") && f.get("item").asText().equals("A-5")) secret = f;
        assertEquals("error", secret.get("severity").asText());
        assertEquals("机密★1年", secret.get("data").get("marking").asText());
        JsonNode bare = null;
        for (JsonNode f : report.get("findings")) if (f.get("code").asText().equals("secret.marking") && f.get("item").asText().equals("R-1")) bare = f;
        assertEquals("warning", bare.get("severity").asText());
    }

    @Test
    void evaluationsNeedRedHeaderAndSealTablesNeedSeals() {
        assertEquals(Set.of(), codes("B-1"));
        assertEquals(Set.of("doc.seal_missing|红头页.jpg"), codes("B-2"));
        assertEquals(Set.of(), codes("C-1"));
        assertEquals(Set.of("doc.seal_missing|统计表.jpg"), codes("C-2"));
        Map<String, String> status = new HashMap<>();
        report.get("items").forEach(i -> status.put(i.get("id").asText(), i.get("status").asText()));
        assertEquals("complete", status.get("B-1"));
        assertEquals("incomplete", status.get("B-2"));
        assertEquals("incomplete", status.get("A-2"));
    }

    static byte[] redDocx(String number, String firstLine) throws Exception {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            if (firstLine != null) doc.createParagraph().createRun().setText(firstLine);
            XWPFRun title = doc.createParagraph().createRun();
            title.setText("连云港市赣榆区卫生健康委员会文件");
            title.setColor("FF0000");
            title.setFontSize(26);
            doc.createParagraph().createRun().setText(number);
            doc.createParagraph().createRun().setText("关于开展志愿服务活动的通知");
            doc.write(out);
            return out.toByteArray();
        }
    }

    static byte[] bornDigital(String number) {
        return cn.evcheck.testkit.Pdfs.bornDigitalNotice(number, null);
    }

    static byte[] encryptedPdf() throws Exception {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.addPage(new PDPage());
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", "user", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            doc.save(out);
            return out.toByteArray();
        }
    }
}
