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
    private static String get(String caption, CaptionField f) {
        return CaptionParser.parse(caption).fields().get(f);
    }

    @Test
    void organiserAsAHeadingBeforeTheActivity() {
        CaptionParser.Parsed p = CaptionParser.parse("区卫健委：2019年3月5日学雷锋义诊活动");
        assertEquals("区卫健委", p.fields().get(ORGANIZER));
        assertEquals("区卫健委", p.fields().get(UNIT));
        assertEquals("学雷锋义诊活动", p.fields().get(THEME));
        assertEquals(LocalDate.of(2019, 3, 5), p.date().date());
        CaptionParser.Parsed q = CaptionParser.parse("【区卫生健康委员会】“健康进万家”巡回义诊走进青口镇");
        assertEquals("区卫生健康委员会", q.fields().get(ORGANIZER));
        assertEquals("青口镇", q.fields().get(PLACE));
        assertEquals("“健康进万家”巡回义诊", q.fields().get(THEME));
        assertEquals("新华街道社区卫生服务中心", get("新华街道社区卫生服务中心|家庭医生签约服务进小区", ORGANIZER));
        assertFalse(fields("新华街道社区卫生服务中心|家庭医生签约服务进小区").contains(PLACE), "进小区 names no place");
        assertEquals("区妇幼保健院", get("区妇幼保健院——“两癌”免费筛查进村入户", ORGANIZER));
        assertEquals("区中医院", get("2019.10.09 区中医院 “世界视觉日”眼健康科普 门诊广场", ORGANIZER));
        assertEquals("门诊广场", get("2019.10.09 区中医院 “世界视觉日”眼健康科普 门诊广场", PLACE));
        assertEquals("区卫健委", get("【2019年3月5日】区卫健委学雷锋义诊", ORGANIZER));
    }

    @Test
    void organiserLeadingATitle() {
        assertEquals("市第一人民医院", get("市第一人民医院“世界肾脏日”大型义诊活动", ORGANIZER));
        assertEquals("区卫健委机关党支部", get("区卫健委机关党支部主题党日活动（2019年7月1日）", ORGANIZER));
        CaptionParser.Parsed p = CaptionParser.parse("2018年11月20日上午9时，区人民医院健康知识讲座在门诊三楼会议室举行");
        assertEquals("区人民医院", p.fields().get(ORGANIZER));
        assertEquals("门诊三楼会议室", p.fields().get(PLACE));
        assertFalse(p.fields().get(THEME).contains("9时"), p.fields().toString());
        // A place inside the organisation, a verb phrase, people doing something, an award: no organiser.
        assertEquals("区人民医院门诊大厅", get("区人民医院门诊大厅", PLACE));
        for (String s : new String[]{"区人民医院门诊大厅", "清扫街道积雪", "社区老人在日间照料中心观看电影", "2019年度“最美志愿者”表彰大会"}) {
            assertFalse(fields(s).contains(ORGANIZER), s);
        }
    }

    @Test
    void organiserAfterByUnderOrBeforeTheStaffItSent() {
        CaptionParser.Parsed p = CaptionParser.parse("义诊活动由区中医院承办，在人民公园举行");
        assertEquals("区中医院", p.fields().get(ORGANIZER));
        assertEquals("人民公园", p.fields().get(PLACE));
        assertTrue(p.fields().get(THEME).startsWith("义诊活动"), p.fields().toString());
        CaptionParser.Parsed q = CaptionParser.parse("在区文明办的组织下，志愿者在人民公园开展环境清洁活动");
        assertEquals("区文明办", q.fields().get(ORGANIZER));
        assertEquals("人民公园", q.fields().get(PLACE));
        CaptionParser.Parsed r = CaptionParser.parse("2019年5月，市卫健委副主任一行到区人民医院督导检查");
        assertEquals("市卫健委", r.fields().get(ORGANIZER));
        assertEquals("区人民医院", r.fields().get(PLACE));
        assertEquals("区卫健委", get("2020年1月15日下午，区卫健委党组书记带队走访慰问辖区困难党员", ORGANIZER));
        assertEquals("城南派出所", get("城南派出所民警为学生上安全教育课", ORGANIZER));
        assertEquals("区图书馆", get("区图书馆志愿者在少儿阅览室为小读者讲故事", ORGANIZER));
        assertEquals("城关镇政府", get("2020年6月5日世界环境日，城关镇政府组织干部群众清理河道垃圾", ORGANIZER));
        assertFalse(fields("在城西村卫生室，乡村医生为村民建立健康档案").contains(ORGANIZER), "乡村 is no organisation");
    }

    @Test
    void volunteersNamedInProseAreTheUnit() {
        CaptionParser.Parsed p = CaptionParser.parse("志愿者张晓梅为社区老人理发");
        assertEquals("张晓梅", p.fields().get(UNIT));
        assertFalse(p.has(ORGANIZER), "a person is no organiser");
        assertEquals("李建国", get("党员李建国同志走访慰问困难群众", UNIT));
        assertEquals("王建军", get("共产党员王建军义务为孤寡老人修缮房屋", UNIT));
        assertEquals("陈玉兰", get("图为退休教师陈玉兰（左）在社区书屋辅导留守儿童", UNIT));
        assertEquals("社区书屋", get("图为退休教师陈玉兰（左）在社区书屋辅导留守儿童", PLACE));
        assertEquals("刘洋", get("2019年3月5日，志愿者刘洋、赵敏在火车站广场为旅客提供指引服务", UNIT));
        assertEquals("王丽娟", get("王丽娟（右一）为居民测量血压", UNIT));
        assertEquals("周丽华", get("社区网格员周丽华上门看望独居老人", UNIT));
        // 张贴 is a verb, not 张 and a given name; a photographer is no volunteer.
        assertFalse(fields("志愿者张贴宣传海报").contains(UNIT));
        assertEquals(Set.of(), fields("摄影：张明"));
    }

    @Test
    void thePeopleServedAfterForToOrVisiting() {
        assertEquals("行人", get("志愿者向过往行人发放控烟宣传资料", BENEFICIARY));
        assertEquals("敬老院", get("区卫健委向辖区敬老院捐赠轮椅20台", BENEFICIARY));
        assertEquals("考生", get("给高考考生测量体温", BENEFICIARY));
        assertEquals("员工", get("护士为新入职员工讲解手卫生", BENEFICIARY));
        assertEquals("党员", get("区卫健委党组书记带队走访慰问辖区困难党员", BENEFICIARY));
        CaptionParser.Parsed p = CaptionParser.parse("志愿者走进阳光福利院，陪孩子们做游戏");
        assertEquals("孩子", p.fields().get(BENEFICIARY));
        assertEquals("阳光福利院", p.fields().get(PLACE));
        // A day's name, a sports meeting's staff and the people taking part are not people served.
        for (String s : new String[]{"2019/06/14 世界献血者日 无偿献血宣传", "区卫健委举办卫生健康系统职工运动会",
                "城关镇政府组织干部群众清理河道垃圾", "党员李建国同志参加义务植树"}) {
            assertFalse(fields(s).contains(BENEFICIARY), s);
        }
    }

    @Test
    void twoDigitYearsAndTimesOfDay() {
        CaptionParser.Parsed p = CaptionParser.parse("19年3月5日，幸福社区志愿者清理小区楼道小广告");
        assertEquals(LocalDate.of(2019, 3, 5), p.date().date());
        assertEquals("19年3月5日", p.fields().get(TIME));
        assertEquals("幸福社区", p.fields().get(ORGANIZER));
        assertNull(CaptionParser.parse("19年13月45日 义诊").date());
        CaptionParser.Parsed q = CaptionParser.parse("3月5日上午，区文明办组织志愿者在市民广场开展学雷锋活动");
        assertEquals("3月5日", q.fields().get(TIME));
        assertFalse(q.fields().get(THEME).contains("上午"), q.fields().toString());
    }

    @Test
    void vaguePlacesAreNoPlace() {
        assertFalse(fields("近日，区人民医院党委组织党员志愿者深入社区开展健康义诊").contains(PLACE));
        assertFalse(fields("连日来，区卫健委组织医务志愿者深入各村开展巡回义诊").contains(PLACE));
        assertEquals("中山路", get("2019年12月2日全国交通安全日，交警大队在中山路设点宣传", PLACE));
        assertEquals("病房", get("2019年7月，医生在病房为患者讲解用药知识", PLACE));
    }

    @Test
    void moreSeedAndClerkLabels() {
        CaptionParser.Parsed p = CaptionParser.parse("单位名称或个人姓名：王秀兰");
        assertEquals("王秀兰", p.fields().get(UNIT));
        assertFalse(p.has(THEME), "the label's words are no theme");
        assertEquals("张伟", get("开展志愿服务的个人：张伟", UNIT));
        assertEquals("青口镇文化广场", get("活动地址：青口镇文化广场", PLACE));
        assertFalse(fields("活动地址：青口镇文化广场").contains(THEME));
        assertEquals("“暖心助老”结对服务", get("志愿服务项目名称：“暖心助老”结对服务", PROJECT));
        // A label inside brackets ends with them, and the sentence goes on.
        CaptionParser.Parsed q = CaptionParser.parse("2019年3月5日，湖滨社区（地点：社区服务中心二楼）开展手工编织活动");
        assertEquals("社区服务中心二楼", q.fields().get(PLACE));
        assertEquals("湖滨社区", q.fields().get(ORGANIZER));
        assertEquals("开展手工编织活动", q.fields().get(THEME));
    }

    @Test
    void creditsAndWhoIsWhoSayNothingOfTheActivity() {
        for (String s : new String[]{"照片由区卫健委宣传科提供", "左一为区卫健委主任", "第二排左三为志愿者李华", "李明摄", "会场一角",
                "活动结束后全体人员合影", "现场气氛热烈"}) {
            assertEquals(Set.of(), fields(s), s);
        }
        CaptionParser.Parsed p = CaptionParser.parse("（记者 王强 摄）区卫健委开展义诊");
        assertEquals("区卫健委", p.fields().get(ORGANIZER));
        assertEquals("开展义诊", p.fields().get(THEME));
        assertEquals(LocalDate.of(2019, 3, 5), CaptionParser.parse("2019.3.5（郭敏 摄）").date().date());
        assertEquals(Set.of(TIME), fields("2019.3.5（郭敏 摄）"));
    }

    @Test
    void longHostileCaptionsParseInOnePass() {
        // Repeated openings of every pattern: a backtracking blow-up would hang here rather than fail.
        String unit = "区卫健委【在在在于于的组织下志愿者张为为为向向“““主办单位为";
        String s = unit.repeat(1000);
        CaptionParser.Parsed p = CaptionParser.parse(s);
        assertNotNull(p);
        assertNotNull(CaptionParser.parse("区".repeat(30_000) + "医院"));
        assertNotNull(CaptionParser.parse("志愿者王" + "晓".repeat(30_000)));
    }
    @Test
    void fifthBatchPhrasings() {
        assertEquals("3·5", get("3·5学雷锋日，区卫健委志愿者在市民中心广场义诊", TIME));
        assertFalse(fields("体温下降3.5度").contains(TIME), "a decimal is no day");
        assertEquals("张晓梅", get("2019年3月5日下午，张晓梅、刘洋等志愿者在社区开展垃圾分类宣传", UNIT));
        assertFalse(fields("2019年3月5日下午，张晓梅、刘洋等志愿者在社区开展垃圾分类宣传").contains(PLACE));
        assertEquals("行人", get("志愿者在十字路口引导行人文明过马路", BENEFICIARY));
        assertEquals("敬老院", get("2019年10月 重阳节 敬老院 义诊", PLACE));
        assertEquals(Set.of(), fields("社区居民合影"));
        assertEquals(Set.of(TIME), fields("活动时间2019年3月5日"));
        Set<CaptionField> f = fields("区卫健委党员干部在结对帮扶村开展义务植树");
        assertFalse(f.contains(PLACE), f.toString());
        assertEquals("区卫健委", get("区卫健委党员干部在结对帮扶村开展义务植树", ORGANIZER));
    }
}
