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
 * The gap report as an Excel workbook (Apache POI): 缺口清单 (a work list: per item a heading row
 * with its requirement, then one row per finding — severity, file, problem, how to fix, 牵头科室,
 * context, and empty 处理人 / 期限 / 状态 — autofilter, frozen header, printed landscape on the
 * page's width), 覆盖情况 (per photo requirement a calendar, categories and years by periods,
 * have/need with colour), 汇总 (per item status), in multi-unit mode 单位×条目 (status per unit
 * and item), and 报告信息 (provenance). With {@code --group-by department|unit} the first
 * column of 缺口清单 and 汇总 names the office, rows come office by office, and an item naming
 * several offices is listed under each. Deterministic: the created date is the as-of date and the zip entries carry
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

    /**
     * The columns of 缺口清单, in order (public for tests that read the sheet): the group and the
     * unit when there are any, then what the office works from — severity, file, problem, how to
     * fix it, 牵头科室 — then the context an autofilter picks by (item, period, responsible units,
     * leader, code), and last the three empty columns the office fills in.
     */
    public static List<String> gapColumns(boolean en, boolean multiUnit, Grouping g) {
        List<String> h = new ArrayList<>();
        if (g == Grouping.DEPARTMENT) h.add(en ? "Lead office (group)" : "牵头科室（分组）");
        if (g == Grouping.UNIT) h.add(en ? "Responsible unit (group)" : "责任单位（分组）");
        if (multiUnit) h.add(en ? "Unit" : "单位");
        h.addAll(en ? List.of("Severity", "File", "Problem", "How to fix", "Lead office", "Item", "Period", "Responsible units",
                "Leader", "Code", "Assignee", "Due", "Status")
                : List.of("严重程度", "文件", "问题", "处理方法", "牵头科室", "条目", "期间", "责任单位", "分管领导", "代码",
                "处理人", "期限", "状态"));
        return h;
    }

    /**
     * What the severity column of an item's heading row in 缺口清单 says, so that filtering by
     * severity offers one value for all heading rows (public for tests that read the sheet).
     */
    public static String itemLabel(boolean en) {
        return en ? "Item" : "条目";
    }

    /**
     * Widths in characters of the columns of 缺口清单 after the group and unit: on landscape A4 about
     * 73 % of the size on screen. The problem column takes a coverage gap's message on one line
     * and the fix column a short fix, so the commonest rows are one line high.
     */
    private static final int[] GAP_WIDTHS = {9, 22, 46, 28, 12, 11, 12, 11, 8, 16, 8, 9, 7};
    /** Those columns, counted from the first after the group and unit. */
    private static final int SEV = 0, FILE = 1, PROBLEM = 2, FIX = 3, LEAD = 4, ITEM = 5, PERIOD = 6, RESP = 7, LEADER = 8, CODE = 9;
    /** Width of the group and unit columns. */
    private static final int GROUP_WIDTH = 16;

    /**
     * 缺口清单 as a work list. The findings come item by item; each item opens with one heading
     * row — its indicator, status, requirement, note, leader and responsible units, once, in a
     * band merged across the file, problem and fix columns — and its findings follow, one row
     * each, without the requirement. So the autofilter still hands out lists: every row, heading
     * or finding, carries the group, unit, 牵头科室, item and responsible units in their columns
     * (filtering by office or item keeps an item's heading with its findings); a heading row's
     * severity column says {@link #itemLabel} (filtering by severity drops the headings or keeps
     * them by that one value). Sorting is not offered: the merged bands would stop Excel's sort,
     * and a sort would tear findings from their item anyway. Rows are as tall as their wrapped
     * text (estimated: Excel does not grow a row for a merged cell); 责任单位 is not wrapped on
     * the rows — it is in full in the heading band — so a long list of units does not make every
     * row many lines tall.
     */
    private void gaps() {
        Sheet sh = wb.createSheet(gapsSheet(en));
        List<String> head = gapColumns(en, Sections.multiUnit(r), g);
        int c0 = head.size() - GAP_WIDTHS.length;
        int[] widths = new int[head.size()];
        Arrays.fill(widths, 0, c0, GROUP_WIDTH);
        System.arraycopy(GAP_WIDTHS, 0, widths, c0, GAP_WIDTHS.length);
        for (int i = 0; i < widths.length; i++) sh.setColumnWidth(i, widths[i] * 256);
        Row top = header(sh, head);
        int hl = 1;
        for (int i = 0; i < head.size(); i++) hl = Math.max(hl, lines(head.get(i), widths[i]));
        top.setHeightInPoints(height(hl));
        int row = 1;
        if (!grouped()) {
            for (UnitResult u : r.units()) {
                // Items in rule-set order, each with every finding of the unit that names it (also an item its
                // results do not list), then the files outside any item.
                Map<String, List<Finding>> byItem = new LinkedHashMap<>();
                Map<String, ItemResult> results = new HashMap<>();
                for (ItemResult ir : u.items()) {
                    byItem.put(ir.item().id(), new ArrayList<>());
                    results.put(ir.item().id(), ir);
                }
                for (Finding f : u.findings()) {
                    if (f.item() != null) byItem.computeIfAbsent(f.item(), k -> new ArrayList<>()).add(f);
                }
                for (Map.Entry<String, List<Finding>> e : byItem.entrySet()) {
                    row = itemBlock(sh, row, widths, null, u, e.getKey(), results.get(e.getKey()), e.getValue());
                }
                row = itemBlock(sh, row, widths, null, u, null, null, Sections.loose(u));
            }
        } else {
            for (Section s : Sections.of(r, g, en)) {
                String group = s.key().isEmpty() ? s.title() : s.key();
                for (Entry e : s.entries()) row = itemBlock(sh, row, widths, group, e.unit(), e.item().id(), e.result(), e.result().findings());
            }
            for (UnitResult u : r.units()) row = itemBlock(sh, row, widths, t("未归入任何条目", "outside any item"), u, null, null, Sections.loose(u));
        }
        sh.setAutoFilter(new CellRangeAddress(0, Math.max(0, row - 1), 0, head.size() - 1));
        sh.createFreezePane(0, 1);
        printable(sh, true);
    }

    /** An item's heading row and its findings' rows (nothing when it has no finding); {@code id} null: the files outside any item. */
    private int itemBlock(Sheet sh, int rowNo, int[] widths, String group, UnitResult u, String id, ItemResult ir, List<Finding> fs) {
        if (fs.isEmpty()) return rowNo;
        Item it = ir != null ? ir.item() : id == null ? null : r.rules().item(id);
        int c0 = widths.length - GAP_WIDTHS.length;
        String[] v = new String[widths.length];
        Arrays.fill(v, "");
        if (group != null) v[0] = group;
        if (Sections.multiUnit(r)) v[c0 - 1] = Sections.unitLabel(r, u);
        v[c0 + SEV] = itemLabel(en);
        v[c0 + FILE] = band(id, it, ir);
        if (it != null) {
            v[c0 + LEAD] = Sections.join(it.leadDepartments(), en);
            v[c0 + RESP] = Sections.join(it.responsible(), en);
            v[c0 + LEADER] = Sections.join(it.leaders(), en);
        }
        if (id != null) v[c0 + ITEM] = id;
        Row row = sh.createRow(rowNo);
        int lines = 1;
        for (int i = 0; i < v.length; i++) {
            int col = i - c0;
            String style = col == SEV ? "item-label" : col == RESP ? "item-clip" : "item";
            text(row, i, v[i], style);
            if (col == PROBLEM || col == FIX || col == RESP || col == ITEM) continue;
            lines = Math.max(lines, lines(v[i], col == FILE ? widths[i] + widths[i + 1] + widths[i + 2] : widths[i]));
        }
        row.setHeightInPoints(height(lines));
        sh.addMergedRegionUnsafe(new CellRangeAddress(rowNo, rowNo, c0 + FILE, c0 + FIX));
        rowNo++;
        for (Finding f : fs) {
            Arrays.fill(v, "");
            if (group != null) v[0] = group;
            if (Sections.multiUnit(r)) v[c0 - 1] = Sections.unitLabel(r, u);
            v[c0 + SEV] = f.severity().label(en);
            v[c0 + FILE] = f.file() == null ? "" : f.file();
            v[c0 + PROBLEM] = f.message(en);
            v[c0 + FIX] = fix(f);
            if (it != null) {
                v[c0 + LEAD] = Sections.join(it.leadDepartments(), en);
                v[c0 + RESP] = Sections.join(it.responsible(), en);
                v[c0 + LEADER] = Sections.join(it.leaders(), en);
            }
            v[c0 + ITEM] = f.item() == null ? "" : f.item();
            v[c0 + PERIOD] = f.period() == null ? "" : f.period();
            v[c0 + CODE] = f.code();
            row = sh.createRow(rowNo++);
            lines = 1;
            for (int i = 0; i < c0 + CODE + 1; i++) {
                int col = i - c0;
                String style = col == SEV ? "sev-" + f.severity().key() : col == ITEM || col == RESP ? null : "wrap";
                text(row, i, v[i], style);
                if (style != null && style.equals("wrap")) lines = Math.max(lines, lines(v[i], widths[i]));
            }
            row.setHeightInPoints(height(lines));
        }
        return rowNo;
    }

    /** The heading band of an item in 缺口清单: title and status, requirement, note, leader and responsible units. */
    private String band(String id, Item it, ItemResult ir) {
        if (id == null) return t("未归入任何条目的文件", "Files outside any item");
        if (it == null) return id;
        StringBuilder sb = new StringBuilder(Sections.title(it));
        if (ir != null) sb.append(" — ").append(Sections.status(ir.status(), en));
        sb.append('\n').append(t("要求：", "Requirement: ")).append(Sections.requirement(it, en));
        String note = Describe.note(it, en);
        if (!note.isEmpty()) sb.append('\n').append(t("备注：", "Note: ")).append(note);
        List<String> who = new ArrayList<>();
        if (!it.leaders().isEmpty()) who.add(t("分管领导：", "Leader: ") + Sections.join(it.leaders(), en));
        if (!it.responsible().isEmpty()) who.add(t("责任单位：", "Responsible units: ") + Sections.join(it.responsible(), en));
        if (!who.isEmpty()) sb.append('\n').append(String.join(t("；", "; "), who));
        return sb.toString();
    }

    /** How to fix a finding: its code's fix, as {@code evcheck explain <code>} and the SARIF rules give it; "" for an unknown code. */
    private String fix(Finding f) {
        Code c = r.code(f.code());
        return c == null ? "" : c.fix(en);
    }

    /** Makes a row (without merged cells) as tall as the text of its wrapped cells needs. */
    private static void fit(Sheet sh, Row row) {
        int lines = 1;
        for (Cell c : row) {
            if (c.getCellType() == CellType.STRING && c.getCellStyle().getWrapText()) {
                lines = Math.max(lines, lines(c.getStringCellValue(), sh.getColumnWidth(c.getColumnIndex()) / 256));
            }
        }
        row.setHeightInPoints(height(lines));
    }

    /** Points per line of wrapped 11-point text, Chinese or Latin. */
    static final float LINE_POINTS = 15f;

    /** The height of a row of so many lines of text. */
    static float height(int lines) {
        return lines * LINE_POINTS + 3;
    }

    /**
     * Lines a wrapped cell of {@code width} characters needs for the text. A column's width is
     * counted in digits of the workbook's font (Calibri 11: 7 pixels, plus 5 of padding); a
     * Chinese (or any non-ASCII) character at 11 points is about 15 pixels, two digits and a bit,
     * a Latin one about one digit, a space half of one. Rounded up, line by line: an estimate,
     * generous rather than short, since a row too low would hide text. Excel does not size a row
     * to a merged cell, and neither Excel nor LibreOffice reliably sizes rows on opening a file
     * (an unsized wrapped row ran over the rows below it), so every row gets its height here.
     */
    static int lines(String text, int width) {
        if (text == null || text.isEmpty()) return 1;
        double room = Math.max(1, width - 0.5);
        int n = 0;
        for (String line : text.split("\n", -1)) {
            double w = 0;
            for (int i = 0; i < line.length(); ) {
                int c = line.codePointAt(i);
                i += Character.charCount(c);
                w += c == ' ' ? 0.5 : c < 0x80 ? 1 : 2.1;
            }
            n += Math.max(1, (int) Math.ceil(w / room));
        }
        return n;
    }

    /**
     * Printed as a work list: landscape A4, narrow side margins, all columns on the page's width
     * (as many pages down as needed), grid lines printed, and — for a list — its heading row on
     * every page.
     */
    static void printable(Sheet sh, boolean repeatHeading) {
        PrintSetup ps = sh.getPrintSetup();
        ps.setLandscape(true);
        ps.setPaperSize(PrintSetup.A4_PAPERSIZE);
        sh.setFitToPage(true);
        ps.setFitWidth((short) 1);
        ps.setFitHeight((short) 0);
        sh.setPrintGridlines(true);
        sh.setMargin(PageMargin.LEFT, 0.4);
        sh.setMargin(PageMargin.RIGHT, 0.4);
        sh.setMargin(PageMargin.TOP, 0.5);
        sh.setMargin(PageMargin.BOTTOM, 0.5);
        if (repeatHeading) sh.setRepeatingRows(CellRangeAddress.valueOf("1:1"));
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
        Row top = header(sh, head);
        int[] widths = {13, 12, 36, 7, 30, 26, 30, 30, 60};
        int c0 = Sections.multiUnit(r) ? 1 : 0;
        if (c0 == 1) sh.setColumnWidth(0, 18 * 256);
        for (int i = 0; i < widths.length; i++) sh.setColumnWidth(c0 + i, widths[i] * 256);
        fit(sh, top);
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
                fit(sh, row);
            }
        }
        sh.setAutoFilter(new CellRangeAddress(0, Math.max(0, rowNo - 1), 0, head.size() - 1));
        sh.createFreezePane(0, 1);
        printable(sh, true);
    }

    /** Widths of the columns of 覆盖情况: category, year, then each period column. */
    private static final int COV_CATEGORY = 20, COV_YEAR = 7, COV_PERIOD = 9;

    /**
     * 覆盖情况: the legend first, then per photo requirement a block laid out as the HTML calendar
     * is ({@link Coverage#layout}): a title row merged across the sheet's width, wrapped and as
     * tall as its text (it used to run over the row below); a header row — 类别, 年, then months,
     * two-month blocks or festivals, at most twelve short labels, so a three-year requirement does
     * not need 36 columns; then per category one row per year. Printed landscape on the page's width.
     */
    private void coverage() {
        Sheet sh = wb.createSheet(coverageSheet(en));
        int periods = 0;
        boolean any = false;
        for (UnitResult u : r.units()) {
            for (ItemResult ir : u.items()) {
                for (CoverageGrid grid : ir.coverage()) {
                    periods = Math.max(periods, Coverage.layout(grid, en).columns().size());
                    any = true;
                }
            }
        }
        int last = Math.max(2 + periods, 9) - 1;
        int[] widths = new int[last + 1];
        Arrays.fill(widths, COV_PERIOD);
        widths[0] = COV_CATEGORY;
        widths[1] = COV_YEAR;
        for (int i = 0; i < widths.length; i++) sh.setColumnWidth(i, widths[i] * 256);
        int across = Arrays.stream(widths).sum();
        printable(sh, false);
        if (!any) {
            text(sh.createRow(0), 0, t("本规则集没有按期间计数的图片要求。", "No photo requirement is counted by period."), null);
            return;
        }
        int row = legend(sh, last, across - COV_CATEGORY);
        row++;
        for (UnitResult u : r.units()) {
            for (ItemResult ir : u.items()) {
                for (CoverageGrid grid : ir.coverage()) {
                    Coverage.Layout lay = Coverage.layout(grid, en);
                    String unit = Sections.multiUnit(r) ? Sections.unitLabel(r, u) + " · " : "";
                    String title = unit + Sections.title(ir.item()) + " — " + Describe.material(grid.material(), ir.item(), en);
                    merged(sh, row++, 0, last, title, "title", across);
                    Row head = sh.createRow(row++);
                    text(head, 0, t("类别", "Category"), "head");
                    text(head, 1, t("年", "Year"), "head");
                    int hl = 1;
                    for (int i = 0; i < lay.labels().size(); i++) {
                        text(head, i + 2, lay.labels().get(i), "head");
                        hl = Math.max(hl, lines(lay.labels().get(i), COV_PERIOD));
                    }
                    head.setHeightInPoints(height(hl));
                    for (CoverageGrid.Row cr : grid.rows()) {
                        Map<String, CoverageGrid.Cell> at = Coverage.cells(grid, cr);
                        String category = cr.category().isEmpty() ? t("（全部）", "(all)") : cr.category();
                        for (String rk : lay.rows()) {
                            Row line = sh.createRow(row++);
                            text(line, 0, category, "wrap");
                            text(line, 1, rk, null);
                            for (int i = 0; i < lay.columns().size(); i++) {
                                CoverageGrid.Cell cell = at.get(rk + "\u0000" + lay.columns().get(i));
                                if (cell != null) text(line, i + 2, Coverage.shown(cell), "cov-" + Coverage.cls(cell));
                            }
                            line.setHeightInPoints(height(lines(category, COV_CATEGORY)));
                        }
                    }
                    row++;
                }
            }
        }
    }

    /** The legend of 覆盖情况 from its first row: what a cell says, and each colour; returns the next free row. */
    private int legend(Sheet sh, int last, int explained) {
        merged(sh, 0, 0, last, t("图例：格中为“已有/要求”的张数，如 1/3 即已有 1 张、要求 3 张；空白格为截至日期之后、尚未到来的期间",
                "Legend: each cell is have/need, 1/3 is 1 photo of 3 required; a blank cell is a period after the as-of date"), "title",
                COV_CATEGORY + explained);
        String[][] keys = {
                {"cov-met", t("已满足", "met"), t("张数已达到要求", "as many photos as required")},
                {"cov-partial", t("部分不足", "partly short"), t("有照片，但少于要求的张数", "some photos, fewer than required")},
                {"cov-gap", t("缺失", "none"), t("这一期一张也没有", "no photo for the period")},
                {"cov-pending", t("尚未结束", "running"), t("这一期尚未结束，目前还不够", "the period is not over yet and still short")},
        };
        for (int i = 0; i < keys.length; i++) {
            Row line = sh.createRow(i + 1);
            text(line, 0, keys[i][1], keys[i][0]);
            text(line, 1, keys[i][2], "wrap");
            sh.addMergedRegionUnsafe(new CellRangeAddress(i + 1, i + 1, 1, last));
            line.setHeightInPoints(height(Math.max(lines(keys[i][1], COV_CATEGORY), lines(keys[i][2], explained))));
        }
        return keys.length + 1;
    }

    /** One row with a text merged over columns {@code from..to} ({@code width} characters in all), wrapped and as tall as it needs. */
    private void merged(Sheet sh, int rowNo, int from, int to, String v, String style, int width) {
        Row row = sh.createRow(rowNo);
        text(row, from, v, style);
        sh.addMergedRegionUnsafe(new CellRangeAddress(rowNo, rowNo, from, to));
        row.setHeightInPoints(height(lines(v, width)));
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
        Row top = header(sh, head);
        int c0 = (grouped() ? 1 : 0) + (Sections.multiUnit(r) ? 1 : 0);
        int[] rest = {13, 40, 9, 7, 7, 7, 30, 20, 40, 10};
        for (int i = 0; i < c0; i++) sh.setColumnWidth(i, 20 * 256);
        for (int i = 0; i < rest.length; i++) sh.setColumnWidth(c0 + i, rest[i] * 256);
        fit(sh, top);
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
                fit(sh, line);
            }
        }
        sh.setAutoFilter(new CellRangeAddress(0, Math.max(0, row - 1), 0, head.size() - 1));
        sh.createFreezePane(0, 1);
        printable(sh, true);
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

    private Row header(Sheet sh, List<String> head) {
        Row row = sh.createRow(0);
        for (int i = 0; i < head.size(); i++) text(row, i, head.get(i), "head");
        return row;
    }

    private void text(Row row, int col, String v, String style) {
        Cell c = row.createCell(col, CellType.STRING);
        c.setCellValue(v == null ? "" : v);
        c.setCellStyle(style(style == null ? "plain" : style));
    }

    private void number(Row row, int col, long v) {
        Cell c = row.createCell(col, CellType.NUMERIC);
        c.setCellValue(v);
        c.setCellStyle(style("plain"));
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
                case "title" -> {
                    s.setFont(font(true, null));
                    s.setWrapText(true);
                }
                case "item" -> {
                    fill(s, 0xEE, 0xF2, 0xF7);
                    s.setWrapText(true);
                }
                case "item-label" -> {
                    s.setFont(font(true, null));
                    fill(s, 0xEE, 0xF2, 0xF7);
                }
                case "item-clip" -> fill(s, 0xEE, 0xF2, 0xF7);
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
