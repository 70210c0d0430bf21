package cn.evcheck;

import cn.evcheck.testkit.Cli;
import cn.evcheck.testkit.Cli.Run;
import cn.evcheck.testkit.Docs;
import cn.evcheck.testkit.Jpegs;
import cn.evcheck.testkit.Pkg;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;

import static org.junit.jupiter.api.Assertions.*;

/** Runs {@code evcheck check} in-process on a package built here and checks every finding. */
class EndToEndTest {
    @TempDir
    static Path tmp;
    static Path pkg;
    static Path rules;

    static final String RULES = """
            evcheck: 1
            id: e2e
            title: 端到端测试
            period: {from: 2019-01-01, to: 2019-12-31}
            items:
              - id: III-15-2-1
                indicator: Ⅲ-15 志愿服务活动
                lead_department: 组织人事科
                categories: [关爱空巢老人, 留守儿童]
                materials:
                  - {kind: report, each: category, words: 300}
                  - {kind: photos, each: category, min: 1, per: month, caption: [time, unit, content]}
              - id: III-65-2-2
                materials:
                  - {kind: photos, min: 1, per: two_months, caption: [time, organizer, theme]}
              - id: III-31-1-2
                years: [2019]
                materials:
                  - {kind: report, each: year, words: 500}
              - id: III-60-2-1
                materials:
                  - {kind: dept_eval}
            """;

    @BeforeAll
    static void build() throws Exception {
        rules = tmp.resolve("rules.yaml");
        Files.writeString(rules, RULES);
        pkg = tmp.resolve("青口中心卫生院");
        Pkg p = new Pkg(pkg);
        String item = "Ⅲ－15－2① 关爱志愿服务/";   // a clerk's spelling of III-15-2-1
        p.file(item + "说明报告/关爱空巢老人.docx", Docs.docx(Docs.prose(320)));
        p.file(item + "说明报告/留守儿童.docx", Docs.docx(Docs.prose(100)));
        p.file(item + "说明报告/bomb.docx", Pkg.zipBomb(40));
        byte[] random = new byte[5000];
        new Random(7).nextBytes(random);
        p.file(item + "说明报告/random.docx", random);
        p.file(item + "空文件.docx", new byte[0]);

        Jpegs.Exif xp = new Jpegs.Exif();
        xp.xpComment = "时间：2019年1月10日 单位：青口中心卫生院 服务内容：为空巢老人测量血压";
        p.file(item + "图片/关爱空巢老人/走访1.jpg", Jpegs.withMetadata(Jpegs.image(640, 480, 1, 0.7f), xp, null, null));
        Jpegs.Exif gbk = new Jpegs.Exif().description("2019年2月14日，青口中心卫生院志愿者走访空巢老人，为老人测量血压",
                Charset.forName("GBK"));
        p.file(item + "图片/关爱空巢老人/走访2.jpg", Jpegs.withMetadata(Jpegs.image(640, 480, 2, 0.7f), gbk, null, null));
        p.file(item + "图片/关爱空巢老人/IMG_0001.jpg",
                Jpegs.withMetadata(Jpegs.image(640, 480, 3, 0.7f), new Jpegs.Exif().date("2019:03:05 09:30:00"), null, null));
        p.file(item + "图片/留守儿童/2019-01-20 看望留守儿童.jpg", Jpegs.image(640, 480, 4, 0.7f));
        p.file(item + "图片/留守儿童/fake.jpg", Jpegs.png(64, 48));

        byte[] good = Jpegs.image(640, 480, 5, 0.7f);
        p.file("III-65-2-2 自救互救/图片/2019-02-01 培训.jpg", Arrays.copyOf(good, good.length / 2));
        p.file("III-65-2-2 自救互救/图片/培训.jpg", Jpegs.image(640, 480, 6, 0.7f));
        p.text("III-65-2-2 自救互救/图片/图片说明.csv",
                "文件名,图片说明\n培训.jpg,时间：2019年3月12日 主办单位：赣马镇卫生院 主题：自救互救知识培训\n");

        evaluation(p, "III-60-2-1 部门评价/部门评价/");
        p.text("随便.txt", "notes");
    }

    static JsonNode json(Path pkg, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("check", pkg.toString(), "--rules", rules.toString(),
                "--as-of", "2019-04-15", "--format", "json"));
        args.addAll(List.of(extra));
        Run r = Cli.run(args.toArray(new String[0]));
        assertEquals(1, r.code(), r.err());
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void everyFindingIsExpectedAndNothingElse() throws Exception {
        JsonNode r = json(pkg);
        String i = "Ⅲ－15－2① 关爱志愿服务/";
        Set<String> expected = new TreeSet<>(List.of(
                "photo.caption_missing|III-15-2-1|" + i + "图片/关爱空巢老人/IMG_0001.jpg",
                "photo.caption_field_missing|III-15-2-1|" + i + "图片/留守儿童/2019-01-20 看望留守儿童.jpg|unit",
                "file.type_mismatch|III-15-2-1|" + i + "图片/留守儿童/fake.jpg",
                "coverage.gap|III-15-2-1|2019-02|留守儿童",
                "coverage.gap|III-15-2-1|2019-03|留守儿童",
                "coverage.pending|III-15-2-1|2019-04|关爱空巢老人",
                "coverage.pending|III-15-2-1|2019-04|留守儿童",
                "report.too_short|III-15-2-1|" + i + "说明报告/留守儿童.docx",
                "file.too_complex|III-15-2-1|" + i + "说明报告/bomb.docx",
                "report.unparseable|III-15-2-1|" + i + "说明报告/random.docx",
                "file.empty|III-15-2-1|" + i + "空文件.docx",
                "photo.corrupt|III-65-2-2|III-65-2-2 自救互救/图片/2019-02-01 培训.jpg",
                "coverage.gap|III-65-2-2|2019-01..2019-02",
                "item.missing|III-31-1-2|",
                "file.unassigned||随便.txt"));
        assertEquals(expected, Cli.keys(r));

        Map<String, String> status = new TreeMap<>();
        for (JsonNode it : r.get("items")) status.put(it.get("id").asText(), it.get("status").asText());
        assertEquals(Map.of("III-15-2-1", "incomplete", "III-65-2-2", "incomplete", "III-31-1-2", "missing",
                "III-60-2-1", "complete"), status);

        assertEquals("e2e", r.get("rules").get("id").asText());
        assertEquals(64, r.get("rules").get("sha256").asText().length());
        assertEquals("2019-04-15", r.get("as_of").asText());
        assertFalse(r.get("tool").get("version").asText().isEmpty());
    }

    @Test
    void photosCarryTheirDateSourceAndCaptionFields() throws Exception {
        JsonNode r = json(pkg);
        Map<String, JsonNode> photos = new HashMap<>();
        for (JsonNode ph : r.get("photos")) photos.put(ph.get("file").asText().replaceAll(".*/", ""), ph);
        assertEquals("2019-01-10", photos.get("走访1.jpg").get("date").asText());
        assertEquals("caption", photos.get("走访1.jpg").get("date_source").asText());
        assertEquals("XPComment", photos.get("走访1.jpg").get("caption_sources").get(0).asText());
        assertEquals("2019-02-14", photos.get("走访2.jpg").get("date").asText());
        assertEquals("EXIF ImageDescription", photos.get("走访2.jpg").get("caption_sources").get(0).asText());
        assertEquals("exif", photos.get("IMG_0001.jpg").get("date_source").asText());
        assertEquals("filename", photos.get("2019-01-20 看望留守儿童.jpg").get("date_source").asText());
        assertEquals("图片说明表", photos.get("培训.jpg").get("caption_sources").get(0).asText());
        assertTrue(photos.get("培训.jpg").get("counted").asBoolean());
        assertFalse(photos.get("fake.jpg").get("counted").asBoolean());
    }

    @Test
    void reportCountsAreInTheJson() throws Exception {
        JsonNode r = json(pkg);
        Map<String, Integer> words = new HashMap<>();
        for (JsonNode rep : r.get("reports")) words.put(rep.get("file").asText().replaceAll(".*/", ""), rep.get("words").asInt());
        assertEquals(Map.of("关爱空巢老人.docx", 320, "留守儿童.docx", 100), words);
    }

    @Test
    void thePackageIsByteForByteUnchanged() throws Exception {
        TreeMap<String, String> before = Pkg.fingerprint(pkg);
        Path out = tmp.resolve("out");
        Run r = Cli.run("check", pkg.toString(), "--rules", rules.toString(), "--as-of", "2019-04-15",
                "--format", "text,json", "--output", out.toString());
        assertEquals(1, r.code(), r.err());
        assertEquals(before, Pkg.fingerprint(pkg));
        assertTrue(Files.exists(out.resolve("report.json")));
        assertTrue(Files.exists(out.resolve("report.txt")));
    }

    /**
     * The same package with links and a FIFO planted in it, and links planted under the report
     * names: the same findings (nothing behind a link is read), and the package, what its links
     * point at and the evidence the report links point at are byte-identical afterwards.
     */
    @Test
    void linksAndFifosChangeNothingAndAreNotFollowed() throws Exception {
        Path copy = tmp.resolve("linked/" + pkg.getFileName());
        try (var s = Files.walk(pkg)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path to = copy.resolve(pkg.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(to); else Files.copy(p, to);
            }
        }
        Path outside = tmp.resolve("linked/outside");
        new Pkg(outside).file("2019-02-20 外来.jpg", Jpegs.image(640, 480, 42, 0.7f)).text("secret.txt", "secret");
        String photos = "Ⅲ－15－2① 关爱志愿服务/图片/留守儿童/";
        Files.createSymbolicLink(copy.resolve(photos + "2019-02-20 外来.jpg"), outside.resolve("2019-02-20 外来.jpg"));
        Files.createSymbolicLink(copy.resolve(photos + "2019-03"), outside);
        Files.createSymbolicLink(copy.resolve("随便.lnk.txt"), Path.of("/etc/passwd"));
        boolean fifo = Pkg.fifo(copy.resolve(photos + "2019-03-20 管道.jpg"));
        Path evidence = copy.resolve("Ⅲ－15－2① 关爱志愿服务/说明报告/关爱空巢老人.docx");
        Path out = Files.createDirectories(tmp.resolve("linked/out"));
        for (String name : new String[]{"report.json", "report.txt", "report.html", "report.xlsx"}) {
            Files.createSymbolicLink(out.resolve(name), evidence);
        }
        TreeMap<String, String> before = Pkg.fingerprint(copy);
        TreeMap<String, String> others = Pkg.fingerprint(outside);
        Run r = Cli.run("check", copy.toString(), "--rules", rules.toString(), "--as-of", "2019-04-15",
                "--format", "text,json,html,xlsx", "--output", out.toString());
        assertEquals(1, r.code(), r.err());
        assertEquals(before, Pkg.fingerprint(copy));
        assertEquals(others, Pkg.fingerprint(outside));
        JsonNode linked = new ObjectMapper().readTree(Files.readString(out.resolve("report.json")));
        assertEquals(Cli.keys(json(pkg)), Cli.keys(linked), "nothing behind a link or in a FIFO is looked at");
        assertEquals(3, linked.get("units").get(0).get("skipped").get("links").asInt());
        assertEquals(fifo ? 1 : 0, linked.get("units").get(0).get("skipped").get("special").asInt());
        for (String name : new String[]{"report.json", "report.txt", "report.html", "report.xlsx"}) {
            assertTrue(Files.isRegularFile(out.resolve(name), java.nio.file.LinkOption.NOFOLLOW_LINKS), name);
        }
    }

    @Test
    void outputInsideThePackageIsRefused() {
        TreeMap<String, String> before = Pkg.fingerprint(pkg);
        Run r = Cli.run("check", pkg.toString(), "--rules", rules.toString(), "--format", "json",
                "--output", pkg.resolve("报告").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("材料包"), r.err());
        assertEquals(before, Pkg.fingerprint(pkg));
    }

    @Test
    void sameBytesWhateverTheThreadCount() {
        String[] base = {"check", pkg.toString(), "--rules", rules.toString(), "--as-of", "2019-04-15", "--format", "json"};
        Run one = Cli.run(concat(base, "--threads", "1"));
        Run four = Cli.run(concat(base, "--threads", "4"));
        assertEquals(one.out(), four.out());
        Run text1 = Cli.run("check", pkg.toString(), "--rules", rules.toString(), "--as-of", "2019-04-15", "--threads", "1");
        Run text4 = Cli.run("check", pkg.toString(), "--rules", rules.toString(), "--as-of", "2019-04-15", "--threads", "4");
        assertEquals(text1.out(), text4.out());
    }

    @Test
    void textReportIsChineseByDefaultAndEnglishOnRequest() {
        Run zh = Cli.run("check", pkg.toString(), "--rules", rules.toString(), "--as-of", "2019-04-15");
        assertEquals(1, zh.code());
        assertTrue(zh.out().contains("[未完成] III-15-2-1"), zh.out());
        assertTrue(zh.out().contains("“留守儿童”图片不足：2019年2月、2019年3月"), zh.out());
        assertTrue(zh.out().contains("[缺失]   III-31-1-2"), zh.out());
        assertTrue(zh.out().contains("汇总：共 4 个条目，完成 1，未完成 2，缺失 1"), zh.out());
        // The default test group pins OCR off (-Devcheck.ocr=off): the package's scans get the one stderr note.
        assertEquals(1, zh.err().lines().count(), zh.err());
        assertTrue(zh.err().startsWith("evcheck：提示：文字识别已关闭（EVCHECK_OCR=off），扫描件上的文号"), zh.err());
        Run en = Cli.run("check", pkg.toString(), "--rules", rules.toString(), "--as-of", "2019-04-15", "--lang", "en");
        assertTrue(en.out().contains("Summary: 4 items — 1 complete, 2 incomplete, 1 missing"), en.out());
        assertEquals(1, en.err().lines().count(), en.err());
        assertTrue(en.err().startsWith("evcheck: note: OCR is switched off (EVCHECK_OCR=off);"), en.err());
        Run quiet = Cli.run("check", pkg.toString(), "--rules", rules.toString(), "--as-of", "2019-04-15", "--quiet");
        assertEquals("", quiet.err());
    }

    @Test
    void exitCodesFollowFailOn() {
        Path clean = tmp.resolve("clean");
        evaluation(new Pkg(clean), "III-60-2-1/部门评价/");
        String yaml = RULES.substring(0, RULES.indexOf("  - id: III-15-2-1")) + """
                  - id: III-60-2-1
                    materials:
                      - {kind: dept_eval}
                """;
        Path only = tmp.resolve("only.yaml");
        try {
            Files.writeString(only, yaml);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        assertEquals(0, Cli.run("check", clean.toString(), "--rules", only.toString(), "--as-of", "2019-04-15").code());
        assertEquals(1, Cli.run("check", pkg.toString(), "--rules", rules.toString(), "--as-of", "2019-04-15").code());
        assertEquals(0, Cli.run("check", pkg.toString(), "--rules", rules.toString(), "--fail-on", "never").code());
        assertEquals(2, Cli.run("check", pkg.toString(), "--rules", rules.toString(), "--fail-on", "sometimes").code());
        assertEquals(2, Cli.run("check", pkg.toString(), "--rules", "no-such-rules").code());
        assertEquals(2, Cli.run("check", pkg.toString()).code());   // no rules anywhere
        assertEquals(3, Cli.run("check", tmp.resolve("nowhere").toString(), "--rules", rules.toString()).code());
    }

    @Test
    void byUnitChecksEachFirstLevelFolder() throws Exception {
        Path multi = tmp.resolve("multi");
        evaluation(new Pkg(multi), "甲医院/III-60-2-1/部门评价/");
        evaluation(new Pkg(multi), "乙医院/III-60-2-1/");
        Run r = Cli.run("check", multi.toString(), "--rules", rules.toString(), "--as-of", "2019-04-15",
                "--by-unit", "--format", "json");
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(2, j.get("units").size());
        assertEquals("乙医院", j.get("units").get(0).get("name").asText());
        assertEquals("甲医院", j.get("units").get(1).get("name").asText());
        int complete = 0;
        for (JsonNode it : j.get("items")) {
            if (it.get("id").asText().equals("III-60-2-1")) {
                assertEquals("complete", it.get("status").asText(), it.toString());
                complete++;
            }
        }
        assertEquals(2, complete);
    }

    /** A department evaluation as the system wants it: the red-header page and the sealed page. */
    static void evaluation(Pkg p, String dir) {
        p.file(dir + "红头页.jpg", Jpegs.encode(cn.evcheck.testkit.Scans.redHeaderPage(21, "江苏省卫生健康委员会", null, true,
                cn.evcheck.testkit.Scans.RED, 0, 0), 0.8f));
        p.file(dir + "盖章页.jpg", Jpegs.encode(cn.evcheck.testkit.Scans.sealPage(22, true, cn.evcheck.testkit.Scans.RED, 0, 0), 0.8f));
    }

    private static String[] concat(String[] a, String... b) {
        String[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
