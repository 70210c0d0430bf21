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
        // a starred marking is one wherever it stands; the bare word only near the top
        assertTrue(SecrecyMarks.find("第一行\n第二行\n第三行\n第四行\n第五行\n第六行\n第七行\n机密★1年", 6).certain());
        assertNull(SecrecyMarks.find("第一行\n第二行\n第三行\n第四行\n第五行\n第六行\n第七行\n机密", 6));
    }

    /** Issue 11: 启用前, the label form of forms and tables, and OCR's misreads of ★. */
    @Test
    void untilReleasedLabelledAndMisreadMarkings() {
        assertEquals("绝密★启用前", SecrecyMarks.find("绝密★启用前\n关于…的通知", 6).text());
        assertEquals("密级：秘密", SecrecyMarks.find("关于志愿服务的情况说明\n密级：秘密\n正文", 6).text());
        assertEquals("密级: 机密★5年", SecrecyMarks.find("文件信息\n密级: 机密★5年", 6).text());
        assertTrue(SecrecyMarks.find("密 级　绝密", 6).certain());
        for (String misread : new String[]{"绝密女启用前", "机密大5年", "秘密食6个月", "绝密犬长期", "机密贪1年", "秘密人启用前"}) {
            SecrecyMarks.Mark m = SecrecyMarks.findOcr("000123\n" + misread + "\n连云港市卫生健康委员会文件", 8);
            assertNotNull(m, misread);
            assertTrue(m.certain(), misread);
        }
        assertTrue(SecrecyMarks.inName("密级：秘密 工作方案.docx").certain());
    }

    /** Ordinary reports talk about 保密 and 秘密 in prose: never a marking. */
    @Test
    void proseAboutSecrecyIsNoMarking() {
        String[] prose = {
                "关于保密工作的情况说明\n我院严格落实保密制度，不泄露国家秘密和工作秘密。",
                "各科室要增强保密意识，涉密文件不得通过网上申报系统上传。",
                "2019年开展保密宣传教育月活动，组织职工学习《保守国家秘密法》。",
                "机密文件管理制度健全，秘密载体实行专人管理。",
                "本院无绝密、机密级文件，秘密级文件3份已按规定销毁。",
                "密级划分依据《国家秘密定密管理暂行规定》执行。",
                "保密期限届满的，自行解密。",
                "商业秘密保护：医院与供应商签订保密协议，期限5年。",
                "我们的秘密武器是志愿者的热情。",
                "对涉及患者隐私的病历资料严格保密，严禁泄露。"};
        for (String p : prose) {
            assertNull(SecrecyMarks.find(p, 6), p);
            assertNull(SecrecyMarks.findOcr(p, 8), p);
        }
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
