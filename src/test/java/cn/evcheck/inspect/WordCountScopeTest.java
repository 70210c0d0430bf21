package cn.evcheck.inspect;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue 11 part 4: 字数 as Word's 字数统计 dialog shows it by default — body and tables with text
 * boxes, footnotes and endnotes, unless word/settings.xml records {@code w:doNotIncludeSubdocsInStats}
 * — and never headers, footers or comments. The parts are shaped as Word writes them: a text box as
 * mc:AlternateContent whose VML fallback repeats its text, notes with separator notes, a field code.
 */
class WordCountScopeTest {
    private static final String W = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";
    private static final String NS = W + " xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\""
            + " xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\""
            + " xmlns:v=\"urn:schemas-microsoft-com:vml\"";

    /** Body 28 字 (the reference's example sentence) + a table cell of 4 + a field result of 1. */
    private static final String BODY = "<w:p><w:r><w:t>2019年3月5日，XX医院在XX广场开展学雷锋义诊志愿服务活动。</w:t></w:r>"
            + "<w:r><w:footnoteReference w:id=\"1\"/></w:r><w:r><w:endnoteReference w:id=\"1\"/></w:r>"
            + "<w:commentReference w:id=\"0\"/></w:p>"
            + "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>参与人数</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
            + "<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> PAGE \\* MERGEFORMAT </w:instrText></w:r>"
            + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>"
            // A text box of 11 字: the wps choice and the VML fallback both hold it; Word counts it once.
            + "<w:p><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wps:wsp><wps:txbx><w:txbxContent>"
            + "<w:p><w:r><w:t>联系电话</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t>13800138000</w:t></w:r></w:p>"
            + "<w:p><w:r><w:t>某某路一号</w:t></w:r></w:p>"
            + "</w:txbxContent></wps:txbx></wps:wsp></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>"
            + "<w:p><w:r><w:t>联系电话</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t>13800138000</w:t></w:r></w:p>"
            + "<w:p><w:r><w:t>某某路一号</w:t></w:r></w:p>"
            + "</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>";

    private static byte[] docx(boolean excluded, String settingsVal) throws IOException {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
        parts.put("word/document.xml", "<w:document " + NS + "><w:body>" + BODY + "</w:body></w:document>");
        parts.put("word/footnotes.xml", "<w:footnotes " + W + ">"
                + "<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>"
                + "<w:footnote w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"
                + "<w:footnote w:id=\"1\"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space=\"preserve\"> 数据来源：区卫健委</w:t></w:r></w:p></w:footnote>"
                + "</w:footnotes>");
        parts.put("word/endnotes.xml", "<w:endnotes " + W + ">"
                + "<w:endnote w:id=\"1\"><w:p><w:r><w:endnoteRef/></w:r><w:r><w:t xml:space=\"preserve\"> 统计口径 2019 &amp; 2020</w:t></w:r></w:p></w:endnote>"
                + "</w:endnotes>");
        parts.put("word/comments.xml", "<w:comments " + W + "><w:comment w:id=\"0\" w:author=\"张三\"><w:p><w:r><w:t>请核对人数，机密★5年的文件不要放进来</w:t></w:r></w:p></w:comment></w:comments>");
        parts.put("word/header1.xml", "<w:hdr " + W + "><w:p><w:r><w:t>某某医院创建全国文明城市工作材料</w:t></w:r></w:p></w:hdr>");
        parts.put("word/settings.xml", "<w:settings " + W + ">"
                + (excluded ? "<w:doNotIncludeSubdocsInStats" + (settingsVal == null ? "" : " w:val=\"" + settingsVal + "\"") + "/>" : "")
                + "<w:defaultTabStop w:val=\"420\"/></w:settings>");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (var e : parts.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    @Test
    void textBoxesFootnotesAndEndnotesCountByDefaultHeadersAndCommentsNever() throws IOException {
        TextFacts t = DocxReader.read(docx(false, null));
        assertEquals(TextFacts.Status.OK, t.status(), t.detail());
        assertEquals(28 + 4 + 1, t.counts().words(), "body: sentence, table cell, field result (not its code)");
        assertEquals(4 + 1 + 5, t.boxes().words(), "text box once, not again from its VML fallback; the tab splits");
        // 数据来源：区卫健委 = 9; 统计口径 2019 & 2020 = 4 + 1 + 1 + 1 (the lone & is a word to Word).
        assertEquals(9 + 7, t.notes().words());
        assertFalse(t.subdocsExcluded());
        assertEquals(33 + 10 + 16, t.words().words(), "Word's dialog default: body + text boxes + notes");
        assertTrue(t.stories().stream().anyMatch(s -> s.where().equals(TextFacts.COMMENTS) && s.head().contains("机密★5年")),
                "comments are a story the secrecy and personal-data checks read, though never counted");
    }

    @Test
    void theDocumentsOwnSettingLeavesThemOut() throws IOException {
        TextFacts t = DocxReader.read(docx(true, null));
        assertTrue(t.subdocsExcluded());
        assertEquals(33, t.words().words());
        assertEquals(10, t.boxes().words(), "the text-box figure is still known, for the message");
        assertTrue(DocxReader.read(docx(true, "1")).subdocsExcluded());
        assertFalse(DocxReader.read(docx(true, "false")).subdocsExcluded(), "an on/off property set to false");
        assertFalse(DocxReader.read(docx(true, "0")).subdocsExcluded());
    }

    /** UOF 1.0 as LibreOffice's "UOF text" filter writes it: stories in their own elements. */
    @Test
    void uofStoriesAreToldApart() {
        String uof = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<uof:UOF xmlns:uof=\"http://schemas.uof.org/cn/2003/uof\" xmlns:字=\"http://schemas.uof.org/cn/2003/uof-wordproc\""
                + " xmlns:图=\"http://schemas.uof.org/cn/2003/graph\">"
                + "<uof:对象集><图:图形 图:标识符=\"g1\"><图:文本内容><字:段落><字:句><字:文本串>文本框里手机13800138000</字:文本串></字:句></字:段落></图:文本内容></图:图形></uof:对象集>"
                + "<uof:文字处理><字:公用处理规则><字:批注集><字:批注><字:段落><字:句><字:文本串>批注内容</字:文本串></字:句></字:段落></字:批注></字:批注集></字:公用处理规则>"
                + "<字:主体><字:分节><字:节属性><字:页眉><字:段落><字:句><字:文本串>机密★5年</字:文本串></字:句></字:段落></字:页眉></字:节属性></字:分节>"
                + "<字:段落><字:句><字:文本串>正文十个字共十个字了</字:文本串></字:句>"
                + "<字:句><字:脚注><字:段落><字:句><字:引文符号>1</字:引文符号><字:文本串>脚注五个字</字:文本串></字:句></字:段落></字:脚注></字:句>"
                + "<字:句><字:文本串>。</字:文本串></字:句></字:段落></字:主体></uof:文字处理></uof:UOF>";
        TextFacts t = UofReader.readXml(new ByteArrayInputStream(uof.getBytes(StandardCharsets.UTF_8)));
        assertEquals(TextFacts.Status.OK, t.status(), t.detail());
        assertEquals(11, t.counts().words(), "the body alone: not the header, the note, the comment or the text box");
        assertEquals(5, t.notes().words());
        assertEquals(7, t.boxes().words());
        assertEquals(23, t.words().words());
        List<String> where = t.stories().stream().map(TextFacts.Story::where).toList();
        assertEquals(List.of(TextFacts.MARGINS, TextFacts.BOXES, TextFacts.NOTES, TextFacts.COMMENTS), where);
        assertTrue(SecrecyMarks.find(t.stories().get(0).head(), 3).certain());
        assertEquals(List.of("138****8000"), t.stories().get(1).pii());
        assertFalse(t.head().contains("机密"));
    }
}
