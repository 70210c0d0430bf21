package cn.evcheck.inspect;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class SecrecyMarksTest {
    @Test
    void starredMarkingsAreCertain() {
        for (String s : new String[]{"秘密★1年", "机密★10年", "绝密★长期", "机密★", "秘密☆6个月", "机密*5年", "绝密＊"}) {
            SecrecyMarks.Mark m = SecrecyMarks.find("000123\n" + s + "\n特急\n连云港市卫生健康委员会文件", 6);
            assertNotNull(m, s);
            assertTrue(m.certain(), s);
        }
    }

    @Test
    void aBareWordAloneOnAFirstLineIsAWarningButNotInRunningText() {
        SecrecyMarks.Mark m = SecrecyMarks.find("机密\n关于…的通知", 6);
        assertFalse(m.certain());
        assertNull(SecrecyMarks.find("各单位要保守工作秘密，做好保密工作。", 6));
        assertNull(SecrecyMarks.find("第一行\n第二行\n第三行\n第四行\n第五行\n第六行\n第七行\n机密★1年", 6));
    }

    @Test
    void ocrMisreadStarsStillCountWhenAPeriodFollows() {
        assertTrue(SecrecyMarks.findOcr("机密六1年\n连云港市卫生健康委员会文件", 8).certain());
        assertNull(SecrecyMarks.findOcr("连云港市卫生健康委员会文件\n关于做好保密工作的通知", 8));
    }

    @Test
    void fileNames() {
        assertTrue(SecrecyMarks.inName("机密★1年 关于…的通知.pdf").certain());
        assertNull(SecrecyMarks.inName("保密工作总结.docx"));
    }

    @Test
    void ocrSpacesBetweenHanAreJoined() {
        assertEquals("赣卫〔2020〕44号\n机密★1年", Ocr.joinHan("赣 卫 〔2020〕 44 号\n机 密 ★ 1 年"));
    }
}
