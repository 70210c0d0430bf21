package cn.evcheck.inspect;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@link Marks} record: its states, caps, one-line summary, merging, and the passage counter readers use. */
class MarksTest {
    @Test
    void theStateFollowsTheCounts() {
        Marks m = Marks.of(2, 0, 0, 1, 0, List.of(3, 1), "  开展\n关爱   空巢老人 ");
        assertEquals(Marks.State.MARKED, m.state());
        assertTrue(m.marked() && m.judgeable());
        assertEquals(3, m.total());
        assertEquals("开展 关爱 空巢老人", m.sample());
        assertEquals(Marks.none(), Marks.of(0, 0, 0, 0, 0, List.of(1), "ignored"));
        assertEquals("", Marks.none().why());
        Marks nj = Marks.notJudgeable(Marks.NO_COLOUR);
        assertFalse(nj.judgeable() || nj.marked());
        assertEquals(Marks.NO_COLOUR, nj.why());
    }

    @Test
    void inconsistentMarksCannotBeBuilt() {
        assertThrows(IllegalArgumentException.class, () -> new Marks(Marks.State.MARKED, 0, 0, 0, 0, 0, List.of(), "", ""));
        assertThrows(IllegalArgumentException.class, () -> new Marks(Marks.State.NONE, 1, 0, 0, 0, 0, List.of(), "", ""));
        assertThrows(IllegalArgumentException.class, () -> new Marks(Marks.State.NOT_JUDGEABLE, 0, 0, 0, 0, 0, List.of(), "", ""));
        assertThrows(IllegalArgumentException.class, () -> new Marks(Marks.State.NONE, 0, 0, 0, 0, 0, List.of(), "", Marks.UNREAD));
        assertThrows(IllegalArgumentException.class, () -> new Marks(Marks.State.MARKED, -1, 0, 0, 0, 2, List.of(), "", ""));
        assertThrows(IllegalArgumentException.class, () -> new Marks(null, 0, 0, 0, 0, 0, List.of(), "", ""));
    }

    @Test
    void countsAreCappedAndTheSampleIsShort() {
        Marks m = Marks.of(5000, 0, 0, 0, 0, List.of(), "字".repeat(100));
        assertEquals(Marks.MAX, m.highlights());
        assertEquals(Marks.MAX, m.total());
        assertEquals(Marks.SAMPLE_CHARS, m.sample().length());
        assertEquals(Marks.MAX, Marks.of(600, 600, 0, 0, 0, List.of(), "").total());
    }

    @Test
    void theSummaryIsOneLine() {
        assertEquals("highlight 3, comment 1 · p. 2, 5 · “开展关爱空巢老人”",
                Marks.of(3, 0, 0, 1, 0, List.of(2, 5), "开展关爱空巢老人").summary());
        assertEquals("shading 1, underline 2, drawn 4", Marks.of(0, 1, 2, 0, 4, List.of(), "").summary());
        assertEquals("no marks", Marks.none().summary());
        assertEquals("not judgeable: greyscale", Marks.notJudgeable(Marks.GREYSCALE).summary());
        assertEquals(List.of("highlight", "shading", "underline", "comment", "drawn"),
                List.copyOf(Marks.of(1, 1, 1, 1, 1, List.of(), "").kinds().keySet()));
    }

    @Test
    void twoLooksAddUp() {
        Marks annotations = Marks.of(1, 0, 0, 1, 0, List.of(3), "");
        Marks drawn = Marks.of(0, 0, 0, 0, 2, List.of(1, 3), "");
        Marks both = annotations.plus(drawn);
        assertEquals(Map.of("highlight", 1, "comment", 1, "drawn", 2), both.kinds());
        assertEquals(List.of(1, 3), both.pages());
        assertEquals(annotations, annotations.plus(Marks.notJudgeable(Marks.NO_COLOUR)));
        assertEquals(drawn, Marks.none().plus(drawn));
        assertEquals(Marks.notJudgeable(Marks.NO_COLOUR), Marks.notJudgeable(Marks.NO_COLOUR).plus(Marks.none()));
    }

    @Test
    void theCounterCountsPassagesNotRuns() {
        Marks.Counter c = new Marks.Counter();
        c.text("各单位要", false, false, false);
        c.text("广泛", true, false, false);
        c.text("开展", true, false, false);
        c.text(" ", false, false, false);          // blank text neither ends nor starts a passage
        c.text("志愿服务", true, true, false);     // shading starts inside the highlight
        c.text("。", false, false, false);
        c.text("关爱", true, false, false);        // a second highlight in the same paragraph
        c.paragraphEnd();
        c.text("留守儿童", true, false, true);     // a new paragraph: a new passage
        c.add(Marks.Counter.COMMENT, 0);
        Marks m = c.marks();
        assertEquals(Map.of("highlight", 3, "shading", 1, "underline", 1, "comment", 1), m.kinds(), m.summary());
        assertEquals("广泛开展志愿服务", m.sample());
    }

    @Test
    void theCounterTakesAFallbackSampleOnlyWithoutMarkedText() {
        Marks.Counter c = new Marks.Counter();
        c.comments(2);
        c.sampleIfNone("批注所在的文字");
        assertEquals("批注所在的文字", c.marks().sample());
        Marks.Counter d = new Marks.Counter();
        d.text("标注", true, false, false);
        d.sampleIfNone("另一段");
        assertEquals("标注", d.marks().sample());
    }

    @Test
    void fillAndUnderlineColours() {
        assertTrue(Marks.isVisibleFill(0xFFFF00));
        assertTrue(Marks.isVisibleFill(0xD9D9D9));
        assertFalse(Marks.isVisibleFill(0xF5F5F5));
        assertFalse(Marks.isVisibleFill(0xFFFFFF));
        assertFalse(Marks.isVisibleFill(-1));
        assertTrue(Marks.isHue(0xFF0000));
        assertFalse(Marks.isHue(0x808080));
        assertFalse(Marks.isHue(0x000000));
    }
}
