package cn.evcheck.report;

import cn.evcheck.check.Checks;
import cn.evcheck.model.Finding;
import cn.evcheck.model.Report;
import cn.evcheck.model.Report.ItemResult;
import cn.evcheck.rules.Model.Item;
import org.apache.poi.ss.usermodel.*;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.util.*;

import static cn.evcheck.report.ReportRuns.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * 缺口清单 as a work list (issue 15 part 6), read back with POI: the columns in the order an office
 * works (severity, file, problem, fix, 牵头科室 … 处理人, 期限, 状态), each item's requirement once in
 * a heading row, the fix of every finding, rows as tall as their wrapped text, 覆盖情况 titles that
 * do not run over the rows below, and the print setup of the sheets.
 */
class XlsxWorkListTest {
    static Report demo;
    static XSSFWorkbook zh;
    static XSSFWorkbook en;
    static XSSFWorkbook byDepartment;
    static final DataFormatter FMT = new DataFormatter();

    @BeforeAll
    static void render() throws Exception {
        demo = demoReport();
        zh = new XSSFWorkbook(new ByteArrayInputStream(XlsxRenderer.render(demo, false, Grouping.ITEM)));
        en = new XSSFWorkbook(new ByteArrayInputStream(XlsxRenderer.render(demo, true, Grouping.ITEM)));
        byDepartment = new XSSFWorkbook(new ByteArrayInputStream(XlsxRenderer.render(demo, false, Grouping.DEPARTMENT)));
    }

    static String cell(Row row, int col) {
        return row == null ? "" : FMT.formatCellValue(row.getCell(col));
    }

    static List<String> values(Row row) {
        List<String> v = new ArrayList<>();
        for (int c = 0; c < row.getLastCellNum(); c++) v.add(cell(row, c));
        return v;
    }

    @Test
    void columnsRunSeverityFileProblemFixLeadOfficeThenContextThenTheOfficesOwn() {
        assertEquals(List.of("严重程度", "文件", "问题", "处理方法", "牵头科室", "条目", "期间", "责任单位", "分管领导", "代码",
                "处理人", "期限", "状态"), XlsxRenderer.gapColumns(false, false, Grouping.ITEM));
        assertEquals(List.of("Severity", "File", "Problem", "How to fix", "Lead office", "Item", "Period", "Responsible units",
                "Leader", "Code", "Assignee", "Due", "Status"), XlsxRenderer.gapColumns(true, false, Grouping.ITEM));
        List<String> grouped = XlsxRenderer.gapColumns(false, true, Grouping.DEPARTMENT);
        assertEquals(List.of("牵头科室（分组）", "单位", "严重程度", "文件", "问题", "处理方法", "牵头科室"), grouped.subList(0, 7));
        assertEquals(List.of("处理人", "期限", "状态"), grouped.subList(grouped.size() - 3, grouped.size()));

        assertEquals(XlsxRenderer.gapColumns(false, false, Grouping.ITEM), values(zh.getSheet(XlsxRenderer.gapsSheet(false)).getRow(0)));
        assertEquals(XlsxRenderer.gapColumns(true, false, Grouping.ITEM), values(en.getSheet(XlsxRenderer.gapsSheet(true)).getRow(0)));
        assertEquals(XlsxRenderer.gapColumns(false, false, Grouping.DEPARTMENT),
                values(byDepartment.getSheet(XlsxRenderer.gapsSheet(false)).getRow(0)));
    }

    @Test
    void theRequirementStandsOncePerItemInItsHeadingRow() {
        XSSFSheet sh = zh.getSheet(XlsxRenderer.gapsSheet(false));
        List<String> head = XlsxRenderer.gapColumns(false, false, Grouping.ITEM);
        int sev = head.indexOf("严重程度");
        int file = head.indexOf("文件");
        int item = head.indexOf("条目");
        int items = 0;
        for (ItemResult ir : demo.units().get(0).items()) {
            if (ir.findings().isEmpty()) continue;
            items++;
            Item it = ir.item();
            String requirement = Sections.requirement(it, false);
            List<Integer> at = new ArrayList<>();
            for (Row row : sh) {
                for (Cell c : row) if (FMT.formatCellValue(c).contains(requirement)) at.add(row.getRowNum());
            }
            assertEquals(1, at.size(), it.id() + ": the requirement once, not on every finding's row: rows " + at);
            Row heading = sh.getRow(at.get(0));
            assertEquals(XlsxRenderer.itemLabel(false), cell(heading, sev));
            assertEquals(it.id(), cell(heading, item), "the heading row carries the item, so a filter on it keeps the heading");
            assertTrue(cell(heading, file).startsWith(Sections.title(it) + " — 未完成\n要求：" + requirement), cell(heading, file));
            // The item's findings follow its heading, each with the item in its column and no requirement.
            for (int i = 0; i < ir.findings().size(); i++) {
                Row row = sh.getRow(at.get(0) + 1 + i);
                Finding f = ir.findings().get(i);
                assertEquals(it.id(), cell(row, item));
                assertEquals(f.severity().zh, cell(row, sev));
                assertEquals(f.message(false), cell(row, head.indexOf("问题")));
            }
        }
        assertEquals(3, items);
        // One heading per item with findings, one for the files outside any item, a row per finding.
        int headings = 0;
        for (Row row : sh) if (cell(row, sev).equals(XlsxRenderer.itemLabel(false))) headings++;
        assertEquals(items + 1, headings);
        assertEquals(demo.allFindings().size() + headings, sh.getLastRowNum());
        assertEquals("A1:M" + (sh.getLastRowNum() + 1), sh.getCTWorksheet().getAutoFilter().getRef(), "the autofilter covers every row");
    }

    @Test
    void everyFindingSaysHowToFixIt() {
        for (XSSFWorkbook wb : List.of(zh, en)) {
            boolean english = wb == en;
            XSSFSheet sh = wb.getSheet(XlsxRenderer.gapsSheet(english));
            List<String> head = XlsxRenderer.gapColumns(english, false, Grouping.ITEM);
            int code = head.indexOf(english ? "Code" : "代码");
            int fix = head.indexOf(english ? "How to fix" : "处理方法");
            int rows = 0;
            for (Row row : sh) {
                if (row.getRowNum() == 0 || cell(row, code).isEmpty()) continue;
                rows++;
                String want = Checks.code(cell(row, code)).fix(english);
                assertFalse(want.isBlank());
                assertEquals(want, cell(row, fix), "row " + (row.getRowNum() + 1));
            }
            assertEquals(demo.allFindings().size(), rows);
        }
        // The duplicate's fix, as `evcheck explain photo.duplicate` gives it.
        XSSFSheet sh = zh.getSheet(XlsxRenderer.gapsSheet(false));
        List<String> head = XlsxRenderer.gapColumns(false, false, Grouping.ITEM);
        Row dup = null;
        for (Row row : sh) if (cell(row, head.indexOf("代码")).equals("photo.duplicate")) dup = row;
        assertNotNull(dup);
        assertTrue(cell(dup, head.indexOf("处理方法")).contains("换成当期的不同照片"), cell(dup, head.indexOf("处理方法")));
    }

    @Test
    void rowsAreAsTallAsTheirWrappedTextAndHeadingBandsAreMerged() {
        XSSFSheet sh = zh.getSheet(XlsxRenderer.gapsSheet(false));
        List<String> head = XlsxRenderer.gapColumns(false, false, Grouping.ITEM);
        int file = head.indexOf("文件");
        int fix = head.indexOf("处理方法");
        int band = 0;
        for (int c = file; c <= fix; c++) band += sh.getColumnWidth(c) / 256;
        int headings = 0;
        for (Row row : sh) {
            if (row.getRowNum() == 0) continue;
            if (cell(row, 0).equals(XlsxRenderer.itemLabel(false))) {
                headings++;
                CellRangeAddress merged = merged(sh, row.getRowNum(), file);
                assertNotNull(merged, "heading row " + (row.getRowNum() + 1) + " has its band merged");
                assertEquals(fix, merged.getLastColumn());
                assertTrue(row.getCell(file).getCellStyle().getWrapText());
                float need = XlsxRenderer.height(XlsxRenderer.lines(cell(row, file), band));
                assertTrue(row.getHeightInPoints() >= need, "row " + (row.getRowNum() + 1) + ": " + row.getHeightInPoints() + " < " + need);
                continue;
            }
            for (int c = file; c <= fix; c++) {
                assertTrue(row.getCell(c).getCellStyle().getWrapText(), "wrapped: row " + (row.getRowNum() + 1) + " column " + c);
                float need = XlsxRenderer.height(XlsxRenderer.lines(cell(row, c), sh.getColumnWidth(c) / 256));
                assertTrue(row.getHeightInPoints() >= need, "row " + (row.getRowNum() + 1) + " column " + c);
            }
        }
        assertEquals(4, headings);
        assertEquals(headings, sh.getNumMergedRegions(), "only the heading bands are merged");
        // The duplicate's long message takes several lines; a one-line finding is not as tall.
        float min = Float.MAX_VALUE, max = 0;
        for (Row row : sh) {
            if (row.getRowNum() == 0 || cell(row, 0).equals(XlsxRenderer.itemLabel(false))) continue;
            min = Math.min(min, row.getHeightInPoints());
            max = Math.max(max, row.getHeightInPoints());
        }
        assertTrue(max >= 2 * min, min + " … " + max);
    }

    @Test
    void groupedByOfficeEveryRowCarriesItsOfficeSoAFilterHandsOutTheList() {
        XSSFSheet sh = byDepartment.getSheet(XlsxRenderer.gapsSheet(false));
        List<String> head = XlsxRenderer.gapColumns(false, false, Grouping.DEPARTMENT);
        int item = head.indexOf("条目");
        int headings = 0;
        for (Row row : sh) {
            if (row.getRowNum() == 0) continue;
            assertFalse(cell(row, 0).isEmpty(), "row " + (row.getRowNum() + 1) + " names its group");
            if (!cell(row, 1).equals(XlsxRenderer.itemLabel(false))) continue;
            headings++;
            String group = cell(row, 0);
            if (group.equals("未归入任何条目")) continue;
            assertFalse(cell(row, item).isEmpty());
            Row next = sh.getRow(row.getRowNum() + 1);
            assertEquals(List.of(group, cell(row, item)), List.of(cell(next, 0), cell(next, item)));
        }
        assertEquals(4, headings);
    }

    /** The merged region of a sheet that starts at this cell, or null. */
    static CellRangeAddress merged(Sheet sh, int row, int col) {
        for (CellRangeAddress m : sh.getMergedRegions()) if (m.getFirstRow() == row && m.getFirstColumn() == col) return m;
        return null;
    }

    @Test
    void coverageTitlesSpanTheBlockWrappedAndTallSoTheyDoNotRunOverThePeriods() {
        XSSFSheet sh = zh.getSheet(XlsxRenderer.coverageSheet(false));
        int titles = 0;
        for (Row row : sh) {
            String v = cell(row, 0);
            if (!v.matches("III-\\d+-\\d+-\\d+ .*")) continue;
            titles++;
            Row head = sh.getRow(row.getRowNum() + 1);
            assertEquals(List.of("类别", "年"), List.of(cell(head, 0), cell(head, 1)), "the period header is the next row");
            CellRangeAddress m = merged(sh, row.getRowNum(), 0);
            assertNotNull(m, "title row " + (row.getRowNum() + 1) + " is merged");
            assertEquals(row.getRowNum(), m.getLastRow(), "one row: the header below stays its own");
            assertTrue(m.getLastColumn() >= head.getLastCellNum() - 1, "the title spans the block's columns");
            assertTrue(row.getCell(0).getCellStyle().getWrapText(), "wrapped, not running over the next cells");
            int width = 0;
            for (int c = 0; c <= m.getLastColumn(); c++) width += sh.getColumnWidth(c) / 256;
            float need = XlsxRenderer.height(XlsxRenderer.lines(v, width));
            assertTrue(row.getHeightInPoints() >= need, v + ": " + row.getHeightInPoints() + " < " + need);
            assertTrue(row.getHeightInPoints() > sh.getDefaultRowHeightInPoints());
            // Period labels are short: they fit a line of their column.
            for (int c = 2; c < head.getLastCellNum(); c++) {
                assertEquals(1, XlsxRenderer.lines(cell(head, c), sh.getColumnWidth(c) / 256), cell(head, c));
            }
        }
        assertEquals(3, titles);
        // The festival title is long: it takes two lines at least.
        Row festival = null;
        for (Row row : sh) if (cell(row, 0).startsWith("III-11-1-2 ")) festival = row;
        assertNotNull(festival);
        assertTrue(festival.getHeightInPoints() >= XlsxRenderer.height(2), String.valueOf(festival.getHeightInPoints()));

        // The legend heads the sheet: what a cell says, then each colour with its meaning.
        assertTrue(cell(sh.getRow(0), 0).startsWith("图例：格中为“已有/要求”的张数"), cell(sh.getRow(0), 0));
        assertEquals(List.of("已满足", "部分不足", "缺失", "尚未结束"),
                List.of(cell(sh.getRow(1), 0), cell(sh.getRow(2), 0), cell(sh.getRow(3), 0), cell(sh.getRow(4), 0)));
        assertFalse(cell(sh.getRow(2), 1).isEmpty(), "each colour is explained");
    }

    @Test
    void sheetsPrintLandscapeOnThePagesWidthWithTheirHeadingOnEveryPage() {
        for (XSSFWorkbook wb : List.of(zh, en, byDepartment)) {
            boolean english = wb == en;
            for (String name : List.of(XlsxRenderer.gapsSheet(english), XlsxRenderer.coverageSheet(english),
                    XlsxRenderer.summarySheet(english), XlsxRenderer.documentsSheet(english))) {
                XSSFSheet sh = wb.getSheet(name);
                PrintSetup ps = sh.getPrintSetup();
                assertTrue(ps.getLandscape(), name);
                assertEquals(PrintSetup.A4_PAPERSIZE, ps.getPaperSize(), name);
                assertTrue(sh.getFitToPage(), name);
                assertEquals(1, ps.getFitWidth(), name + ": all columns on the page's width");
                assertEquals(0, ps.getFitHeight(), name + ": as many pages down as needed");
                assertTrue(sh.isPrintGridlines(), name);
                boolean list = !name.equals(XlsxRenderer.coverageSheet(english));
                assertEquals(list ? CellRangeAddress.valueOf("1:1") : null, sh.getRepeatingRows(), name);
            }
        }
    }
}
