package cn.evcheck.inspect;

import cn.evcheck.scan.FileType;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** One table reader for data sheets and caption sheets: CSV, XLSX (streamed), XLS. */
class TablesTest {
    @TempDir
    Path tmp;

    List<String[]> read(String name, byte[] bytes, FileType type) throws Exception {
        Path p = tmp.resolve(name);
        Files.write(p, bytes);
        return Tables.read(p, type, name.substring(name.lastIndexOf('.') + 1));
    }

    static List<List<String>> lists(List<String[]> rows) {
        return rows.stream().map(Arrays::asList).toList();
    }

    @Test
    void csvQuotedFieldsHoldCommasQuotesAndLineBreaks() throws Exception {
        String csv = "文件名,图片说明\r\n"
                + "a.jpg,\"时间：2019年3月12日\n地点：赣马镇\"\r\n"
                + "\"b,c.jpg\",\"他说\"\"好\"\"\"\n"
                + "d.jpg,末行无换行";
        assertEquals(List.of(List.of("文件名", "图片说明"), List.of("a.jpg", "时间：2019年3月12日\n地点：赣马镇"),
                        List.of("b,c.jpg", "他说\"好\""), List.of("d.jpg", "末行无换行")),
                lists(read("x.csv", csv.getBytes(StandardCharsets.UTF_8), FileType.TEXT)));
    }

    @Test
    void csvIsUtf8WithOrWithoutBomElseGb18030() throws Exception {
        String csv = "指标,数值\n献血人次,12.4\n";
        List<List<String>> expected = List.of(List.of("指标", "数值"), List.of("献血人次", "12.4"));
        assertEquals(expected, lists(read("u.csv", csv.getBytes(StandardCharsets.UTF_8), FileType.TEXT)));
        byte[] bom = ("\uFEFF" + csv).getBytes(StandardCharsets.UTF_8);
        assertEquals(expected, lists(read("b.csv", bom, FileType.TEXT)));
        assertEquals(expected, lists(read("g.csv", csv.getBytes(Charset.forName("GB18030")), FileType.TEXT)));
    }

    @Test
    void aDataSheetCellWithALineBreakStaysOneRow() throws Exception {
        String csv = "指标,数值\n\"自愿无偿献血\n占临床用血比例\",98%\n千人口献血人次,12.4\n";
        SheetFacts s = Sheets.of(read("d.csv", csv.getBytes(StandardCharsets.UTF_8), FileType.TEXT));
        assertEquals(2, s.rows().size(), s.rows().toString());
        assertEquals(98.0, s.rows().get(0).value());
        assertEquals("千人口献血人次", s.rows().get(1).metric());
    }

    @Test
    void xlsxAndXlsShowFormulasByTheirCachedValueAndNumbersAsFormatted() throws Exception {
        for (boolean xlsx : new boolean[]{true, false}) {
            byte[] bytes;
            try (Workbook wb = xlsx ? new XSSFWorkbook() : new HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                Sheet s = wb.createSheet("表");
                Row h = s.createRow(0);
                h.createCell(0).setCellValue("文件名");
                h.createCell(1).setCellValue("图片说明");
                h.createCell(2).setCellValue("比例");
                Row r = s.createRow(2);   // row 2 left out, as a sheet may
                r.createCell(0).setCellValue("a.jpg");
                Cell f = r.createCell(1);
                f.setCellFormula("\"时间：\"&\"2019年3月12日\"");
                Cell pct = r.createCell(2);
                pct.setCellValue(0.92);
                CellStyle percent = wb.createCellStyle();
                percent.setDataFormat(wb.createDataFormat().getFormat("0%"));
                pct.setCellStyle(percent);
                wb.getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(f);
                wb.write(out);
                bytes = out.toByteArray();
            }
            List<String[]> rows = read(xlsx ? "t.xlsx" : "t.xls", bytes, xlsx ? FileType.ZIP : FileType.OLE2);
            assertEquals(List.of(List.of("文件名", "图片说明", "比例"), List.of("a.jpg", "时间：2019年3月12日", "92%")), lists(rows),
                    xlsx ? "xlsx" : "xls");
            assertEquals("时间：2019年3月12日", CaptionSheet.of(rows).captions().get("a.jpg"));
        }
    }

    @Test
    void moreRowsThanTheLimitAreRefusedNotRead() throws Exception {
        StringBuilder ok = new StringBuilder();
        for (int i = 0; i < Tables.MAX_ROWS; i++) ok.append(i).append(",x\n");
        assertEquals(Tables.MAX_ROWS, read("ok.csv", ok.toString().getBytes(StandardCharsets.UTF_8), FileType.TEXT).size());
        byte[] over = (ok + "one,more\n").getBytes(StandardCharsets.UTF_8);
        TooComplex e = assertThrows(TooComplex.class, () -> read("over.csv", over, FileType.TEXT));
        assertEquals("more than 100000 rows", e.getMessage());
        assertThrows(TooComplex.class, () -> read("over.xlsx", cn.evcheck.testkit.Hostile.captionXlsx(Tables.MAX_ROWS), FileType.ZIP),
                "a header and 100,000 caption rows");
    }

    @Test
    void longCellsAreCutAndExtraColumnsIgnored() throws Exception {
        String wide = "a,".repeat(Tables.MAX_COLUMNS + 10) + "z\n" + "x".repeat(Tables.MAX_CELL_CHARS + 5) + "\n";
        List<String[]> rows = read("w.csv", wide.getBytes(StandardCharsets.UTF_8), FileType.TEXT);
        assertEquals(Tables.MAX_COLUMNS, rows.get(0).length);
        assertEquals(Tables.MAX_CELL_CHARS, rows.get(1)[0].length());
    }

    @Test
    void notASpreadsheetIsAnIoProblem() {
        assertThrows(java.io.IOException.class, () -> read("x.xlsx", "not a zip".getBytes(StandardCharsets.UTF_8), FileType.TEXT));
        assertThrows(java.io.IOException.class, () -> read("y.xlsx", new byte[]{'P', 'K', 3, 4, 0, 0}, FileType.ZIP));
    }
}
