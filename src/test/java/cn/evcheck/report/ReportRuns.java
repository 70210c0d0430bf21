package cn.evcheck.report;

import cn.evcheck.model.*;
import cn.evcheck.check.Checks;
import cn.evcheck.check.Engine;
import cn.evcheck.cli.Main;
import cn.evcheck.rules.BuiltinRules;
import cn.evcheck.rules.Model.RuleSet;
import cn.evcheck.rules.PackageConfig;
import cn.evcheck.testkit.Cli;
import cn.evcheck.testkit.Docs;
import cn.evcheck.testkit.Jpegs;
import cn.evcheck.testkit.Pkg;
import org.apache.poi.ss.usermodel.*;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.*;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Shared by the report tests: the demo package, a small multi-unit package built once per JVM,
 * running the CLI in-process into a fresh folder, and golden files.
 *
 * <p>Golden files live in {@code src/test/resources/golden/}. After an intended change of a
 * renderer, regenerate them and review the diff:
 * <pre>./mvnw -B -q test -Dtest='GoldenFilesTest,HtmlBrowserTest' -Devcheck.updateGolden=true</pre>
 * (HtmlBrowserTest then also redraws the README's screenshots {@code docs/report-desktop.png} and
 * {@code docs/report-phone.png} with the machine's fonts: install a Chinese font first, e.g. Debian's
 * {@code fonts-wqy-microhei}).
 */
final class ReportRuns {
    private ReportRuns() {}

    static final Path DEMO = Path.of("samples", "青口中心卫生院");
    static final Path GOLDEN = Path.of("src", "test", "resources", "golden");
    static final boolean UPDATE = Boolean.getBoolean("evcheck.updateGolden");
    static final LocalDate MULTI_AS_OF = LocalDate.of(2019, 4, 15);

    static final String MULTI_RULES = """
            evcheck: 1
            id: multi-test
            title: 多单位测试规则
            source: 测试〔2019〕1号
            period: {from: 2019-01-01, to: 2019-12-31}
            items:
              - id: A-1
                indicator: 义诊与健康讲座
                requirement: "每类每月至少提供1张图片（<义诊> & “讲座”，注明时间）"
                leader: 王某
                lead_department: 医政医管科
                responsible: [青口中心卫生院, 赣马镇卫生院]
                categories: [义诊, 健康讲座]
                note: "备注：须为活动现场照片（<原图> & “实拍”）"
                materials:
                  - {kind: photos, each: category, min: 1, per: month}
              - id: A-2
                indicator: 志愿服务说明
                requirement: 说明报告300字左右
                leader: 李某
                lead_department: 组织人事科
                responsible: [青口中心卫生院]
                materials:
                  - {kind: report, words: 300, note: 每个单位一份}
              - id: A-3
                indicator: 应急培训
                requirement: 每两月1张现场照片
                lead_department: [医政医管科, 组织人事科]
                responsible: [赣马镇卫生院, 宋庄镇卫生院]
                materials:
                  - {kind: photos, min: 1, per: two_months}
            """;

    private static Path multiRoot;

    /** {root}/rules.yaml and {root}/units/ (two units); built once, never changed. */
    static synchronized Path multiRoot() {
        if (multiRoot != null) return multiRoot;
        try {
            Path root = cn.evcheck.testkit.Scratch.dir("evcheck-multi-");
            Files.writeString(root.resolve("rules.yaml"), MULTI_RULES);
            Pkg p = new Pkg(root.resolve("units"));
            String a1 = "青口中心卫生院/A-1 义诊与健康讲座/图片/";
            p.file(a1 + "义诊/2019-01-10 义诊.jpg", Jpegs.image(640, 480, 11, 0.7f));
            p.file(a1 + "义诊/2019-02-12 义诊.jpg", Jpegs.image(640, 480, 12, 0.7f));
            p.file(a1 + "义诊/2019-03-05 义诊.jpg", Jpegs.image(640, 480, 13, 0.7f));
            p.file(a1 + "健康讲座/2019-01-20 讲座.jpg", Jpegs.image(640, 480, 14, 0.7f));
            p.file(a1 + "健康讲座/2019-03-21 讲座 <现场> & \"合影\".jpg", Jpegs.png(64, 48));
            p.file("青口中心卫生院/A-2 志愿服务说明/说明报告/志愿服务.docx", Docs.docx(Docs.prose(320)));
            p.text("青口中心卫生院/杂项/备忘.txt", "备忘");
            String b1 = "赣马镇卫生院/A-1/图片/";
            p.file(b1 + "义诊/2019-01-08 义诊.jpg", Jpegs.image(640, 480, 21, 0.7f));
            p.file(b1 + "义诊/2019-03-09 义诊.jpg", Jpegs.image(640, 480, 22, 0.7f));
            p.file("赣马镇卫生院/A-2/说明报告/志愿服务.docx", Docs.docx(Docs.prose(100)));
            p.file("赣马镇卫生院/A-3 应急培训/图片/2019-01-15 应急培训.jpg", Jpegs.image(640, 480, 23, 0.7f));
            multiRoot = root;
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path multi() {
        return multiRoot().resolve("units");
    }

    /** CLI arguments checking the multi-unit package. */
    static String[] multiArgs(String... more) {
        List<String> a = new ArrayList<>(List.of("check", multi().toString(), "--by-unit", "--rules",
                multiRoot().resolve("rules.yaml").toString(), "--as-of", MULTI_AS_OF.toString()));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    static String[] demoArgs(String... more) {
        List<String> a = new ArrayList<>(List.of("check", DEMO.toString()));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    /** Runs the CLI with {@code --output <fresh dir>} appended; the run must report findings (exit 1). */
    static Path run(String... args) {
        Path out = cn.evcheck.testkit.Scratch.dir("evcheck-report-");
        List<String> a = new ArrayList<>(List.of(args));
        a.add("--output");
        a.add(out.toString());
        Cli.Run r = Cli.run(a.toArray(String[]::new));
        assertEquals(1, r.code(), () -> "exit code of " + a + "\n" + r.err());
        return out;
    }

    /** The demo report as the CLI builds it. */
    static Report demoReport() throws Exception {
        PackageConfig cfg = PackageConfig.load(DEMO);
        RuleSet rs = BuiltinRules.resolve(cfg.rules(), DEMO);
        return new Report(Main.version(), rs, cfg.asOf(), DEMO.toString(),
                List.of(Engine.run(cfg.unit(), DEMO, rs, cfg.asOf(), 2, cn.evcheck.inspect.Progress.NONE)), Checks.codes());
    }

    /** The multi-unit report as the CLI builds it with --by-unit. */
    static Report multiReport() throws Exception {
        RuleSet rs = BuiltinRules.resolve(multiRoot().resolve("rules.yaml").toString(), null);
        List<Report.UnitResult> units = new ArrayList<>();
        for (String u : List.of("赣马镇卫生院", "青口中心卫生院")) {
            units.add(Engine.run(u, multi().resolve(u), rs, MULTI_AS_OF, 2, cn.evcheck.inspect.Progress.NONE));
        }
        units.sort(Comparator.comparing(Report.UnitResult::name));
        return new Report(Main.version(), rs, MULTI_AS_OF, multi().toString(), units, Checks.codes());
    }

    static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What may differ between machines and releases: the tool version, the multi-unit package's
     * temporary path, and embedded thumbnails (JPEG encoders differ between JDKs).
     */
    static String normalise(String s) {
        String v = Main.version();
        s = s.replaceAll("(?<![0-9.])" + Pattern.quote(v) + "(?![0-9.])", Matcher.quoteReplacement("${VERSION}"));
        if (multiRoot != null) s = s.replace(multiRoot.toString(), "$MULTI");
        return s.replaceAll("data:image/jpeg;base64,[A-Za-z0-9+/=]+", "data:image/jpeg;base64,THUMBNAIL");
    }

    static final String STYLE_PLACEHOLDER = "<style>/* see HtmlRenderer */</style>";
    static final String SCRIPT_PLACEHOLDER = "<script>/* see HtmlRenderer */</script>";

    /**
     * The page with the bodies of its one style sheet and one script replaced by placeholders: golden
     * files hold the report, not HtmlRenderer's CSS and JS (HtmlBrowserTest runs those in Chromium).
     */
    static String withoutStyleAndScript(String html) {
        assertEquals(1, count(html, "<style>"), "one <style> in the page");
        assertEquals(1, count(html, "<script>"), "one <script> in the page");
        return html.replaceFirst("(?s)<style>.*?</style>", Matcher.quoteReplacement(STYLE_PLACEHOLDER))
                .replaceFirst("(?s)<script>.*?</script>", Matcher.quoteReplacement(SCRIPT_PLACEHOLDER));
    }

    private static int count(String s, String needle) {
        int n = 0;
        for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) n++;
        return n;
    }

    /**
     * Compares with (or, with -Devcheck.updateGolden=true, rewrites) a golden file, both after
     * {@link #normalise} and, for HTML, {@link #withoutStyleAndScript}.
     */
    static void golden(String name, String actual) {
        Path g = GOLDEN.resolve(name);
        String norm = normalise(actual);
        if (name.endsWith(".html")) norm = withoutStyleAndScript(norm);
        try {
            if (UPDATE) {
                Files.createDirectories(g.getParent());
                Files.writeString(g, norm, StandardCharsets.UTF_8);
                return;
            }
            assertTrue(Files.exists(g), "missing golden file " + g + "; create it with -Devcheck.updateGolden=true");
            assertEquals(Files.readString(g, StandardCharsets.UTF_8), norm,
                    "output differs from " + g + "; if the change is intended, regenerate with -Devcheck.updateGolden=true and review the diff");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A workbook as text: per sheet its print setup, frozen pane, autofilter and merged cells, then
     * every non-blank cell with its value and style (bold, fill colour, wrap).
     */
    static String dumpXlsx(byte[] xlsx) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var core = wb.getProperties().getCoreProperties();
            sb.append("created: ").append(core.getCreated().toInstant()).append('\n');
            sb.append("creator: ").append(core.getCreator()).append('\n');
            for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                XSSFSheet sh = wb.getSheetAt(i);
                sb.append("\n== ").append(sh.getSheetName()).append('\n');
                var pane = sh.getPaneInformation();
                if (pane != null && pane.isFreezePane()) {
                    sb.append("freeze: rows ").append(pane.getHorizontalSplitPosition()).append(", columns ")
                            .append(pane.getVerticalSplitPosition()).append('\n');
                }
                if (sh.getCTWorksheet().isSetAutoFilter()) {
                    sb.append("autofilter: ").append(sh.getCTWorksheet().getAutoFilter().getRef()).append('\n');
                }
                PrintSetup ps = sh.getPrintSetup();
                if (sh.getFitToPage()) {
                    sb.append("print: ").append(ps.getLandscape() ? "landscape" : "portrait")
                            .append(ps.getPaperSize() == PrintSetup.A4_PAPERSIZE ? " A4" : " paper " + ps.getPaperSize())
                            .append(", fit ").append(ps.getFitWidth()).append(" wide × ").append(ps.getFitHeight()).append(" tall")
                            .append(sh.isPrintGridlines() ? ", grid lines" : "")
                            .append(sh.getRepeatingRows() == null ? "" : ", repeat rows " + sh.getRepeatingRows().formatAsString())
                            .append('\n');
                }
                if (sh.getNumMergedRegions() > 0) {
                    sb.append("merged:");
                    for (var m : sh.getMergedRegions()) sb.append(' ').append(m.formatAsString());
                    sb.append('\n');
                }
                for (Row row : sh) {
                    for (Cell c : row) {
                        String v = c.getCellType() == CellType.NUMERIC ? String.valueOf((long) c.getNumericCellValue())
                                : c.getStringCellValue();
                        if (v.isEmpty()) continue;
                        sb.append(new CellReference(c).formatAsString(false)).append(" = ").append(v.replace("\n", "\\n"));
                        XSSFCellStyle st = (XSSFCellStyle) c.getCellStyle();
                        List<String> attrs = new ArrayList<>();
                        if (st.getFont().getBold()) attrs.add("bold");
                        XSSFColor fc = st.getFont().getXSSFColor();
                        if (fc != null && fc.getRGB() != null && !HexFormat.of().formatHex(fc.getRGB()).equals("000000")) attrs.add("color " + HexFormat.of().formatHex(fc.getRGB()));
                        if (st.getFillPattern() == FillPatternType.SOLID_FOREGROUND && st.getFillForegroundXSSFColor() != null) {
                            attrs.add("fill " + HexFormat.of().formatHex(st.getFillForegroundXSSFColor().getRGB()));
                        }
                        if (st.getWrapText()) attrs.add("wrap");
                        if (!attrs.isEmpty()) sb.append("  {").append(String.join(", ", attrs)).append('}');
                        sb.append('\n');
                    }
                }
            }
        }
        return sb.toString();
    }
}
