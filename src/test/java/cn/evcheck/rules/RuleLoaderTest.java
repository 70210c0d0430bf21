package cn.evcheck.rules;

import cn.evcheck.rules.Model.*;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static cn.evcheck.rules.Model.CaptionField.*;
import static org.junit.jupiter.api.Assertions.*;

class RuleLoaderTest {
    static final String HEAD = """
            evcheck: 1
            id: t
            period: {from: 2019-01-01, to: 2019-12-31}
            items:
            """;

    static RuleException fail(String yaml) {
        return assertThrows(RuleException.class, () -> RuleLoader.load(yaml.getBytes(StandardCharsets.UTF_8), "r.yaml", "r.yaml"));
    }

    @Test
    void unknownKeyNamesItsLineColumnAndTheNearestKey() {
        RuleException e = fail(HEAD + """
                  - id: A-1
                    materails:
                      - {kind: report}
                """);
        assertEquals("r.yaml:6:5: items[1]: unknown key 'materails' in item. Did you mean 'materials'?", e.render(true));
        assertTrue(e.render(false).contains("是否想写“materials”"), e.render(false));
    }

    @Test
    void wrongTypesAndUnknownEnumValues() {
        assertEquals("r.yaml:6:39: items[1].materials[1].words: must be a positive integer (got \"three hundred\")", fail(HEAD + """
                  - id: A-1
                    materials: [{kind: report, words: three hundred}]
                """).render(true));
        assertTrue(fail(HEAD + """
                  - id: A-1
                    materials: [{kind: photo}]
                """).render(true).contains("invalid kind 'photo'; valid: report, photos, formal_doc, dept_eval, data_table. Did you mean 'photos'?"));
        assertTrue(fail(HEAD + """
                  - id: A-1
                    materials: [{kind: photos, per: weekly}]
                """).render(true).startsWith("r.yaml:6:37: items[1].materials[1].per: invalid per 'weekly'"));
        assertTrue(fail(HEAD + """
                  - id: A-1
                    materials: [{kind: photos, caption: [time, venu]}]
                """).render(true).contains("Did you mean 'venue'?"));
        assertTrue(fail(HEAD + """
                  - id: A-1
                    materials: [{kind: report, each: month}]
                """).render(true).contains("invalid each 'month'"));
        assertTrue(fail(HEAD + """
                  - id: A-1
                    materials: {kind: report}
                """).render(true).contains("items[1].materials: must be a list, found a mapping"));
    }

    /**
     * YAML 1.1 numbers Java's parser does not take (found by ParserFuzzTest#rules): they were a
     * NumberFormatException out of RuleLoader.load. Underscores are read as YAML means them; hex,
     * base 60, .inf and .nan are refused with a location.
     */
    @Test
    void yamlNumberFormsAreReadOrRefusedNeverThrownThrough() throws Exception {
        RuleSet rs = RuleLoader.load((HEAD + """
                  - id: A-1
                    materials: [{kind: data_table, target: {metric: 注册志愿者, op: '>=', value: 1_000}}]
                defaults:
                  report: {tolerance: {below: 0._2}}
                """).getBytes(StandardCharsets.UTF_8), "r.yaml", "r.yaml");
        assertEquals(1000.0, rs.items().get(0).materials().get(0).targets().get(0).value());
        assertEquals(0.2, rs.defaults().report().below());
        for (String v : List.of("0x1F", "1:30", ".inf", "-.inf", ".nan", "0o17")) {
            RuleException e = fail(HEAD + """
                      - id: A-1
                        materials: [{kind: data_table, target: {metric: m, op: '>=', value: %s}}]
                    """.formatted(v));
            assertTrue(e.render(true).startsWith("r.yaml:6:"), v + ": " + e.render(true));
        }
    }

    @Test
    void duplicateItemIdsIncludingSpellingVariants() {
        assertTrue(fail(HEAD + """
                  - id: A-1
                    materials: [{kind: report}]
                  - id: A-1
                    materials: [{kind: report}]
                """).render(true).startsWith("r.yaml:7:5: items[2]: duplicate item id 'A-1' (first at line 5)"));
        assertTrue(fail(HEAD + """
                  - id: III-1
                    materials: [{kind: report}]
                  - id: Ⅲ-1
                    materials: [{kind: report}]
                """).render(true).contains("after normalisation"));
    }

    @Test
    void festivalNeedsYearsAndKnownFestivals() {
        assertTrue(fail(HEAD + """
                  - id: A-1
                    materials: [{kind: photos, per: festival}]
                """).render(true).contains("per: festival needs years"));
        assertTrue(fail(HEAD + """
                  - id: A-1
                    years: [2019]
                    materials: [{kind: photos, per: festival, festivals: [中秋]}]
                """).render(true).contains("unknown festival '中秋'"));
    }

    @Test
    void yamlSyntaxErrorsHaveALocation() {
        RuleException e = fail("evcheck: 1\nid: [unclosed\n");
        assertTrue(e.render(true).startsWith("r.yaml:"), e.render(true));
        assertTrue(e.render(true).contains("YAML syntax error"));
    }

    @Test
    void builtInSetsAreListedAndLoad() throws Exception {
        assertEquals(List.of("binhai-weisheng-2023", "ganyu-weijian-2020", "shifeng-2017"), BuiltinRules.ids());
        for (String id : BuiltinRules.ids()) {
            RuleSet rs = BuiltinRules.load(id);
            assertEquals(id, rs.id());
            assertEquals(rs.sha256(), RuleLoader.load(Path.of("rules", id + ".yaml")).sha256(), "jar copy differs from rules/");
        }
    }

    // ---- the transcription of seeds/000 (赣卫〔2020〕44号): numbers must not drift -------------

    static Material m(Item item, int i) {
        return item.materials().get(i);
    }

    @Test
    void ganyuTranscriptionMatchesTheSeed() throws Exception {
        RuleSet rs = BuiltinRules.load("ganyu-weijian-2020");
        assertEquals(38, rs.items().size());
        assertEquals("赣卫〔2020〕44号", rs.source());
        assertEquals("2018-01-01", rs.from().toString());
        assertEquals("2020-12-31", rs.to().toString());
        assertEquals(List.of("jpg", "jpeg"), rs.defaults().photo().formats());
        assertEquals(2_097_152L, rs.defaults().photo().maxBytes());
        assertEquals(List.of("doc", "docx", "wps", "uof", "uot"), rs.defaults().report().formats());
        assertEquals(34, rs.items().stream().filter(i -> i.id().startsWith("III-")).count());

        // Ⅲ-15 ①: 分别提供说明报告，每个300字左右；每类每月至少提供1张，注明时间、单位名称或个人姓名、服务对象、关爱内容
        Item i1 = rs.item("III-15-2-1");
        assertEquals(List.of("关爱空巢老人", "留守儿童", "困境儿童", "困难群体", "残疾人", "贫困户"), i1.categories());
        assertEquals(new Material(Kind.REPORT, Each.CATEGORY, 300, 1, Per.TOTAL, List.of(), List.of(), List.of(), List.of(), Proof.NONE, false, false, ""), m(i1, 0));
        assertEquals(List.of(Kind.PHOTOS, Each.CATEGORY, 1, Per.MONTH, List.of(TIME, UNIT, BENEFICIARY, CONTENT)),
                List.of(m(i1, 1).kind(), m(i1, 1).each(), m(i1, 1).min(), m(i1, 1).per(), m(i1, 1).caption()));
        assertEquals(List.of("刘永全"), i1.leaders());
        assertEquals(List.of("组织人事科"), i1.leadDepartments());
        assertEquals(List.of("委各直属单位", "青口中心卫生院", "赣马镇卫生院", "宋庄镇卫生院", "各民营医院"), i1.responsible());

        // Ⅲ-11 ②: 每年每个节日提供至少3张，注明活动时间、主办单位、活动主题
        Item fest = rs.item("III-11-1-2");
        assertEquals(List.of(Kind.PHOTOS, 3, Per.FESTIVAL, List.of(TIME, ORGANIZER, THEME)),
                List.of(m(fest, 0).kind(), m(fest, 0).min(), m(fest, 0).per(), m(fest, 0).caption()));
        assertEquals(List.of("春节", "元宵节", "清明节", "端午节", "七夕节", "中秋节", "重阳节"), m(fest, 0).festivals());
        assertEquals(List.of(2018, 2019, 2020), fest.yearsFor(m(fest, 0)));

        // Ⅲ-31 ②: 分别说明2018、2019、2020年…（每个说明报告500字左右）
        Item y = rs.item("III-31-1-2");
        assertEquals(List.of(Kind.REPORT, Each.YEAR, 500), List.of(m(y, 0).kind(), m(y, 0).each(), m(y, 0).words()));
        assertEquals(List.of(2018, 2019, 2020), y.yearsFor(m(y, 0)));

        // Ⅲ-32 ③: 分别说明2019、2020年…（每个报告400字左右）
        Item y2 = rs.item("III-32-0-3");
        assertEquals(List.of(Each.YEAR, 400), List.of(m(y2, 0).each(), m(y2, 0).words()));
        assertEquals(List.of(2019, 2020), y2.yearsFor(m(y2, 0)));

        // Ⅲ-49 ③: 数据表格；临床用血100%来自自愿无偿献血，或千人口献血人次＞10
        Item blood = rs.item("III-49-0-3");
        assertEquals(Kind.DATA_TABLE, m(blood, 0).kind());
        assertEquals(2, m(blood, 0).targets().size());
        assertEquals(List.of(">=", 100.0, "%"), List.of(m(blood, 0).targets().get(0).op(), m(blood, 0).targets().get(0).value(),
                m(blood, 0).targets().get(0).unit()));
        assertEquals(List.of(">", 10.0), List.of(m(blood, 0).targets().get(1).op(), m(blood, 0).targets().get(1).value()));

        // Ⅲ-65 ③: 说明报告500字左右；每月提供不少于2张，注明时间、单位、主题
        Item em = rs.item("III-65-1-3");
        assertEquals(500, m(em, 0).words());
        assertEquals(List.of(Kind.PHOTOS, Each.NONE, 2, Per.MONTH, List.of(TIME, UNIT, THEME)),
                List.of(m(em, 1).kind(), m(em, 1).each(), m(em, 1).min(), m(em, 1).per(), m(em, 1).caption()));

        // Ⅲ-65 ②: 每两月1张，注明活动时间、主办单位、活动主题
        Item tr = rs.item("III-65-2-2");
        assertEquals(List.of(1, Per.TWO_MONTHS, List.of(TIME, ORGANIZER, THEME)), List.of(m(tr, 0).min(), m(tr, 0).per(), m(tr, 0).caption()));

        // Ⅲ-83 2) ②: 每类每两月1张（机关、企事业、社区、景区），注明活动时间、单位名称、活动主题
        Item civ = rs.item("III-83-2-2");
        assertEquals(List.of("机关", "企事业", "社区", "景区"), civ.categories());
        assertEquals(List.of(Each.CATEGORY, 1, Per.TWO_MONTHS, List.of(TIME, UNIT, THEME)),
                List.of(m(civ, 0).each(), m(civ, 0).min(), m(civ, 0).per(), m(civ, 0).caption()));

        // Ⅲ-60 2): 部门评价 only — still an item
        Item eval = rs.item("III-60-2-1");
        assertEquals(List.of(Kind.DEPT_EVAL), eval.materials().stream().map(Material::kind).toList());

        // Ⅲ-59 ③, Ⅲ-67 ③: 800字左右; Ⅲ-84 ②: 600字左右
        assertEquals(800, m(rs.item("III-59-5-3"), 0).words());
        assertEquals(800, m(rs.item("III-67-2-3"), 0).words());
        assertEquals(600, m(rs.item("III-84-1-2"), 0).words());

        // 未成年人思想道德建设 网上申报: 规范文件 + 说明报告
        assertEquals(Kind.FORMAL_DOC, m(rs.item("M-3-10-1"), 0).kind());
        assertEquals(Kind.REPORT, m(rs.item("M-5-4-2"), 0).kind());
    }

    @Test
    void shifengUsesItsOwnDefaults() throws Exception {
        RuleSet rs = BuiltinRules.load("shifeng-2017");
        assertEquals(14, rs.items().size());
        assertEquals(800, rs.defaults().report().words());
        assertEquals(List.of("jpg", "jpeg"), rs.defaults().photo().formats());
    }

    static RuleSet load(String yaml) throws Exception {
        return RuleLoader.load(yaml.getBytes(StandardCharsets.UTF_8), "r.yaml", "r.yaml");
    }

    /** Issue 10: what a document must show, in each spelling the vocabulary allows, with seed 000's defaults. */
    @Test
    void proofNumberAndMarked() throws Exception {
        RuleSet rs = load(HEAD + """
                  - id: A-1
                    materials:
                      - {kind: formal_doc}
                      - {kind: dept_eval}
                      - {kind: data_table}
                      - {kind: formal_doc, proof: "any_of [red_header, seal]", number: false, marked: true}
                      - {kind: dept_eval, proof: [red_header, seal]}
                      - {kind: data_table, proof: {any_of: [seal, red_header]}}
                      - {kind: data_table, proof: none}
                      - {kind: formal_doc, proof: seal}
                """);
        Item a = rs.item("A-1");
        assertEquals(new Proof(List.of(Sign.RED_HEADER), false), m(a, 0).proof());
        assertTrue(m(a, 0).number(), "seed 000: 红头页(需要文号)");
        assertEquals(Proof.all(Sign.RED_HEADER, Sign.SEAL), m(a, 1).proof());
        assertFalse(m(a, 1).number(), "seed 000: 部门评价 needs no 文号");
        assertEquals(Proof.all(Sign.SEAL), m(a, 2).proof());
        assertEquals(new Proof(List.of(Sign.RED_HEADER, Sign.SEAL), true), m(a, 3).proof());
        assertFalse(m(a, 3).number());
        assertTrue(m(a, 3).marked());
        assertEquals("any_of [red_header, seal]", m(a, 3).proof().key());
        assertEquals("[red_header, seal]", m(a, 4).proof().key());
        assertEquals("any_of [seal, red_header]", m(a, 5).proof().key());
        assertTrue(m(a, 6).proof().none());
        assertTrue(m(a, 6).proof().met(false, false));
        assertTrue(m(a, 7).number(), "a material's own proof keeps the kind's number rule");
        // any_of is met by either sign, all-of only by both
        assertTrue(m(a, 3).proof().met(false, true));
        assertFalse(m(a, 4).proof().met(true, false));
        assertTrue(fail(HEAD + """
                  - id: A-1
                    materials: [{kind: formal_doc, proof: red_heder}]
                """).render(true).contains("unknown proof 'red_heder'; known: red_header, seal, none. Did you mean 'red_header'?"));
        assertTrue(fail(HEAD + """
                  - id: A-1
                    materials: [{kind: report, marked: true}]
                """).render(true).contains("items[1].materials[1].marked: applies only to kind: formal_doc (this material is kind: report)"));
        assertTrue(fail(HEAD + """
                  - id: A-1
                    materials: [{kind: photos, proof: seal}]
                """).render(true).contains("items[1].materials[1].proof: applies only to kind: formal_doc, dept_eval, data_table"));
        assertTrue(fail(HEAD + """
                  - id: A-1
                    materials: [{kind: formal_doc, number: maybe}]
                """).render(true).contains("must be true or false"));
    }

    /** Defaults per document kind for the whole rule set, and a period of an item's own. */
    @Test
    void documentDefaultsPerKindAndItemPeriod() throws Exception {
        RuleSet rs = load("""
                evcheck: 1
                id: t
                period: {from: 2019-01-01, to: 2019-12-31}
                defaults:
                  document:
                    formal_doc: {proof: "any_of [red_header, seal]", number: false}
                items:
                  - {id: A-1, materials: [{kind: formal_doc}, {kind: formal_doc, number: true}]}
                  - {id: A-2, period: {from: 2019-07-01}, materials: [{kind: photos}]}
                """);
        assertEquals(List.of("jpg", "jpeg", "pdf"), rs.defaults().document().formats(), "formats keep their default");
        assertTrue(m(rs.item("A-1"), 0).proof().anyOf());
        assertFalse(m(rs.item("A-1"), 0).number());
        assertTrue(m(rs.item("A-1"), 1).number());
        assertEquals(java.time.LocalDate.of(2019, 7, 1), rs.from(rs.item("A-2")));
        assertEquals(java.time.LocalDate.of(2019, 12, 31), rs.to(rs.item("A-2")), "the end falls back to the rule set's");
        assertEquals(java.time.LocalDate.of(2019, 1, 1), rs.from(rs.item("A-1")));
        assertTrue(fail(HEAD + """
                  - {id: A-1, period: {from: 2019-07-01, to: 2019-06-01}, materials: [{kind: report}]}
                """).render(true).contains("items[1].period: 'to' is before 'from'"));
    }

    /** Seed 002 accepts the 红头页 or the 盖章页 of a 规范文件 and never asks for a 文号; its evaluations need both pages. */
    @Test
    void shifengDocumentsFollowSeed002() throws Exception {
        RuleSet rs = BuiltinRules.load("shifeng-2017");
        Material doc = m(rs.item("III-31-0-1"), 0);
        assertEquals(Kind.FORMAL_DOC, doc.kind());
        assertEquals(new Proof(List.of(Sign.RED_HEADER, Sign.SEAL), true), doc.proof());
        assertFalse(doc.number());
        Material eval = m(rs.item("III-53-0-1"), 0);
        assertEquals(Proof.all(Sign.RED_HEADER, Sign.SEAL), eval.proof());
        assertFalse(eval.number());
        assertEquals(Proof.all(Sign.SEAL), m(rs.item("III-61-2-1"), 0).proof());
        for (Item i : rs.items()) for (Material x : i.materials()) assertFalse(x.number(), i.id() + ": seed 002 names no 文号");
    }

    /** Seed 000's 相关正式发文 items are marked; binhai's indicator tables need no seal. */
    @Test
    void ganyuMarksItsRelatedDocumentsAndBinhaiNeedsNoStamps() throws Exception {
        RuleSet g = BuiltinRules.load("ganyu-weijian-2020");
        List<String> marked = g.items().stream().filter(i -> i.materials().stream().anyMatch(Material::marked)).map(Item::id).toList();
        List<String> related = g.items().stream().filter(i -> i.requirement().contains("相关正式发文")).map(Item::id).toList();
        assertEquals(List.of("III-28-3-1", "III-60-1-1"), marked);
        assertEquals(related, marked);
        RuleSet b = BuiltinRules.load("binhai-weisheng-2023");
        for (Item i : b.items()) assertTrue(m(i, 0).proof().none(), i.id());
    }
}
