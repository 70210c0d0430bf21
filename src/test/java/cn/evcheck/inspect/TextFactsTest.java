package cn.evcheck.inspect;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** What the checks need of a report's text is taken when it is read; the body is not kept. */
class TextFactsTest {
    @Test
    void personalDataAndTheSignatureAreFoundInTheWholeBody() {
        StringBuilder body = new StringBuilder("关于志愿服务的说明\n\n");
        for (int i = 0; i < 200; i++) body.append("第").append(i).append("段正文。\n");
        body.append("联系人手机13812345678，身份证号11010519491231002X。\n");
        body.append("赣马镇卫生院\n2019年12月31日\n\n");
        TextFacts t = TextFacts.ok("docx", body);
        assertEquals(List.of("1101**********002X", "138****5678"), t.pii(), "ID numbers first, then mobiles");
        assertEquals("赣马镇卫生院 2019年12月31日", t.signature());
        assertEquals(List.of("赣马镇卫生院", "2019年12月31日"), t.lastLines(2));
        assertEquals("关于志愿服务的说明\n第0段正文。", t.firstLines(2));
        assertTrue(t.head().length() < body.length() / 4, "only the head is kept");
        assertEquals(TextFacts.HEAD_LINES, t.head().lines().filter(l -> !l.isBlank()).count());
        assertEquals(WordCounter.count(body), t.counts());
    }

    @Test
    void theHeadHoldsTheFirstFortyLinesAndTheFirstFortyNonBlankOnes() {
        String body = "\n".repeat(50) + "秘密\n" + "正文\n".repeat(100);
        TextFacts t = TextFacts.ok("doc", body);
        assertEquals(body.lines().limit(40).toList(), t.head().lines().limit(40).toList());
        assertEquals("秘密", t.firstLines(1));
        assertNotNull(SecrecyMarks.find(t.head(), 6));
    }

    @Test
    void oneHugeLineIsCut() {
        String body = "字".repeat(1_000_000);
        TextFacts t = TextFacts.ok("docx", body);
        assertEquals(TextFacts.HEAD_CHARS, t.head().length());
        assertEquals(TextFacts.TAIL_CHARS, t.lastLines(1).get(0).length());
        assertNull(t.signature());
        assertEquals(1_000_000, t.counts().words());
    }

    @Test
    void noTextNoFacts() {
        TextFacts t = TextFacts.failed(TextFacts.Status.UNPARSEABLE, "docx", "broken");
        assertEquals("", t.head());
        assertEquals(List.of(), t.lastLines(2));
        assertEquals(List.of(), t.pii());
        assertNull(t.signature());
    }
}
