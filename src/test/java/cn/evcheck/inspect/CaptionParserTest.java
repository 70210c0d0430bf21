package cn.evcheck.inspect;

import cn.evcheck.rules.Model.CaptionField;
import cn.evcheck.testkit.Jpegs;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import static cn.evcheck.rules.Model.CaptionField.*;
import static org.junit.jupiter.api.Assertions.*;

class CaptionParserTest {
    static Set<CaptionField> fields(String caption) {
        Set<CaptionField> s = EnumSet.noneOf(CaptionField.class);
        s.addAll(CaptionParser.parse(caption).fields().keySet());
        return s;
    }

    @Test
    void labelledOnOneLineWithFullAndHalfWidthColons() {
        CaptionParser.Parsed p = CaptionParser.parse("时间：2019年3月5日 地点:青口镇文化广场 主办单位：青口中心卫生院 主题：学雷锋义诊");
        assertEquals("青口镇文化广场", p.fields().get(PLACE));
        assertEquals("青口中心卫生院", p.fields().get(ORGANIZER));
        assertEquals("学雷锋义诊", p.fields().get(THEME));
        assertEquals(LocalDate.of(2019, 3, 5), p.date().date());
        assertTrue(p.has(TIME));
    }

    @Test
    void labelledOnePerLine() {
        Set<CaptionField> f = fields("活动时间：2019.3.5\n活动地点：社区卫生服务站\n服务对象：空巢老人\n关爱内容：测量血压");
        assertTrue(f.containsAll(EnumSet.of(TIME, PLACE, BENEFICIARY, CONTENT)), f.toString());
    }

    @Test
    void sentenceForm() {
        CaptionParser.Parsed p = CaptionParser.parse("2019年3月5日，青口中心卫生院在青口镇文化广场开展学雷锋义诊志愿服务活动");
        assertEquals("青口中心卫生院", p.fields().get(ORGANIZER));
        assertEquals("青口镇文化广场", p.fields().get(PLACE));
        assertEquals("开展学雷锋义诊志愿服务活动", p.fields().get(THEME));
        assertTrue(p.has(UNIT));
        assertTrue(p.has(VENUE));
        assertFalse(p.has(BENEFICIARY));
    }

    @Test
    void sentenceWithBeneficiary() {
        Set<CaptionField> f = fields("2019年2月14日，青口中心卫生院志愿者走访空巢老人，为老人测量血压");
        assertTrue(f.containsAll(EnumSet.of(TIME, UNIT, CONTENT, BENEFICIARY)), f.toString());
        assertFalse(f.contains(PLACE));
    }

    @Test
    void dateForms() {
        for (String s : new String[]{"2019年3月5日", "2019.3.5", "2019-03-05", "2019/3/5", "二〇一九年三月五日", "IMG_20190305_101010",
                "微信图片_20190305101010"}) {
            assertEquals(LocalDate.of(2019, 3, 5), Dates.find(s).date(), s);
        }
        Dates.Found month = Dates.find("2019年03月");
        assertEquals(LocalDate.of(2019, 3, 1), month.date());
        assertFalse(month.dayKnown());
        assertNull(Dates.find("2019-13-45 无效"));
        assertNull(Dates.find("第12345678号"));
    }

    @Test
    void cameraDefaultsAreNoCaption() {
        for (String s : new String[]{"IMG_2034", "DSC_0001", "OLYMPUS DIGITAL CAMERA", "DSCN1234", "微信图片_20190305101010", "  ", "20190305"}) {
            assertTrue(CaptionParser.isTrivial(s), s);
        }
        assertFalse(CaptionParser.isTrivial("2019-03-05 走访空巢老人"));
    }

    @Test
    void metadataInGbkUtf8AndUtf16IsDecoded() {
        String text = "2019年3月5日，青口中心卫生院开展义诊";
        for (Charset cs : new Charset[]{Charset.forName("GBK"), StandardCharsets.UTF_8}) {
            byte[] jpg = Jpegs.withMetadata(Jpegs.image(64, 48, 1, 0.8f), new Jpegs.Exif().description(text, cs), null, null);
            PhotoFacts pf = JpegInspector.inspect(jpg, true);
            assertEquals(text, pf.captions().get(0).text(), cs.name());
            assertEquals("EXIF ImageDescription", pf.captions().get(0).source());
        }
        Jpegs.Exif xp = new Jpegs.Exif();
        xp.xpTitle = text;
        xp.xpComment = "主题：义诊";
        xp.userComment = "服务对象：居民";
        PhotoFacts pf = JpegInspector.inspect(Jpegs.withMetadata(Jpegs.image(64, 48, 1, 0.8f), xp, "XMP说明", "IPTC说明"), true);
        assertEquals(
                java.util.List.of("XMP dc:description|XMP说明", "XPTitle|" + text, "XPComment|主题：义诊",
                        "EXIF UserComment|服务对象：居民", "IPTC Caption-Abstract|IPTC说明"),
                pf.captions().stream().map(c -> c.source() + "|" + c.text()).toList());
    }

    @Test
    void truncationIsFoundWithoutDecodingAndTrailingGarbageIsFine() {
        byte[] good = Jpegs.image(200, 100, 3, 0.8f);
        PhotoFacts ok = JpegInspector.inspect(good, true);
        assertNull(ok.problem());
        assertEquals(200, ok.width());
        assertEquals(100, ok.height());
        assertEquals("truncated", JpegInspector.inspect(java.util.Arrays.copyOf(good, good.length - 200), true).problem());
        byte[] trailing = java.util.Arrays.copyOf(good, good.length + 300);
        assertNull(JpegInspector.inspect(trailing, true).problem());
    }
}
