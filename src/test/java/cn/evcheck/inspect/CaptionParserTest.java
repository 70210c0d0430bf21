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

    @Test
    void organiserWrittenAsByXOrganisedOrXOrganisedAtTheEnd() {
        CaptionParser.Parsed p = CaptionParser.parse("2019年3月5日，由区卫生健康委员会主办的学雷锋义诊活动在青口镇文化广场举行");
        assertEquals("区卫生健康委员会", p.fields().get(ORGANIZER));
        assertEquals("青口镇文化广场", p.fields().get(PLACE));
        assertTrue(p.has(THEME));
        CaptionParser.Parsed q = CaptionParser.parse("学雷锋义诊活动现场（2019.3.5，青口镇文化广场，区卫健委主办）");
        assertEquals("区卫健委", q.fields().get(ORGANIZER));
        assertEquals("青口镇文化广场", q.fields().get(PLACE));
        assertEquals(LocalDate.of(2019, 3, 5), q.date().date());
        assertEquals("区卫健委", CaptionParser.parse("本次活动的主办单位为区卫健委").fields().get(ORGANIZER));
    }

    @Test
    void organiserAsTheSubjectEvenWithThePeopleItSent() {
        assertEquals("区卫健委", CaptionParser.parse("区卫健委组织志愿者走访空巢老人").fields().get(ORGANIZER));
        assertEquals("青口中心卫生院家庭医生团队", CaptionParser.parse("青口中心卫生院家庭医生团队上门为残疾人提供体检服务").fields().get(ORGANIZER));
        assertEquals("区卫健委", CaptionParser.parse("区卫健委党员志愿者在市民广场为过往市民测量血压").fields().get(ORGANIZER));
        assertEquals("区青年志愿者协会", CaptionParser.parse("区青年志愿者协会在人民广场开展学雷锋活动").fields().get(ORGANIZER));
        assertEquals("幸福社区", CaptionParser.parse("幸福社区举办健康讲座").fields().get(ORGANIZER));
    }

    @Test
    void noOrganiserWhenNoneIsNamed() {
        Set<CaptionField> f = fields("2019年3月5日，第三期义诊活动开幕，主办单位负责人讲话");
        assertFalse(f.contains(ORGANIZER), f.toString());
        assertFalse(fields("主办单位：\n主题：控烟宣传").contains(ORGANIZER));
        assertFalse(fields("2019-03-05，在社区卫生服务站开展控烟宣传活动").contains(ORGANIZER));
        assertFalse(fields("2019-03-05，空巢老人在社区卫生服务站参加义诊").contains(ORGANIZER));
        assertFalse(fields("医务人员正在为老人测量血压").contains(ORGANIZER));
    }

    @Test
    void placeOnlyWhereAPlaceIsNamed() {
        assertFalse(fields("医务人员正在为老人测量血压").contains(PLACE));
        assertFalse(fields("在医生的指导下，居民参加急救培训").contains(PLACE));
        assertFalse(fields("志愿者在活动中为留守儿童辅导功课").contains(PLACE));
        assertEquals("人民公园", CaptionParser.parse("城关社区组织党员在人民公园义诊").fields().get(PLACE));
        assertEquals("诊室", CaptionParser.parse("医生在诊室为患者讲解用药知识").fields().get(PLACE));
    }

    @Test
    void monthAndDayWithTheYearElsewhere() {
        CaptionParser.Parsed p = CaptionParser.parse("2019年学雷锋活动月，3月5日，区卫健委在市民广场开展义诊");
        assertEquals(LocalDate.of(2019, 3, 5), p.date().date());
        assertTrue(p.has(TIME));
        assertTrue(fields("3月5日，区卫健委在市民广场开展义诊").contains(TIME));
        assertFalse(fields("区卫健委在市民广场开展义诊").contains(TIME));
        assertEquals(LocalDate.of(2019, 3, 5), CaptionParser.parse("二〇一九年三月五日 学雷锋义诊").date().date());
    }

    @Test
    void seedWordingsOfTheFields() {
        Set<CaptionField> f = fields("开展志愿服务的单位名称或个人姓名：李红英\n关爱内容：测量血压\n所在场所位置：青口社区服务中心\n服务对象：空巢老人");
        assertTrue(f.containsAll(EnumSet.of(UNIT, CONTENT, VENUE, PLACE, BENEFICIARY)), f.toString());
        assertFalse(f.contains(ORGANIZER));
        assertTrue(fields("单位名称或个人姓名：王红").contains(UNIT));
    }

    @Test
    void beneficiaryAndProjectWordsNeedTheirOwnMeaning() {
        assertFalse(fields("活动主题：家庭医生上门；场所名称：人民公园").contains(BENEFICIARY));
        assertFalse(fields("服务内容：义务理发，地点：市民广场").contains(BENEFICIARY));
        assertFalse(fields("主题：“健康日”宣传").contains(PROJECT));
        assertTrue(fields("青口中心卫生院实施“健康之家”志愿服务项目").contains(PROJECT));
        assertFalse(fields("区人民医院组织全院职工开展消防培训").contains(BENEFICIARY));
    }

    @Test
    void photoDescriptionsAreNoTheme() {
        for (String s : new String[]{"活动现场", "志愿者合影", "该照片拍摄于活动结束后"}) {
            assertFalse(fields(s).contains(THEME), s);
        }
        assertTrue(fields("义诊现场").contains(THEME));
    }
}
