package cn.evcheck.report;

import cn.evcheck.model.*;
import cn.evcheck.rules.Describe;
import cn.evcheck.model.Report.ItemResult;
import cn.evcheck.model.Report.Status;
import cn.evcheck.model.Report.UnitResult;
import cn.evcheck.report.Sections.Entry;
import cn.evcheck.report.Sections.Section;
import cn.evcheck.rules.Model.Item;
import org.apache.poi.ss.usermodel.*;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.util.*;

/**
 * The gap report as an Excel workbook (Apache POI): 缺口清单 (one row per finding, autofilter,
 * frozen header), 覆盖情况 (category × period matrix per photo requirement, have/need with
 * colour), 汇总 (per item status), in multi-unit mode 单位×条目 (status per unit and item), and
 * 报告信息 (provenance). With {@code --group-by department|unit} the first column of 缺口清单 and
 * 汇总 names the office, rows come office by office, and an item naming several offices is
 * listed under each. Deterministic: the created date is the as-of date and the zip entries carry
 * a fixed time, so the same report gives the same bytes. Streamed (POI SXSSF): only a window of
 * {@link #WINDOW} rows per sheet is held in memory, the rest goes to a compressed temporary file, so
 * 100,000 findings take no more heap than a hundred.
 */
public final class XlsxRenderer {
    private final Report r;
    private final boolean en;
    private final Grouping g;
    /** Rows per sheet kept in memory while writing. */
    static final int WINDOW = 200;
    private final SXSSFWorkbook wb = new SXSSFWorkbook(new XSSFWorkbook(), WINDOW, true, false);
    private final Map<String, XSSFCellStyle> styles = new HashMap<>();

    private XlsxRenderer(Report r, boolean en, Grouping g) {
        this.r = r;
        this.en = en;
        this.g = g;
    }

    public static byte[] render(Report r, boolean english, Grouping g) {
        return new XlsxRenderer(r, english, g == null ? Grouping.ITEM : g).doRender();
    }

    /** Sheet names, for readers of the workbook. */
    public static String gapsSheet(boolean en) {
        return en ? "Gaps" : "缺口清单";
    }

    public static String coverageSheet(boolean en) {
        return en ? "Coverage" : "覆盖情况";
    }

    public static String documentsSheet(boolean en) {
        return en ? "Documents" : "文件核验";
    }

    public static String summarySheet(boolean en) {
        return en ? "Summary" : "汇总";
    }

    public static String matrixSheet(boolean en) {
        return en ? "Units x items" : "单位×条目";
    }

    public static String aboutSheet(boolean en) {
        return en ? "About" : "报告信息";
    }

    private String t(String zh, String english) {
        return en ? english : zh;
    }

    private byte[] doRender() {
        try {
            gaps();
            coverage();
            documents();
            summary();
            if (Sections.multiUnit(r)) matrix();
            about();
            var core = wb.getXSSFWorkbook().getProperties().getCoreProperties();
            Date created = Date.from(r.asOf().atStartOfDay().toInstant(ZoneOffset.UTC));
            core.setCreated(Optional.of(created));
            core.setModified(Optional.of(created));
            core.setCreator("evcheck " + r.toolVersion());
            core.setTitle(t("网上申报材料缺口报告", "Gap report"));
            core.setSubjectProperty(r.rules().id());
            ByteArrayOutputStream bos = new ByteArrayOutputStream();
            wb.write(bos);
            return FixedTimeZip.rewrite(bos.toByteArray(), r.asOf().atStartOfDay());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            wb.dispose();
            try {
                wb.close();
            } catch (IOException ignored) {
                // the temporary files are already gone
            }
        }
    }

    // ---- sheets ------------------------------------------------------------------------------

    private boolean grouped() {
        return g != Grouping.ITEM;
    }

    /** The columns of 缺口清单, in order (public for tests that read the sheet). */
    public static List<String> gapColumns(boolean en, boolean multiUnit, Grouping g) {
        List<String> h = new ArrayList<>();
        if (g == Grouping.DEPARTMENT) h.add(en ? "Lead office (group)" : "牵头科室（分组）");
        if (g == Grouping.UNIT) h.add(en ? "Responsible unit (group)" : "责任单位（分组）");
        if (multiUnit) h.add(en ? "Unit" : "单位");
        h.addAll(en ? List.of("Item", "Indicator", "Requirement", "Note", "Gap", "File", "Period", "Severity", "Lead office",
                "Responsible units", "Leader", "Code", "Assignee", "Due", "Status")
                : List.of("条目", "指标", "要求", "备注", "缺口", "文件", "期间", "严重程度", "牵头科室", "责任单位", "分管领导", "代码",
                "处理人", "期限", "状态"));
        return h;
    }

    private void gaps() {
        Sheet sh = wb.createSheet(gapsSheet(en));
        List<String> head = gapColumns(en, Sections.multiUnit(r), g);
        header(sh, head);
        int[] widths = new int[head.size()];
        int c0 = 0;
        if (grouped()) widths[c0++] = 22;
        if (Sections.multiUnit(r)) widths[c0++] = 18;
        int[] rest = {13, 28, 60, 36, 60, 48, 18, 9, 20, 30, 10, 26, 10, 11, 9};   // the last three for the office to fill
        System.arraycopy(rest, 0, widths, c0, rest.length);
        for (int i = 0; i < widths.length; i++) sh.setColumnWidth(i, widths[i] * 256);
        int row = 1;
        if (!grouped()) {
            for (UnitResult u : r.units()) {
                for (Finding f : u.findings()) row = gapRow(sh, row, null, u, f);
            }
        } else {
            for (Section s : Sections.of(r, g, en)) {
                for (Entry e : s.entries()) {
                    for (Finding f : e.result().findings()) row = gapRow(sh, row, s.key().isEmpty() ? s.title() : s.key(), e.unit(), f);
                }
            }
            for (UnitResult u : r.units()) {
                for (Finding f : Sections.loose(u)) row = gapRow(sh, row, t("未归入任何条目", "outside any item"), u, f);
            }
        }
        sh.setAutoFilter(new CellRangeAddress(0, Math.max(0, row - 1), 0, head.size() - 1));
        sh.createFreezePane(0, 1);
        printable(sh);
    }

    /** Printed as a work list: landscape A4, all columns on the page's width, the heading row on every page. */
    static void printable(Sheet sh) {
        PrintSetup ps = sh.getPrintSetup();
        ps.setLandscape(true);
        ps.setPaperSize(PrintSetup.A4_PAPERSIZE);
        sh.setFitToPage(true);
        ps.setFitWidth((short) 1);
        ps.setFitHeight((short) 0);
        sh.setRepeatingRows(CellRangeAddress.valueOf("1:1"));
    }

    private int gapRow(Sheet sh, int rowNo, String group, UnitResult u, Finding f) {
        Row row = sh.createRow(rowNo);
        int c = 0;
        if (group != null) text(row, c++, group, "wrap");
        if (Sections.multiUnit(r)) text(row, c++, Sections.unitLabel(r, u), null);
        Item it = f.item() == null ? null : r.rules().item(f.item());
        text(row, c++, f.item() == null ? "" : f.item(), null);
        text(row, c++, it == null ? "" : it.indicator(), "wrap");
        text(row, c++, it == null ? "" : Sections.requirement(it, en), "wrap");
        text(row, c++, it == null ? "" : Describe.note(it, en), "wrap");
        text(row, c++, f.message(en), "wrap");
        text(row, c++, f.file() == null ? "" : f.file(), "wrap");
        text(row, c++, f.period() == null ? "" : f.period(), null);
        text(row, c++, f.severity().label(en), "sev-" + f.severity().key());
        text(row, c++, it == null ? "" : Sections.join(it.leadDepartments(), en), "wrap");
        text(row, c++, it == null ? "" : Sections.join(it.responsible(), en), "wrap");
        text(row, c++, it == null ? "" : Sections.join(it.leaders(), en), null);
        text(row, c, f.code(), null);
        return rowNo + 1;
    }

    /** One row per formal document, evaluation and scanned data table: its verdict. Only when there are any. */
    private void documents() {
        if (r.units().stream().allMatch(u -> u.documents().isEmpty())) return;
        Sheet sh = wb.createSheet(documentsSheet(en));
        List<String> head = new ArrayList<>();
        if (Sections.multiUnit(r)) head.add(en ? "Unit" : "单位");
        head.addAll(en ? List.of("Item", "Material") : List.of("条目", "材料"));
        head.addAll(DocumentVerdicts.headers(en));
        head.add(en ? "Files" : "全部文件");
        header(sh, head);
        int[] widths = {13, 12, 36, 7, 30, 26, 30, 30, 60};
        int c0 = Sections.multiUnit(r) ? 1 : 0;
        if (c0 == 1) sh.setColumnWidth(0, 18 * 256);
        for (int i = 0; i < widths.length; i++) sh.setColumnWidth(c0 + i, widths[i] * 256);
        int rowNo = 1;
        for (UnitResult u : r.units()) {
            for (DocumentRecord d : u.documents()) {
                DocumentVerdicts.Row v = DocumentVerdicts.row(d, en);
                Row row = sh.createRow(rowNo++);
                int c = 0;
                if (c0 == 1) text(row, c++, Sections.unitLabel(r, u), null);
                text(row, c++, d.item(), null);
                cn.evcheck.rules.Model.Kind kind = java.util.Arrays.stream(cn.evcheck.rules.Model.Kind.values())
                        .filter(k -> k.key.equals(d.kind())).findFirst().orElse(null);
                text(row, c++, kind == null ? d.kind() : kind.label(en), null);
                text(row, c++, v.file(), "wrap");
                text(row, c++, v.pages(), null);
                text(row, c++, v.redHeader(), "wrap");
                text(row, c++, v.number(), "wrap");
                text(row, c++, v.seal(), "wrap");
                text(row, c++, v.verdict(), v.proven() ? null : "sev-error");
                text(row, c, String.join("\n", d.files()), "wrap");
            }
        }
        sh.setAutoFilter(new CellRangeAddress(0, Math.max(0, rowNo - 1), 0, head.size() - 1));
        sh.createFreezePane(0, 1);
    }

    /** Per photo requirement a block: a title row, a header of periods, one row per category. */
    private void coverage() {
        Sheet sh = wb.createSheet(coverageSheet(en));
        sh.setColumnWidth(0, 22 * 256);
        int row = 0;
        int maxCols = 1;
        for (UnitResult u : r.units()) {
            for (ItemResult ir : u.items()) {
                for (CoverageGrid grid : ir.coverage()) {
                    Row title = sh.createRow(row++);
                    String unit = Sections.multiUnit(r) ? Sections.unitLabel(r, u) + " · " : "";
                    text(title, 0, unit + Sections.title(ir.item()) + " — " + Describe.material(grid.material(), ir.item(), en), "bold");
                    Row head = sh.createRow(row++);
                    text(head, 0, t("类别", "Category"), "head");
                    for (int i = 0; i < grid.periods().size(); i++) text(head, i + 1, grid.periods().get(i), "head");
                    maxCols = Math.max(maxCols, grid.periods().size() + 1);
                    for (CoverageGrid.Row cr : grid.rows()) {
                        Row line = sh.createRow(row++);
                        text(line, 0, cr.category().isEmpty() ? t("（全部）", "(all)") : cr.category(), null);
                        for (int i = 0; i < cr.cells().size(); i++) {
                            CoverageGrid.Cell cell = cr.cells().get(i);
                            text(line, i + 1, Coverage.shown(cell), "cov-" + Coverage.cls(cell));
                        }
                    }
                    row++;
                }
            }
        }
        if (row == 0) text(sh.createRow(0), 0, t("本规则集没有按期间计数的图片要求。", "No photo requirement is counted by period."), null);
        for (int i = 1; i < maxCols; i++) sh.setColumnWidth(i, 15 * 256);
        Row legend = sh.createRow(row);
        text(legend, 0, t("图例", "Legend"), "bold");
        text(legend, 1, t("已满足", "met"), "cov-met");
        text(legend, 2, t("部分不足", "partly short"), "cov-partial");
        text(legend, 3, t("缺失", "none"), "cov-gap");
        text(legend, 4, t("尚未结束", "running"), "cov-pending");
    }

    /** The columns of 汇总, in order. */
    public static List<String> summaryColumns(boolean en, boolean multiUnit, Grouping g) {
        List<String> h = new ArrayList<>();
        if (g == Grouping.DEPARTMENT) h.add(en ? "Lead office (group)" : "牵头科室（分组）");
        if (g == Grouping.UNIT) h.add(en ? "Responsible unit (group)" : "责任单位（分组）");
        if (multiUnit) h.add(en ? "Unit" : "单位");
        h.addAll(en ? List.of("Item", "Indicator", "Status", "Errors", "Warnings", "Notes", "Found", "Lead office",
                "Responsible units", "Leader")
                : List.of("条目", "指标", "状态", "错误", "警告", "提示", "已有材料", "牵头科室", "责任单位", "分管领导"));
        return h;
    }

    private void summary() {
        Sheet sh = wb.createSheet(summarySheet(en));
        List<String> head = summaryColumns(en, Sections.multiUnit(r), g);
        header(sh, head);
        int c0 = (grouped() ? 1 : 0) + (Sections.multiUnit(r) ? 1 : 0);
        int[] rest = {13, 40, 9, 7, 7, 7, 30, 20, 30, 10};
        for (int i = 0; i < c0; i++) sh.setColumnWidth(i, 20 * 256);
        for (int i = 0; i < rest.length; i++) sh.setColumnWidth(c0 + i, rest[i] * 256);
        int row = 1;
        for (Section s : Sections.of(r, g, en)) {
            for (Entry e : s.entries()) {
                Row line = sh.createRow(row++);
                int c = 0;
                if (grouped()) text(line, c++, s.key().isEmpty() ? s.title() : s.key(), null);
                if (Sections.multiUnit(r)) text(line, c++, Sections.unitLabel(r, e.unit()), null);
                ItemResult ir = e.result();
                Item it = ir.item();
                text(line, c++, it.id(), null);
                text(line, c++, it.indicator(), "wrap");
                text(line, c++, Sections.status(ir.status(), en), "st-" + Sections.key(ir.status()));
                number(line, c++, Sections.count(ir, Severity.ERROR));
                number(line, c++, Sections.count(ir, Severity.WARNING));
                number(line, c++, Sections.count(ir, Severity.INFO));
                text(line, c++, ir.status() == Report.Status.MISSING ? t("无", "nothing") : Sections.found(ir, en), "wrap");
                text(line, c++, Sections.join(it.leadDepartments(), en), "wrap");
                text(line, c++, Sections.join(it.responsible(), en), "wrap");
                text(line, c, Sections.join(it.leaders(), en), null);
            }
        }
        sh.setAutoFilter(new CellRangeAddress(0, Math.max(0, row - 1), 0, head.size() - 1));
        sh.createFreezePane(0, 1);
    }

    private void matrix() {
        Sheet sh = wb.createSheet(matrixSheet(en));
        Row head = sh.createRow(0);
        text(head, 0, t("条目", "Item"), "head");
        text(head, 1, t("指标", "Indicator"), "head");
        sh.setColumnWidth(0, 13 * 256);
        sh.setColumnWidth(1, 36 * 256);
        for (int i = 0; i < r.units().size(); i++) {
            text(head, i + 2, Sections.unitLabel(r, r.units().get(i)), "head");
            sh.setColumnWidth(i + 2, 16 * 256);
        }
        int row = 1;
        for (Item it : r.rules().items()) {
            Row line = sh.createRow(row++);
            text(line, 0, it.id(), null);
            text(line, 1, it.indicator(), null);
            for (int i = 0; i < r.units().size(); i++) {
                ItemResult ir = r.units().get(i).items().stream().filter(x -> x.item().id().equals(it.id())).findFirst().orElse(null);
                if (ir != null) text(line, i + 2, Sections.status(ir.status(), en) + counts(ir), "st-" + Sections.key(ir.status()));
                else if (r.units().get(i).notApplicable().contains(it.id())) text(line, i + 2, t("不适用", "n/a"), null);
            }
        }
        sh.createFreezePane(2, 1);
        units();
    }

    /** The errors and warnings of one unit's item, after its status: " ✗2 !1", or nothing. */
    static String counts(ItemResult ir) {
        long e = Sections.count(ir, Severity.ERROR);
        long w = Sections.count(ir, Severity.WARNING);
        return (e > 0 ? " ✗" + e : "") + (w > 0 ? " !" + w : "");
    }

    /** One row per unit with its counts, numbers an autofilter sorts (several units). */
    private void units() {
        Sheet sh = wb.createSheet(en ? "Units" : "各单位");
        Row head = sh.createRow(0);
        String[] cols = en ? new String[]{"Unit", "Complete", "Incomplete", "Missing", "Errors", "Warnings", "Files"}
                : new String[]{"单位", "完成", "未完成", "缺失", "错误", "警告", "文件数"};
        for (int c = 0; c < cols.length; c++) {
            text(head, c, cols[c], "head");
            sh.setColumnWidth(c, (c == 0 ? 24 : 10) * 256);
        }
        int row = 1;
        for (UnitResult u : r.units()) {
            Row line = sh.createRow(row++);
            text(line, 0, Sections.unitLabel(r, u), null);
            number(line, 1, u.count(Status.COMPLETE));
            number(line, 2, u.count(Status.INCOMPLETE));
            number(line, 3, u.count(Status.MISSING));
            number(line, 4, u.count(Severity.ERROR));
            number(line, 5, u.count(Severity.WARNING));
            number(line, 6, u.filesInspected());
        }
        sh.setAutoFilter(new CellRangeAddress(0, Math.max(0, row - 1), 0, cols.length - 1));
        sh.createFreezePane(1, 1);
    }

    private void about() {
        Sheet sh = wb.createSheet(aboutSheet(en));
        sh.setColumnWidth(0, 14 * 256);
        sh.setColumnWidth(1, 90 * 256);
        String[][] kv = {
                {t("工具", "Tool"), "evcheck " + r.toolVersion()},
                {t("规则集", "Rules"), r.rules().title() + " (" + r.rules().id() + ")"},
                {"sha256", r.rules().sha256()},
                {t("依据", "Source"), r.rules().source()},
                {t("材料包", "Package"), r.packagePath()},
                {t("截至", "As of"), r.asOf().toString()},
                {t("分组", "Grouping"), g.key()},
                {t("汇总", "Summary"), Sections.summary(r, en)},
        };
        for (int i = 0; i < kv.length; i++) {
            Row line = sh.createRow(i);
            text(line, 0, kv[i][0], "bold");
            text(line, 1, kv[i][1], null);
        }
    }

    // ---- cells and styles --------------------------------------------------------------------

    private void header(Sheet sh, List<String> head) {
        Row row = sh.createRow(0);
        for (int i = 0; i < head.size(); i++) text(row, i, head.get(i), "head");
    }

    private void text(Row row, int col, String v, String style) {
        Cell c = row.createCell(col, CellType.STRING);
        c.setCellValue(v == null ? "" : v);
        if (style != null) c.setCellStyle(style(style));
    }

    private void number(Row row, int col, long v) {
        Cell c = row.createCell(col, CellType.NUMERIC);
        c.setCellValue(v);
    }

    private XSSFCellStyle style(String name) {
        return styles.computeIfAbsent(name, n -> {
            XSSFCellStyle s = (XSSFCellStyle) wb.createCellStyle();
            s.setVerticalAlignment(VerticalAlignment.TOP);
            switch (n) {
                case "head" -> {
                    s.setFont(font(true, null));
                    fill(s, 0xDD, 0xE4, 0xEE);
                    s.setWrapText(true);
                }
                case "bold" -> s.setFont(font(true, null));
                case "wrap" -> s.setWrapText(true);
                case "sev-error" -> s.setFont(font(true, new byte[]{(byte) 0xC6, 0x28, 0x28}));
                case "sev-warning" -> s.setFont(font(true, new byte[]{(byte) 0xB2, 0x6A, 0x00}));
                case "sev-info" -> s.setFont(font(false, new byte[]{0x45, 0x5A, 0x64}));
                case "st-complete", "cov-met" -> fill(s, 0xC8, 0xE9, 0xCF);
                case "st-incomplete", "cov-partial" -> fill(s, 0xFD, 0xD8, 0xA8);
                case "st-missing", "cov-gap" -> fill(s, 0xF2, 0xA7, 0xA1);
                case "cov-pending" -> fill(s, 0xFF, 0xEB, 0xA6);
                default -> { }
            }
            if (n.startsWith("cov-")) s.setAlignment(HorizontalAlignment.CENTER);
            return s;
        });
    }

    private XSSFFont font(boolean bold, byte[] rgb) {
        XSSFFont f = (XSSFFont) wb.createFont();
        f.setBold(bold);
        if (rgb != null) f.setColor(new XSSFColor(rgb, null));
        return f;
    }

    private static void fill(XSSFCellStyle s, int r, int g, int b) {
        s.setFillForegroundColor(new XSSFColor(new byte[]{(byte) r, (byte) g, (byte) b}, null));
        s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    }
}
