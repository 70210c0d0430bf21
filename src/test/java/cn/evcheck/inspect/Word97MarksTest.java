package cn.evcheck.inspect;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Marks in Word 97 .doc and WPS .wps (HWPF) and in UOF: highlighted and shaded runs, comments.
 * Fixtures: {@code marked-notice.doc} (written by LibreOffice from a POI-built .docx with a yellow
 * highlight, a yellow run shading and a comment). Two real files of Apache POI's test data were
 * measured locally, not committed (fixtures README): a highlighted passage, and three comments of
 * which one is two paragraphs long, counted 3.
 */
class Word97MarksTest {
    private static final Path FIXTURES = Path.of("src", "test", "resources", "fixtures");

    private static TextFacts read(String name, String ext) throws Exception {
        TextFacts t = Word97Reader.read(Files.readAllBytes(FIXTURES.resolve(name)), ext);
        assertEquals(TextFacts.Status.OK, t.status(), name + ": " + t.detail());
        return t;
    }

    @Test
    void highlightShadingAndACommentInADoc() throws Exception {
        Marks m = read("marked-notice.doc", "doc").marks();
        assertEquals(Map.of("highlight", 1, "shading", 1, "comment", 1), m.kinds(), m.summary());
        assertEquals("广泛开展关爱空巢老人志愿服务活动", m.sample());
    }

    @Test
    void aWpsFileIsReadTheSameWay() throws Exception {
        TextFacts t = read("marked-notice.doc", "wps");
        assertEquals("wps", t.format());
        assertEquals(read("marked-notice.doc", "doc").marks(), t.marks());
    }

    @Test
    void aPlainDocHasNoMarksAndABrokenOneCannotBeJudged() throws Exception {
        assertEquals(Marks.none(), read("report-2019.doc", "doc").marks());
        // the fuzzer's case: the table stream replaced by a storage (testkit Lookalikes)
        byte[] doc = Files.readAllBytes(FIXTURES.resolve("report-2019.doc"));
        byte[] hostile = cn.evcheck.testkit.Lookalikes.rebuildOle2(doc, streams -> {
            java.util.Map<String, byte[]> m = new java.util.LinkedHashMap<>(streams);
            m.remove("1Table");
            m.put("1Table/", new byte[0]);
            return m;
        });
        TextFacts broken = Word97Reader.read(hostile, "doc");
        assertEquals(TextFacts.Status.UNPARSEABLE, broken.status());
        assertEquals(Marks.notJudgeable(Marks.UNREAD), broken.marks());
    }

    /** UOF's word for colour, written as escapes: the shipped test font lacks its first character (FontsTest). */
    private static final String COLOUR = "\u989c\u8272";

    private static final String UOF_HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><uof:UOF xmlns:uof=\"http://schemas.uof.org/cn/2003/uof\" "
            + "xmlns:字=\"http://schemas.uof.org/cn/2003/uof-wordproc\"><uof:文字处理>";

    @Test
    void uofHighlightsOfRunsAndCommentsAreMarks() {
        String uof = UOF_HEAD + "<字:公用处理规则><字:批注集><字:批注 字:作者=\"资料员\"><字:段落><字:句><字:文本串>此项为我单位工作</字:文本串></字:句></字:段落></字:批注></字:批注集>"
                + "<字:式样集><字:句式样><字:突出显示 字:" + COLOUR + "=\"#ffff00\"/></字:句式样></字:式样集></字:公用处理规则>"
                + "<字:主体><字:段落><字:句><字:文本串>各单位要</字:文本串></字:句>"
                + "<字:句><字:句属性><字:突出显示 字:" + COLOUR + "=\"#ffff00\"/></字:句属性><字:文本串>广泛开展志愿服务</字:文本串></字:句>"
                + "<字:句><字:句属性><字:突出显示 字:" + COLOUR + "=\"auto\"/></字:句属性><字:文本串>活动。</字:文本串></字:句></字:段落>"
                + "</字:主体></uof:文字处理></uof:UOF>";
        TextFacts t = UofReader.readXml(new ByteArrayInputStream(uof.getBytes(StandardCharsets.UTF_8)));
        assertEquals(TextFacts.Status.OK, t.status(), t.detail());
        assertEquals(Map.of("highlight", 1, "comment", 1), t.marks().kinds(), t.marks().summary());
        assertEquals("广泛开展志愿服务", t.marks().sample());
    }

    @Test
    void uof2HighlightColourIsAnElement() throws Exception {
        String content = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><字:文字处理文档_4225 xmlns:字=\"http://schemas.uof.org/cn/2009/wordproc\">"
                + "<字:段落_416B><字:句_419D><字:句属性_4158><字:突出显示" + COLOUR + "_4132>#00ff00</字:突出显示" + COLOUR + "_4132></字:句属性_4158>"
                + "<字:文本串_415B>标注的工作</字:文本串_415B></字:句_419D></字:段落_416B></字:文字处理文档_4225>";
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("_meta/meta.xml"));
            out.write("<meta/>".getBytes(StandardCharsets.UTF_8));
            out.putNextEntry(new ZipEntry("content.xml"));
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
        byte[] bytes = zip.toByteArray();
        TextFacts t = UofReader.readZip(Source.of(bytes), bytes.length);
        assertEquals(TextFacts.Status.OK, t.status(), t.detail());
        assertEquals(Map.of("highlight", 1), t.marks().kinds(), t.marks().summary());
    }
}
