package cn.evcheck.report;

import cn.evcheck.model.*;
import cn.evcheck.model.Report.ItemResult;
import cn.evcheck.model.Report.UnitResult;
import cn.evcheck.rules.Model.Item;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static cn.evcheck.report.ReportRuns.*;
import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * report.xlsx opened by a real spreadsheet client: LibreOffice Calc headless (Debian
 * {@code libreoffice-calc-nogui}) converts every sheet to CSV in one run, and the cells of
 * 缺口清单, 汇总 and 单位×条目 are compared with what the Report holds. Skipped, visibly, when
 * soffice is not installed or older than 7.2 (which cannot export every sheet).
 */
class XlsxLibreOfficeTest {
    static Path csv;
    static Report demo;
    static Report multi;

    @BeforeAll
    static void convertWithLibreOffice() throws Exception {
        Path soffice = Tools.find("soffice", "libreoffice");
        assumeTrue(soffice != null, "SKIPPED: LibreOffice (soffice) not found on PATH (Debian: apt-get install libreoffice-calc-nogui); "
                + "report.xlsx is not opened by a real client");
        Tools.Result v = Tools.exec(List.of(soffice.toString(), "--version"), 60);
        Matcher m = Pattern.compile("LibreOffice (\\d+)\\.(\\d+)").matcher(v.out());
        assumeTrue(m.find() && (Integer.parseInt(m.group(1)) > 7 || (Integer.parseInt(m.group(1)) == 7 && Integer.parseInt(m.group(2)) >= 2)),
                "SKIPPED: LibreOffice 7.2 or later is needed to export every sheet to CSV; found: " + v.out().strip());
        demo = demoReport();
        multi = multiReport();
        Path dir = cn.evcheck.testkit.Scratch.dir("evcheck-lo-");
        Files.copy(run(demoArgs("--format", "xlsx")).resolve("report.xlsx"), dir.resolve("demo.xlsx"));
        Files.copy(run(multiArgs("--format", "xlsx", "--group-by", "department")).resolve("report.xlsx"), dir.resolve("multi.xlsx"));
        csv = Files.createDirectories(dir.resolve("csv"));
        Path profile = cn.evcheck.testkit.Scratch.dir("lo-profile-");
        // 44 = comma, 34 = quote, 76 = UTF-8, 1 = first line; the last token -1 exports every sheet (LibreOffice ≥ 7.2).
        Tools.Result r = Tools.exec(List.of(soffice.toString(), "-env:UserInstallation=" + profile.toUri(), "--headless", "--norestore",
                "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
                "--outdir", csv.toString(), dir.resolve("demo.xlsx").toString(), dir.resolve("multi.xlsx").toString()), 180);
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(Files.exists(csv.resolve("demo-缺口清单.csv")), () -> "LibreOffice wrote: " + r.out() + r.err());
    }

    static List<List<String>> sheet(String file) throws Exception {
        return parseCsv(Files.readString(csv.resolve(file), StandardCharsets.UTF_8));
    }

    /** RFC 4180: quoted fields may hold commas, quotes ("") and line breaks. */
    static List<List<String>> parseCsv(String s) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean q = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (q) {
                if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (c == '"') {
                    q = false;
                } else {
                    f.append(c);
                }
            } else if (c == '"') {
                q = true;
            } else if (c == ',') {
                row.add(f.toString());
                f.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') i++;
                row.add(f.toString());
                f.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                f.append(c);
            }
        }
        if (f.length() > 0 || !row.isEmpty()) {
            row.add(f.toString());
            rows.add(row);
        }
        return rows;
    }

    /**
     * The rows of 缺口清单 for one item of one unit (id null: the files outside any item): a heading
     * row with the item's requirement, once, in the band over file, problem and fix, then one row
     * per finding — severity, file, problem, fix, 牵头科室, item, period, 责任单位, 分管领导, code, and
     * empty 处理人 / 期限 / 状态.
     */
    static List<List<String>> itemRows(Report r, String group, UnitResult u, String id, Report.Status status, List<Finding> fs) {
        List<List<String>> rows = new ArrayList<>();
        if (fs.isEmpty()) return rows;
        Item it = id == null ? null : r.rules().item(id);
        String lead = it == null ? "" : String.join("、", it.leadDepartments());
        String resp = it == null ? "" : String.join("、", it.responsible());
        String leader = it == null ? "" : String.join("、", it.leaders());
        List<String> head = new ArrayList<>();
        if (group != null) head.add(group);
        if (r.units().size() > 1) head.add(u.name());
        head.addAll(List.of(XlsxRenderer.itemLabel(false), band(it, status), "", "", lead, id == null ? "" : id, "", resp, leader, "", "", "", ""));
        rows.add(head);
        for (Finding f : fs) {
            List<String> row = new ArrayList<>();
            if (group != null) row.add(group);
            if (r.units().size() > 1) row.add(u.name());
            row.add(f.severity().zh);
            row.add(f.file() == null ? "" : f.file());
            row.add(f.message(false));
            row.add(r.code(f.code()).fix(false));
            row.add(lead);
            row.add(f.item() == null ? "" : f.item());
            row.add(f.period() == null ? "" : f.period());
            row.add(resp);
            row.add(leader);
            row.add(f.code());
            row.addAll(List.of("", "", ""));   // 处理人, 期限, 状态: for the office to fill
            rows.add(row);
        }
        return rows;
    }

    /** An item's heading band: title and status, requirement, note, leader and responsible units. */
    static String band(Item it, Report.Status status) {
        if (it == null) return "未归入任何条目的文件";
        String note = cn.evcheck.rules.Describe.note(it, false);
        return it.id() + " " + it.indicator() + " — " + Sections.status(status, false)
                + "\n要求：" + Sections.requirement(it, false)
                + (note.isEmpty() ? "" : "\n备注：" + note)
                + "\n" + (it.leaders().isEmpty() ? "" : "分管领导：" + String.join("、", it.leaders()) + "；")
                + "责任单位：" + String.join("、", it.responsible());
    }

    @Test
    void demoGapSheetIsAWorkListItemByItem() throws Exception {
        List<List<String>> rows = sheet("demo-缺口清单.csv");
        List<List<String>> expected = new ArrayList<>();
        expected.add(XlsxRenderer.gapColumns(false, false, Grouping.ITEM));
        for (UnitResult u : demo.units()) {
            for (ItemResult ir : u.items()) expected.addAll(itemRows(demo, null, u, ir.item().id(), ir.status(), ir.findings()));
            expected.addAll(itemRows(demo, null, u, null, null, Sections.loose(u)));
        }
        assertEquals(expected, rows);
        long items = demo.units().get(0).items().stream().filter(ir -> !ir.findings().isEmpty()).count() + 1;
        assertEquals(demo.allFindings().size() + items + 1, rows.size(), "a heading per item with findings, a row per finding");
    }

    @Test
    void demoSummarySheetHasOneRowPerItem() throws Exception {
        List<List<String>> rows = sheet("demo-汇总.csv");
        assertEquals(XlsxRenderer.summaryColumns(false, false, Grouping.ITEM), rows.get(0));
        int i = 1;
        for (UnitResult u : demo.units()) {
            for (ItemResult ir : u.items()) {
                List<String> row = rows.get(i++);
                Item it = ir.item();
                assertEquals(List.of(it.id(), it.indicator(), Sections.status(ir.status(), false),
                        String.valueOf(Sections.count(ir, Severity.ERROR)), String.valueOf(Sections.count(ir, Severity.WARNING)),
                        String.valueOf(Sections.count(ir, Severity.INFO)), Sections.found(ir, false),
                        String.join("、", it.leadDepartments()), String.join("、", it.responsible()), String.join("、", it.leaders())), row);
            }
        }
        assertEquals(i, rows.size());
        assertEquals(List.of("III-11-1-2", "未完成", "3"), List.of(rows.get(1).get(0), rows.get(1).get(2), rows.get(1).get(3)));
    }

    @Test
    void demoCoverageSheetShowsHaveAndNeed() throws Exception {
        List<List<String>> rows = sheet("demo-覆盖情况.csv");
        assertTrue(rows.get(0).get(0).startsWith("图例："), rows.get(0).toString());
        int head = -1;
        for (int i = 0; i < rows.size(); i++) if (rows.get(i).get(0).startsWith("III-15-2-1")) head = i + 1;
        assertTrue(head > 0);
        // Years as rows, months as columns: as the HTML calendar.
        assertEquals(List.of("类别", "年", "1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月"),
                rows.get(head).subList(0, 14));
        assertEquals(List.of("留守儿童", "2018", "1/1", "0/1", "1/1", "0/1", "0/1", "0/1", ""), rows.get(head + 2).subList(0, 9));
    }

    @Test
    void multiUnitWorkbookGroupedByDepartment() throws Exception {
        List<List<String>> rows = sheet("multi-缺口清单.csv");
        List<List<String>> expected = new ArrayList<>();
        expected.add(XlsxRenderer.gapColumns(false, true, Grouping.DEPARTMENT));
        for (Sections.Section s : Sections.of(multi, Grouping.DEPARTMENT, false)) {
            for (Sections.Entry e : s.entries()) {
                expected.addAll(itemRows(multi, s.key(), e.unit(), e.item().id(), e.result().status(), e.result().findings()));
            }
        }
        for (UnitResult u : multi.units()) expected.addAll(itemRows(multi, "未归入任何条目", u, null, null, Sections.loose(u)));
        assertEquals(expected, rows);
        // A-3 names two lead offices: its gaps appear under each.
        int item = XlsxRenderer.gapColumns(false, true, Grouping.DEPARTMENT).indexOf("条目");
        long a3 = rows.stream().filter(r -> r.get(item).equals("A-3")).map(r -> r.get(0)).distinct().count();
        assertEquals(2, a3);

        List<List<String>> matrix = sheet("multi-单位×条目.csv");
        assertEquals(List.of("条目", "指标", "赣马镇卫生院", "青口中心卫生院"), matrix.get(0));
        for (int i = 0; i < multi.rules().items().size(); i++) {
            Item it = multi.rules().items().get(i);
            List<String> row = matrix.get(i + 1);
            assertEquals(it.id(), row.get(0));
            for (int u = 0; u < multi.units().size(); u++) {
                UnitResult unit = multi.units().get(u);
                ItemResult ir = unit.items().stream().filter(x -> x.item().id().equals(it.id())).findFirst().orElse(null);
                String want = ir != null ? Sections.status(ir.status(), false) + XlsxRenderer.counts(ir)
                        : unit.notApplicable().contains(it.id()) ? "不适用" : "";
                assertEquals(want, row.get(2 + u), it.id() + " in " + unit.name());
            }
        }
        assertEquals(List.of("A-3", "应急培训", "完成", "不适用"), matrix.get(3));
    }
}
