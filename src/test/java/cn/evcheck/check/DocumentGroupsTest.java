package cn.evcheck.check;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The series a page image's name puts it in (issue 10: page images grouped into documents). */
class DocumentGroupsTest {
    @Test
    void pageWordsAndNumbersComeOffOnce() {
        assertEquals("通知", DocumentGroups.series("通知-1"));
        assertEquals("通知", DocumentGroups.series("通知（第2页）"));
        assertEquals("扫描", DocumentGroups.series("扫描0003"));
        assertEquals("评价", DocumentGroups.series("评价-盖章页"));
        assertEquals("评价", DocumentGroups.series("评价 红头页"));
        assertEquals("", DocumentGroups.series("盖章页"));
        assertEquals("", DocumentGroups.series("0002"));
        assertEquals("img", DocumentGroups.series("IMG_0004"));
        assertEquals("通知", DocumentGroups.series("通知 P2"));
        // the number of a document is kept once its page number is gone: two documents, two series
        assertEquals("ga-sx_1", DocumentGroups.series("ga-sx_1-p1"));
        assertEquals("ga-sx_2", DocumentGroups.series("ga-sx_2-p1"));
        assertEquals("关于开展义诊的通知", DocumentGroups.series("关于开展义诊的通知"));
        // a leading page number and a page word: both pages of one evaluation
        assertEquals("", DocumentGroups.series("1 红头页"));
        assertEquals("", DocumentGroups.series("2 盖章页"));
        assertEquals("通知", DocumentGroups.series("01 通知"));
        assertEquals("2019年工作通知", DocumentGroups.series("2019年工作通知-3"));
    }
}
