package cn.evcheck;

import cn.evcheck.testkit.Cli;
import cn.evcheck.testkit.Jpegs;
import cn.evcheck.testkit.Pkg;
import cn.evcheck.testkit.Scans;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue 10: each document is judged on its own. The cases of the first paragraph, through
 * the whole pipeline (real JPEG and PDF scans, inspection, checks, every report), each next to a
 * good document of the same item: a letter with no red header and no 文号, an activity photo in
 * 正式发文, a black-and-white scan, an evaluation without a seal, an unstamped data table.
 */
class DocumentsOneByOneTest {
    @TempDir
    static Path tmp;
    static JsonNode report;
    static Path out;

    static final String RULES = """
            evcheck: 1
            id: docs
            period: {from: 2020-01-01, to: 2020-12-31}
            items:
              - {id: F-1, materials: [{kind: formal_doc}, {kind: photos}]}
              - {id: F-2, materials: [{kind: formal_doc}]}
              - {id: G-1, materials: [{kind: dept_eval}]}
              - {id: H-1, materials: [{kind: data_table}]}
              - {id: H-2, indicator: 献血人次, materials: [{kind: data_table}]}
            """;

    static final String AUTH = "连云港市赣榆区卫生健康委员会文件";

    @BeforeAll
    static void build() throws Exception {
        Pkg p = new Pkg(tmp.resolve("pkg"));
        // F-1: a two-page formal document (number in the names), a letter with neither red header
        // nor number, and an activity photo, all in 正式发文.
        p.file("F-1/正式发文/赣卫〔2020〕44号 通知-1.jpg", jpg(Scans.redHeaderPage(1, AUTH, "赣卫〔2020〕44号", true, Scans.RED, 0, 0)));
        p.file("F-1/正式发文/赣卫〔2020〕44号 通知-2.jpg", jpg(Scans.plainTextPage(2)));
        p.file("F-1/正式发文/致患者的信.jpg", jpg(Scans.plainTextPage(3)));
        p.file("F-1/正式发文/义诊现场.jpg", Jpegs.image(1600, 1200, 4, 0.85f));
        p.file("F-1/图片/2020-05-01 义诊.jpg", Jpegs.image(1600, 1200, 5, 0.85f));
        // F-2: the same red-header page, scanned in greyscale.
        p.file("F-2/正式发文/赣卫〔2020〕45号.jpg", jpg(Scans.greyscale(Scans.redHeaderPage(6, AUTH, "赣卫〔2020〕45号", true, Scans.RED, 0, 0))));
        // G-1: one evaluation PDF with its red-header page and seal page, one without a seal.
        p.file("G-1/部门评价/市卫健委评价.pdf", pdf(Scans.redHeaderPage(7, "江苏省卫生健康委员会", null, true, Scans.RED, 0, 0),
                Scans.sealPage(8, true, Scans.RED, 0, 0)));
        p.file("G-1/部门评价/省卫健委评价.pdf", pdf(Scans.redHeaderPage(9, "江苏省卫生健康委员会", null, true, Scans.RED, 0, 0),
                Scans.sealPage(10, false, Scans.RED, 0, 0)));
        // H-1: a stamped data table and an unstamped one; H-2: a spreadsheet only.
        p.file("H-1/数据表格/统计表甲.jpg", jpg(Scans.sealPage(11, true, Scans.RED, 0, 0)));
        p.file("H-1/数据表格/统计表乙.jpg", jpg(Scans.sealPage(12, false, Scans.RED, 0, 0)));
        p.file("H-2/数据表格/统计表.xlsx", xlsx());
        Path rules = tmp.resolve("rules.yaml");
        Files.writeString(rules, RULES);
        out = tmp.resolve("out");
        Cli.Run r = Cli.run("check", p.root().toString(), "--rules", rules.toString(), "--as-of", "2020-12-31",
                "--format", "json,text,md,html,xlsx", "--output", out.toString());
        assertEquals(1, r.code(), r.err());
        report = new ObjectMapper().readTree(Files.readString(out.resolve("report.json")));
    }

    static byte[] jpg(BufferedImage img) {
        return Jpegs.encode(img, 0.8f);
    }

    /** A PDF of scanned pages, one JPEG per page. */
    static byte[] pdf(BufferedImage... pages) throws Exception {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            for (BufferedImage img : pages) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                var x = JPEGFactory.createFromByteArray(doc, jpg(img));
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.drawImage(x, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
                }
            }
            doc.save(bytes);
            return bytes.toByteArray();
        }
    }

    static byte[] xlsx() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            var sh = wb.createSheet("表");
            sh.createRow(0).createCell(0).setCellValue("指标");
            sh.getRow(0).createCell(1).setCellValue("数值");
            sh.createRow(1).createCell(0).setCellValue("献血人次");
            sh.getRow(1).createCell(1).setCellValue(12);
            wb.write(bytes);
            return bytes.toByteArray();
        }
    }

    static Set<String> codes(String item) {
        return Cli.codes(report, item);
    }

    static String severity(String code, String fileEnd) {
        for (JsonNode f : report.get("findings")) {
            if (f.get("code").asText().equals(code) && f.path("file").asText().endsWith(fileEnd)) return f.get("severity").asText();
        }
        return null;
    }

    @Test
    void aBadDocumentBesideAGoodOneIsReportedOnItsOwnFile() {
        assertEquals(Set.of("doc.red_header_missing|致患者的信.jpg", "doc.number_missing|致患者的信.jpg",
                "doc.not_document|义诊现场.jpg"), codes("F-1"));
        assertEquals("warning", severity("doc.red_header_missing", "致患者的信.jpg"), "the item has its good document: one grade lower");
        assertEquals(Set.of("doc.greyscale|赣卫〔2020〕45号.jpg"), codes("F-2"), "a grey scan is said as such, not as a missing red header");
        assertEquals(Set.of("doc.seal_missing|省卫健委评价.pdf"), codes("G-1"));
        assertEquals(Set.of("doc.seal_missing|统计表乙.jpg"), codes("H-1"));
        assertEquals(Set.of("doc.seal_missing|统计表.xlsx"), codes("H-2"));
        Map<String, String> status = new HashMap<>();
        report.get("items").forEach(i -> status.put(i.get("id").asText(), i.get("status").asText()));
        assertEquals(Map.of("F-1", "complete", "F-2", "incomplete", "G-1", "complete", "H-1", "complete", "H-2", "incomplete"), status);
    }

    @Test
    void everyDocumentHasAVerdictInTheJson() {
        Map<String, JsonNode> docs = new HashMap<>();
        report.get("documents").forEach(d -> docs.put(d.get("file").asText().substring(d.get("file").asText().lastIndexOf('/') + 1), d));
        assertEquals(Set.of("赣卫〔2020〕44号 通知-1.jpg", "致患者的信.jpg", "赣卫〔2020〕45号.jpg", "市卫健委评价.pdf", "省卫健委评价.pdf",
                "统计表甲.jpg", "统计表乙.jpg"), docs.keySet(), "the photo is no document; the two pages of 通知 are one");
        JsonNode notice = docs.get("赣卫〔2020〕44号 通知-1.jpg");
        assertEquals(2, notice.get("files").size());
        assertEquals(2, notice.get("pages").asInt());
        assertTrue(notice.get("red_header").get("file").asText().endsWith("通知-1.jpg"));
        assertEquals("赣卫〔2020〕44号", notice.get("number").asText());
        assertTrue(notice.get("proven").asBoolean());
        JsonNode eval = docs.get("市卫健委评价.pdf");
        assertEquals(1, eval.get("red_header").get("page").asInt());
        assertEquals(2, eval.get("seal").get("page").asInt(), "the seal page is page 2 of the PDF");
        assertFalse(docs.get("省卫健委评价.pdf").get("proven").asBoolean());
        assertTrue(docs.get("赣卫〔2020〕45号.jpg").get("greyscale").asBoolean());
        assertEquals(Set.of("doc.number_missing", "doc.red_header_missing"),
                Set.copyOf(new ObjectMapper().convertValue(docs.get("致患者的信.jpg").get("problems"), java.util.List.class)));
    }

    @Test
    void theReportsShowEachDocumentsRedHeaderNumberAndSealPage() throws Exception {
        String text = Files.readString(out.resolve("report.txt"));
        assertTrue(text.contains("文件核验："), text);
        assertTrue(text.contains("赣卫〔2020〕44号 通知-1.jpg 等2个文件（2页）：红头页 赣卫〔2020〕44号 通知-1.jpg · 文号 赣卫〔2020〕44号（文件名） · 盖章页 — · ✓ 合格"), text);
        assertTrue(text.contains("市卫健委评价.pdf（2页）：红头页 市卫健委评价.pdf · 文号 — · 盖章页 市卫健委评价.pdf 第2页 · ✓ 合格"), text);
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("| 市卫健委评价.pdf | 2 | 市卫健委评价.pdf | — | 市卫健委评价.pdf 第2页 | ✓ 合格 |"), md);
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("<table class=\"docs\">") && html.contains("省卫健委评价.pdf</td>"), "HTML documents table");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(Files.readAllBytes(out.resolve("report.xlsx"))))) {
            var sh = wb.getSheet("文件核验");
            assertNotNull(sh, "the workbook has a documents sheet");
            assertEquals(7, sh.getLastRowNum(), "a header and one row per document");
        }
    }
}
