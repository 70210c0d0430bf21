package cn.evcheck.inspect;

import cn.evcheck.testkit.Docs;
import org.apache.poi.xwpf.usermodel.*;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.*;

class WordTextTest {
    @Test
    void docxBodyAndTablesCountHeadersDoNot() throws Exception {
        byte[] bytes;
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText("关爱空巢老人志愿服务");          // 10
            XWPFTable t = doc.createTable(1, 2);
            t.getRow(0).getCell(0).setText("志愿者");                                  // 3
            t.getRow(0).getCell(1).setText("2019");                                    // 1
            doc.createHeader(org.apache.poi.wp.usermodel.HeaderFooterType.DEFAULT)
                    .createParagraph().createRun().setText("页眉文字不计入字数");
            doc.write(out);
            bytes = out.toByteArray();
        }
        TextFacts t = DocxReader.read(bytes);
        assertEquals(TextFacts.Status.OK, t.status());
        assertEquals(14, t.counts().words());
    }

    @Test
    void deletedTrackedTextDoesNotCount() {
        String xml = "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
                + "<w:p><w:r><w:t>保留文字</w:t></w:r><w:del><w:r><w:delText>删除文字</w:delText></w:r></w:del>"
                + "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>"
                + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
                + "</w:p></w:body></w:document>";
        TextFacts t = DocxReader.read(zip("word/document.xml", xml));
        assertEquals("保留文字3", t.head().strip());
        assertEquals(5, t.counts().words());
    }

    @Test
    void word97DocAndWpsFromTheSameOle2Bytes() throws Exception {
        byte[] doc;
        try (InputStream in = getClass().getResourceAsStream("/fixtures/report-2019.doc")) {
            doc = in.readAllBytes();
        }
        TextFacts t = Word97Reader.read(doc, "doc");
        assertEquals(TextFacts.Status.OK, t.status(), t.detail());
        assertTrue(t.head().contains("2019年关爱空巢老人志愿服务情况说明"), t.head());
        assertEquals(16 + 15 + 4, t.counts().words());
        TextFacts wps = Word97Reader.read(doc, "wps");
        assertEquals("wps", wps.format());
        assertEquals(35, wps.counts().words());
    }

    @Test
    void fieldCodesInWord97TextAreDropped() {
        assertEquals("第3页", Word97Reader.cleanWord97("第\u0013 PAGE \u00143\u0015页"));
        assertEquals("ab", Word97Reader.cleanWord97("a\u0013 TOC \u0013 x \u0015\u0015b"));
    }

    @Test
    void uofTextIsRead() {
        String uof = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><uof:UOF xmlns:uof=\"http://schemas.uof.org/cn/2003/uof\" "
                + "xmlns:字=\"http://schemas.uof.org/cn/2003/uof-wordproc\"><uof:文字处理><字:主体><字:段落><字:句><字:文本串>永中文档测试</字:文本串>"
                + "</字:句></字:段落></字:主体></uof:文字处理></uof:UOF>";
        TextFacts t = UofReader.readXml(new java.io.ByteArrayInputStream(uof.getBytes(StandardCharsets.UTF_8)));
        assertEquals(TextFacts.Status.OK, t.status(), t.detail());
        assertEquals(6, t.counts().words());
    }

    /** fixtures/uof-report.uot: LibreOffice's "UOF text" filter applied to fixtures/uof-report-source.docx. */
    @Test
    void aLibreOfficeUof10FileCountsAsItsDocxSource() throws Exception {
        byte[] uot;
        byte[] docx;
        try (InputStream a = getClass().getResourceAsStream("/fixtures/uof-report.uot");
             InputStream b = getClass().getResourceAsStream("/fixtures/uof-report-source.docx")) {
            uot = a.readAllBytes();
            docx = b.readAllBytes();
        }
        TextFacts u = UofReader.readXml(new java.io.ByteArrayInputStream(uot), "uot");
        TextFacts d = DocxReader.read(docx);
        assertEquals(TextFacts.Status.OK, u.status(), u.detail());
        assertEquals(TextFacts.Status.OK, d.status(), d.detail());
        assertEquals("uot", u.format());
        assertEquals(d.counts().words(), u.counts().words());
        assertEquals(178, u.counts().words());   // the same figure DocxReader gives the source
        assertTrue(u.head().contains("参与人数"), "table cells are read");
        assertTrue(u.head().contains("某某区文明办"));
    }

    @Test
    void xmlThatIsNotUofIsNotReadAsAnEmptyReport() {
        TextFacts t = UofReader.readXml(new java.io.ByteArrayInputStream("<?xml version=\"1.0\"?><r><p>文字</p></r>".getBytes(StandardCharsets.UTF_8)), "uof");
        assertEquals(TextFacts.Status.UNPARSEABLE, t.status());
    }

    @Test
    void hostileInputsGiveAStatusNotAnException() {
        assertEquals(TextFacts.Status.UNPARSEABLE, DocxReader.read(new byte[]{'P', 'K', 3, 4, 1, 2, 3}).status());
        assertEquals(TextFacts.Status.UNPARSEABLE, Word97Reader.read(new byte[512], "doc").status());
        assertEquals(TextFacts.Status.TOO_COMPLEX, DocxReader.read(cn.evcheck.testkit.Pkg.zipBomb(30)).status());
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;\">]>"
                + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>";
        assertEquals(TextFacts.Status.UNPARSEABLE, DocxReader.read(zip("word/document.xml", laughs)).status());
        assertEquals(TextFacts.Status.OK, DocxReader.read(Docs.docx("正常")).status());
    }

    static byte[] zip(String name, String content) {
        try (ByteArrayOutputStream bos = new ByteArrayOutputStream(); java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(bos)) {
            z.putNextEntry(new java.util.zip.ZipEntry(name));
            z.write(content.getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
            z.finish();
            return bos.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
