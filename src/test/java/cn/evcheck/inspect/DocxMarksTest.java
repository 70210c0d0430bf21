package cn.evcheck.inspect;

import cn.evcheck.testkit.Docs;
import cn.evcheck.testkit.MarkedDocs;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Marks in a .docx, counted in the one pass {@link DocxReader} makes over document.xml: a passage
 * highlighted, shaded or underlined in colour counts once however many runs Word split it into;
 * comments count from comments.xml; table shading, near-white fills, black underlines, "none"
 * highlights and the old properties of a tracked format change are not marks.
 */
class DocxMarksTest {
    private static Marks marks(byte[] docx) {
        TextFacts t = DocxReader.read(docx);
        assertEquals(TextFacts.Status.OK, t.status(), t.detail());
        return t.marks();
    }

    @Test
    void aPlainDocumentHasNoMarks() {
        assertEquals(Marks.none(), marks(Docs.docx("关于开展志愿服务活动的通知", "各单位要高度重视。")));
    }

    @Test
    void aHighlightedPassageCountsOnceWhateverItsRuns() {
        Marks m = marks(MarkedDocs.markedNotice());
        assertEquals(Marks.State.MARKED, m.state());
        assertEquals(Map.of("highlight", 1), m.kinds(), m.summary());
        assertEquals("广泛开展关爱空巢老人志愿服务活动", m.sample());
        assertEquals(List.of(), m.pages());
    }

    @Test
    void highlightsInTwoPlacesAreTwoPassages() {
        Marks m = marks(MarkedDocs.docx(b -> b.highlighted("一、", "开展义诊", "green", "活动。")
                .plain("二、做好宣传。")
                .highlighted("三、", "走访空巢老人", "yellow", "。")
                .highlighted("四、", "不算", "none", "。")));
        assertEquals(2, m.highlights(), m.summary());
        assertEquals("开展义诊", m.sample());
    }

    @Test
    void shadedRunsAndParagraphsOutsideTablesAreShading() {
        Marks m = marks(MarkedDocs.docx(b -> b.shadedRun("通知", "重点工作", "clear", "FFFF00")
                .shadedRun("字符底色", "一二三", "pct15", "FFFFFF")
                .shadedParagraph("整段标注的工作", "D9D9D9")
                .shadedRun("近于无色", "看不见", "clear", "F5F5F5")
                .shadedRun("无色", "看不见", "clear", "FFFFFF")
                .shadedRun("自动", "看不见", "clear", "auto")
                .shadedTableParagraph("表头", "D9D9D9")));
        assertEquals(Map.of("shading", 3), m.kinds(), m.summary());
        assertEquals("重点工作", m.sample());
    }

    @Test
    void anUnderlineCountsOnlyInAColour() {
        Marks m = marks(MarkedDocs.docx(b -> b.underlined("见", "红线标注的工作", "FF0000")
                .underlined("普通", "下划线", null)
                .underlined("000000", "下划线", "000000")
                .underlined("808080", "下划线", "808080")));
        assertEquals(Map.of("underline", 1), m.kinds(), m.summary());
        assertEquals("红线标注的工作", m.sample());
    }

    @Test
    void commentsCountAndTheirAnchoredTextIsTheSample() {
        byte[] docx = MarkedDocs.docx(b -> b.plain("通知正文")
                .commented("其中", "关爱留守儿童", "此项为我单位的工作")
                .commented("以及", "困难群体帮扶", "同上"));
        TextFacts t = DocxReader.read(docx);
        assertEquals(2, t.comments());
        assertEquals(Map.of("comment", 2), t.marks().kinds(), t.marks().summary());
        assertEquals("关爱留守儿童", t.marks().sample());
    }

    @Test
    void marksOfEveryKindAddUp() {
        Marks m = marks(MarkedDocs.docx(b -> b.highlighted("a", "标注一", "yellow", "b")
                .shadedRun("c", "标注二", "clear", "FFFF00")
                .underlined("d", "标注三", "0000FF")
                .commented("e", "标注四", "说明")));
        assertEquals(Map.of("highlight", 1, "shading", 1, "underline", 1, "comment", 1), m.kinds());
        assertEquals(4, m.total());
        assertEquals("标注一", m.sample());
        assertTrue(m.summary().startsWith("highlight 1, shading 1, underline 1, comment 1"), m.summary());
    }

    @Test
    void theOldPropertiesOfAFormatChangeAndDeletedTextAreNotMarks() throws IOException {
        byte[] plain = Docs.docx("第一段正文", "第二段正文");
        String xml = documentXml(plain);
        // The run's old properties (before a tracked format change) had a highlight; its new ones do not.
        String changed = xml.replaceFirst("<w:r>(<w:t>第一段正文</w:t>)",
                "<w:r><w:rPr><w:b/><w:rPrChange w:id=\"1\" w:author=\"a\"><w:rPr><w:highlight w:val=\"yellow\"/></w:rPr></w:rPrChange></w:rPr>$1");
        // Highlighted text that was deleted is not there to see.
        changed = changed.replaceFirst("<w:r>(<w:t>第二段正文</w:t>)</w:r>",
                "<w:del w:id=\"2\" w:author=\"a\"><w:r><w:rPr><w:highlight w:val=\"yellow\"/></w:rPr><w:delText>删除的</w:delText></w:r></w:del><w:r>$1</w:r>");
        assertTrue(changed.contains("rPrChange") && changed.contains("w:del "), changed);
        assertEquals(Marks.none(), marks(withDocumentXml(plain, changed)));
    }

    @Test
    void aFailedReadCannotBeJudged() {
        TextFacts t = DocxReader.read("PK\u0003\u0004 not a zip".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(Marks.notJudgeable(Marks.UNREAD), t.marks());
    }

    static String documentXml(byte[] docx) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(docx))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                if (e.getName().equals("word/document.xml")) return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        throw new IOException("no document.xml");
    }

    static byte[] withDocumentXml(byte[] docx, String xml) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(docx)); ZipOutputStream out = new ZipOutputStream(bytes)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(e.getName().equals("word/document.xml") ? xml.getBytes(StandardCharsets.UTF_8) : in.readAllBytes());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
