package cn.evcheck.report;

import cn.evcheck.model.*;
import cn.evcheck.rules.Periods;
import cn.evcheck.model.Report.ItemResult;
import cn.evcheck.model.Report.UnitResult;
import cn.evcheck.rules.Model.Kind;
import cn.evcheck.rules.Model.Material;
import cn.evcheck.testkit.Cli;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;

import static cn.evcheck.report.ReportRuns.*;
import static org.junit.jupiter.api.Assertions.*;

/** The renderers' contracts that golden files do not spell out: escaping, counts, CLI wiring. */
class RenderersTest {
    static Report demo;
    static Report multi;

    @BeforeAll
    static void reports() throws Exception {
        demo = demoReport();
        multi = multiReport();
    }

    @Test
    void escaping() {
        assertEquals("&lt;b&gt;&amp;&quot;x&#39;", HtmlRenderer.esc("<b>&\"x'"));
        assertEquals("a\\|b \\*c\\* \\_d\\_ \\<e\\> &amp; \\`f\\` \\[g\\](h)", MarkdownRenderer.md("a|b *c* _d_ <e> & `f` [g](h)"));
        assertEquals("a b", MarkdownRenderer.md("a\nb"));
        assertEquals("&lt;&amp;&quot;&apos;&gt;&#10;\uFFFD", JunitRenderer.x("<&\"'>\n\u0001"));
        assertEquals("`a <b>.jpg`", MarkdownRenderer.code("a <b>.jpg"));
        assertEquals("`` a`b.jpg ``", MarkdownRenderer.code("a`b.jpg"));
    }

    @Test
    void groupingParses() {
        assertEquals(Grouping.ITEM, Grouping.parse("item"));
        assertEquals(Grouping.DEPARTMENT, Grouping.parse("Department"));
        assertEquals(Grouping.UNIT, Grouping.parse(" unit "));
        assertNull(Grouping.parse("office"));
    }

    @Test
    void sectionsByDepartmentAndResponsibleUnit() {
        List<Sections.Section> dept = Sections.of(demo, Grouping.DEPARTMENT, false);
        assertEquals(List.of("组织人事科", "综合监督与职业健康科", "规划发展与信息化科", "医政医管科", "卫生应急办公室"),
                dept.stream().map(Sections.Section::key).toList());
        assertEquals(List.of("III-11-1-2", "III-15-2-1"), dept.get(0).entries().stream().map(e -> e.item().id()).toList());
        // III-60-1-1 has two lead offices and is listed under both.
        assertEquals(List.of("III-60-1-1"), dept.get(2).entries().stream().map(e -> e.item().id()).toList());
        assertEquals(List.of("III-60-1-1"), dept.get(3).entries().stream().map(e -> e.item().id()).toList());
        List<Sections.Section> unit = Sections.of(multi, Grouping.UNIT, false);
        assertEquals(List.of("青口中心卫生院", "赣马镇卫生院", "宋庄镇卫生院"), unit.stream().map(Sections.Section::key).toList());
        // Each section holds its items from every checked unit.
        assertEquals(List.of("赣马镇卫生院/A-1", "赣马镇卫生院/A-2", "青口中心卫生院/A-1", "青口中心卫生院/A-2"),
                unit.get(0).entries().stream().map(e -> e.unit().name() + "/" + e.item().id()).toList());
    }

    @Test
    void everyCoverageFindingIsACellOfItsCalendar() {
        var item = demo.rules().item("III-15-2-1");
        ItemResult demoItem = demo.units().get(0).items().stream().filter(i -> i.item() == item).findFirst().orElseThrow();
        assertEquals(List.of("2018-01", "2018-02", "2018-03", "2018-04", "2018-05", "2018-06"), demoItem.coverage().get(0).periods());
        // Every coverage finding of both reports is a cell of its calendar with the same have/need.
        for (Report r : List.of(demo, multi)) {
            for (UnitResult u : r.units()) {
                for (ItemResult ir : u.items()) {
                    Map<String, CoverageGrid.Cell> cells = new HashMap<>();
                    for (CoverageGrid g : ir.coverage()) {
                        for (CoverageGrid.Row row : g.rows()) for (CoverageGrid.Cell c : row.cells()) cells.put(row.category() + "|" + c.period(), c);
                    }
                    for (Finding f : ir.findings()) {
                        if (!f.code().startsWith("coverage.")) continue;
                        CoverageGrid.Cell c = cells.get(f.data().getOrDefault("category", "") + "|" + f.period());
                        assertNotNull(c, f.toString());
                        assertEquals(f.data().get("have"), c.have());
                        assertEquals(f.code().equals("coverage.gap") ? CoverageGrid.State.GAP : CoverageGrid.State.PENDING, c.state());
                    }
                    // Met cells show a real count, never less than needed.
                    cells.values().stream().filter(c -> c.state() == CoverageGrid.State.MET).forEach(c -> assertTrue(c.have() >= c.need(), c.toString()));
                }
            }
        }
    }

    @Test
    void junitXmlIsWellFormedAndCountsItems() throws Exception {
        for (Report r : List.of(demo, multi)) {
            String xml = JunitRenderer.render(r, false);
            Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
            NodeList suites = d.getElementsByTagName("testsuite");
            assertEquals(r.units().size(), suites.getLength());
            int failures = 0, cases = 0;
            for (UnitResult u : r.units()) {
                cases += u.items().size() + (Sections.loose(u).isEmpty() ? 0 : 1);
                failures += (int) u.findings().stream().filter(f -> f.severity() == Severity.ERROR).count();
            }
            assertEquals(cases, d.getElementsByTagName("testcase").getLength());
            assertEquals(failures, d.getElementsByTagName("failure").getLength());
            Element root = d.getDocumentElement();
            assertEquals(String.valueOf(cases), root.getAttribute("tests"));
            assertFalse(xml.contains("timestamp"));
        }
        // A complete item passes: no failure element.
        String xml = JunitRenderer.render(demo, false);
        assertTrue(xml.contains("<testcase classname=\"青口中心卫生院\" name=\"III-31-1-2 Ⅱ-17 推进诚信建设制度化 / Ⅲ-31 社会信用体系建设\"/>"));
    }

    @Test
    void thumbnailsAreSmallFreshJpegsOfProblemPhotosOnly() throws Exception {
        Map<String, String> t = Thumbnails.of(demo);
        UnitResult u = demo.units().get(0);
        Set<String> problem = new TreeSet<>();
        for (Finding f : u.findings()) if (f.code().startsWith("photo.") || f.code().equals("file.type_mismatch")) problem.add(f.file());
        problem.add("III-15-2-1 关爱空巢老人等志愿服务/图片/关爱空巢老人/上门送医.jpg");   // the other half of the duplicate
        Set<String> keys = new TreeSet<>();
        for (String k : t.keySet()) keys.add(k.substring(k.indexOf('\u0000') + 1));
        assertEquals(problem, keys);
        for (String uri : t.values()) {
            assertTrue(uri.startsWith("data:image/jpeg;base64,"));
            byte[] jpeg = Base64.getDecoder().decode(uri.substring(uri.indexOf(',') + 1));
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(jpeg));
            assertTrue(Math.max(img.getWidth(), img.getHeight()) <= Thumbnails.MAX);
            assertFalse(new String(jpeg, StandardCharsets.ISO_8859_1).contains("Exif"), "no metadata (GPS) is carried over");
        }
        // The GPS photo's thumbnail is re-encoded, not the original bytes.
        String gps = "III-65-2-2 自救互救培训/图片/2018-05-16 急救知识进社区.jpg";
        byte[] original = Files.readAllBytes(DEMO.resolve(gps));
        String uri = t.get(Thumbnails.key(u, gps));
        assertTrue(Base64.getDecoder().decode(uri.substring(uri.indexOf(',') + 1)).length < original.length);
        // Unreadable or hostile input gives no thumbnail, never an exception.
        Path junk = Files.createTempFile("evcheck-junk", ".jpg");
        Files.write(junk, new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 1, 2, 3});
        assertNull(Thumbnails.dataUri(junk.getParent(), junk.getFileName().toString()));
        assertNull(Thumbnails.dataUri(junk.getParent(), "does-not-exist.jpg"));
    }

    @Test
    void multiUnitMatrixInHtmlAndMarkdown() {
        String html = HtmlRenderer.render(multi, false, Grouping.ITEM);
        // A-3 is 赣马镇卫生院's and 宋庄镇卫生院's job; 青口中心卫生院 has no folder for it.
        assertTrue(html.contains("<td class=\"st-na\">不适用</td>"), html);
        assertFalse(HtmlRenderer.render(demo, false, Grouping.ITEM).contains("id=\"matrix\""));
        String md = MarkdownRenderer.render(multi, true, Grouping.ITEM);
        assertTrue(md.contains("| A-3 | ✅ complete | n/a |"), md);
        assertFalse(html.contains("<现场>"), "file names are escaped");
        assertTrue(html.contains("&lt;现场&gt; &amp; &quot;合影&quot;"));
    }

    @Test
    void cliFormatsAndOptions() throws Exception {
        Cli.Run noOut = Cli.run("check", DEMO.toString(), "--format", "xlsx");
        assertEquals(2, noOut.code());
        assertTrue(noOut.err().contains("--output"), noOut.err());
        Cli.Run badGroup = Cli.run("check", DEMO.toString(), "--group-by", "office");
        assertEquals(2, badGroup.code());
        assertTrue(badGroup.err().contains("--group-by"), badGroup.err());
        Cli.Run badFormat = Cli.run("check", DEMO.toString(), "--format", "pdf");
        assertEquals(2, badFormat.code());
        assertTrue(badFormat.err().contains("html, xlsx, md, sarif, junit"), badFormat.err());
        // A single text format still goes to standard output.
        Cli.Run md = Cli.run("check", DEMO.toString(), "--format", "md", "--group-by", "department");
        assertEquals(1, md.code());
        assertEquals(MarkdownRenderer.render(demo, false, Grouping.DEPARTMENT), md.out());
        Cli.Run sarif = Cli.run("check", DEMO.toString(), "--format", "sarif");
        assertEquals(SarifRenderer.render(demo, false), sarif.out());
        // Every format of the registry writes its file, the bytes its renderer gives; text is still printed as well.
        // Beside them only the folder's lock file (README "Safety"), no temporary file.
        Path out = run(demoArgs("--format", String.join(",", Renderers.names())));
        try (var s = Files.list(out)) {
            assertEquals(java.util.stream.Stream.concat(Renderers.all().stream().map(Renderer::fileName), java.util.stream.Stream.of(".evcheck.lock", "run.json"))
                            .sorted().toList(),
                    s.map(p -> p.getFileName().toString()).sorted().toList());
        }
        Renderer.Options zh = new Renderer.Options(false, Grouping.ITEM, Thumbnails.of(demo));
        for (Renderer r : Renderers.all()) {
            byte[] file = Files.readAllBytes(out.resolve(r.fileName()));
            byte[] body = r.render(demo, zh);
            // report.txt alone starts with a byte-order mark, for Notepad before Windows 10 1903.
            byte[] expected = r.byteOrderMark() ? java.nio.ByteBuffer.allocate(3 + body.length).put(Renderer.BOM).put(body).array() : body;
            assertArrayEquals(expected, file, r.name());
            assertEquals(r == Renderers.TEXT, file.length >= 3 && file[0] == (byte) 0xEF && file[1] == (byte) 0xBB && file[2] == (byte) 0xBF, r.name());
        }
        assertEquals("\uFEFF" + TextRenderer.render(demo, false), read(out.resolve("report.txt")));
        assertEquals(JsonRenderer.render(demo, false), read(out.resolve("report.json")));
    }

    @Test
    void registryHasEveryFormatOnceInAFixedOrder() {
        assertEquals(List.of("text", "json", "html", "xlsx", "md", "sarif", "junit"), Renderers.names());
        assertEquals(List.of("report.txt", "report.json", "report.html", "report.xlsx", "report.md", "report.sarif", "report.junit.xml"),
                Renderers.all().stream().map(Renderer::fileName).toList());
        for (Renderer r : Renderers.all()) {
            assertSame(r, Renderers.byName(r.name()));
            assertSame(r, Renderers.byName(" " + r.name().toUpperCase(Locale.ROOT) + " "));
        }
        assertNull(Renderers.byName("pdf"));
        assertNull(Renderers.byName(null));
        assertEquals(List.of("xlsx"), Renderers.all().stream().filter(r -> !r.toStdout()).map(Renderer::name).toList());
        assertEquals(List.of("html"), Renderers.all().stream().filter(Renderer::usesThumbnails).map(Renderer::name).toList());
        // The CLI's --help describes the formats from the registry.
        String help = Cli.run("check", "--help").out().replaceAll("\\s+", "");
        assertTrue(help.contains("输出格式：" + String.join(",", Renderers.names()) + "（可多选）；默认text；xlsx需要--output"), help);
        assertTrue(help.contains("defaulttext;xlsxneeds--output"), help);
    }

    @Test
    void jsonKeepsCharactersBeyondTheBmpAsTheyAreAndALoneSurrogateAsAQuestionMark() throws Exception {
        Report demo = ReportRuns.demoReport();
        Report.UnitResult u = demo.units().get(0);
        // \uD842\uDFB7 is U+20BB7, a name character beyond the BMP; \uD800 alone is what a Windows name may hold.
        cn.evcheck.model.Finding f = new cn.evcheck.model.Finding("photo.caption_missing", cn.evcheck.model.Severity.WARNING, u.name(),
                u.items().get(0).item().id(), "\u56fe\u7247/\uD842\uDFB7\uD800.jpg", null, Map.of(), "z", "e");
        List<cn.evcheck.model.Finding> all = new java.util.ArrayList<>(u.findings());
        all.add(f);
        Report r = new Report(demo.toolVersion(), demo.rules(), demo.asOf(), demo.packagePath(),
                List.of(new Report.UnitResult(u.name(), u.path(), u.items(), all, u.photos(), u.reports(), u.documents(),
                        u.duplicates(), u.filesInspected(), u.ocrMissed(), u.notApplicable(), u.skipped())), demo.codes());
        byte[] json = Renderers.JSON.render(r, new Renderer.Options(false, Grouping.ITEM));
        assertArrayEquals(JsonRenderer.render(r, false).getBytes(java.nio.charset.StandardCharsets.UTF_8), json);
        String text = utf8(json);
        assertTrue(text.contains("\"\u56fe\u7247/\uD842\uDFB7?.jpg\""), "the name as it is, the lone surrogate as ?");
        assertFalse(text.contains("\\uD842"), "no escaped surrogate pair");
    }

    @Test
    void renderersGiveWhatTheirStaticMethodsGive() {
        Renderer.Options en = new Renderer.Options(true, Grouping.DEPARTMENT);
        assertEquals(TextRenderer.render(multi, true, Grouping.DEPARTMENT), utf8(Renderers.TEXT.render(multi, en)));
        assertEquals(JsonRenderer.render(multi, true), utf8(Renderers.JSON.render(multi, en)));
        assertEquals(HtmlRenderer.render(multi, true, Grouping.DEPARTMENT), utf8(Renderers.HTML.render(multi, en)));
        assertEquals(MarkdownRenderer.render(multi, true, Grouping.DEPARTMENT), utf8(Renderers.MD.render(multi, en)));
        assertEquals(SarifRenderer.render(multi, true), utf8(Renderers.SARIF.render(multi, en)));
        assertEquals(JunitRenderer.render(multi, true), utf8(Renderers.JUNIT.render(multi, en)));
        assertArrayEquals(XlsxRenderer.render(multi, true, Grouping.DEPARTMENT), Renderers.XLSX.render(multi, en));
    }

    private static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
