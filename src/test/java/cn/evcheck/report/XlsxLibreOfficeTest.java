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
        Path dir = Files.createTempDirectory("evcheck-lo-");
        Files.copy(run(demoArgs("--format", "xlsx")).resolve("report.xlsx"), dir.resolve("demo.xlsx"));
        Files.copy(run(multiArgs("--format", "xlsx", "--group-by", "department")).resolve("report.xlsx"), dir.resolve("multi.xlsx"));
        csv = Files.createDirectories(dir.resolve("csv"));
        Path profile = Files.createTempDirectory("lo-profile-");
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

    static List<String> gapRow(Report r, String group, UnitResult u, Finding f) {
        List<String> row = new ArrayList<>();
        if (group != null) row.add(group);
        if (r.units().size() > 1) row.add(u.name());
        Item it = f.item() == null ? null : r.rules().item(f.item());
        row.add(f.item() == null ? "" : f.item());
        row.add(it == null ? "" : it.indicator());
        row.add(it == null ? "" : it.requirement());
        row.add(it == null ? "" : cn.evcheck.rules.Describe.note(it, false));
        row.add(f.message(false));
        row.add(f.file() == null ? "" : f.file());
        row.add(f.period() == null ? "" : f.period());
        row.add(f.severity().zh);
        row.add(it == null ? "" : String.join("、", it.leadDepartments()));
        row.add(it == null ? "" : String.join("、", it.responsible()));
        row.add(it == null ? "" : String.join("、", it.leaders()));
        row.add(f.code());
        row.addAll(List.of("", "", ""));   // 处理人, 期限, 状态: for the office to fill
        return row;
    }

    @Test
    void demoGapSheetHasOneRowPerFinding() throws Exception {
        List<List<String>> rows = sheet("demo-缺口清单.csv");
        List<List<String>> expected = new ArrayList<>();
        expected.add(XlsxRenderer.gapColumns(false, false, Grouping.ITEM));
        for (UnitResult u : demo.units()) for (Finding f : u.findings()) expected.add(gapRow(demo, null, u, f));
        assertEquals(expected, rows);
        assertEquals(demo.allFindings().size() + 1, rows.size());
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
        int head = -1;
        for (int i = 0; i < rows.size(); i++) if (rows.get(i).get(0).startsWith("III-15-2-1")) head = i + 1;
        assertTrue(head > 0);
        assertEquals(List.of("类别", "2018-01", "2018-02", "2018-03", "2018-04", "2018-05", "2018-06"), rows.get(head).subList(0, 7));
        assertEquals(List.of("留守儿童", "1/1", "0/1", "1/1", "0/1", "0/1", "0/1"), rows.get(head + 2).subList(0, 7));
    }

    @Test
    void multiUnitWorkbookGroupedByDepartment() throws Exception {
        List<List<String>> rows = sheet("multi-缺口清单.csv");
        List<List<String>> expected = new ArrayList<>();
        expected.add(XlsxRenderer.gapColumns(false, true, Grouping.DEPARTMENT));
        for (Sections.Section s : Sections.of(multi, Grouping.DEPARTMENT, false)) {
            for (Sections.Entry e : s.entries()) {
                for (Finding f : e.result().findings()) expected.add(gapRow(multi, s.key(), e.unit(), f));
            }
        }
        for (UnitResult u : multi.units()) for (Finding f : Sections.loose(u)) expected.add(gapRow(multi, "未归入任何条目", u, f));
        assertEquals(expected, rows);
        // A-3 names two lead offices: its gaps appear under each.
        long a3 = rows.stream().filter(r -> r.get(2).equals("A-3")).map(r -> r.get(0)).distinct().count();
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
