package cn.evcheck;

import cn.evcheck.testkit.Cli;
import cn.evcheck.testkit.Pkg;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;

import static org.junit.jupiter.api.Assertions.*;

/** Numeric targets: a package whose only material is a filled indicator sheet. */
class DataTargetsTest {
    @TempDir
    Path tmp;

    static byte[] sheet(Object[][] rows) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet s = wb.createSheet("主要指标");
            for (int r = 0; r < rows.length; r++) {
                var row = s.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    if (rows[r][c] instanceof Number n) row.createCell(c).setCellValue(n.doubleValue());
                    else if (rows[r][c] != null) row.createCell(c).setCellValue(rows[r][c].toString());
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    Map<String, String> check(Pkg p, String rules) throws Exception {
        Cli.Run r = Cli.run("check", p.root().toString(), "--rules", rules, "--format", "json", "--as-of", "2023-12-31");
        assertTrue(r.code() <= 1, r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        Map<String, String> byItem = new TreeMap<>();
        for (JsonNode f : j.get("findings")) {
            byItem.merge(f.get("item").asText(), f.get("code").asText(), (a, b) -> a + "," + b);
        }
        return byItem;
    }

    @Test
    void binhaiIndicatorSheetAlone() throws Exception {
        Pkg p = new Pkg(tmp.resolve("滨海新区"));
        p.file("主要指标.xlsx", sheet(new Object[][]{
                {"序号", "评价指标", "实际值", "上年值"},
                {1, "国家卫生县或国家卫生乡镇", "2个", null},
                {2, "群众对卫生状况满意率", "92%", null},
                {3, "居民健康素养水平", "20.5%", "18.2%"},                // below 23 % but rising: 持续提升
                {5, "经常参加体育锻炼人数的比例", "35%", null},            // > 38.5 % missed
                {8, "15岁以上人群吸烟率", 18.5, null},
                {33, "中小学生近视率", "52.1%", "53.0%"},                // 逐年下降
                {37, "个人卫生支出占卫生总费用的比重", "27%", "26%"},      // neither ≤25 % nor falling
                {10, "全面控烟法律法规规定", "有", null},
        }));
        Map<String, String> f = check(p, "binhai-weisheng-2023");
        assertNull(f.get("BH-01"));
        assertNull(f.get("BH-02"));
        assertNull(f.get("BH-03"));
        assertEquals("data.target_missed", f.get("BH-05"));
        assertNull(f.get("BH-08"));
        assertNull(f.get("BH-33"));
        assertEquals("data.target_missed", f.get("BH-37"));
        assertNull(f.get("BH-10"));
        assertEquals("data.value_missing", f.get("BH-04"));
        // Every other indicator has no value in the sheet.
        assertEquals(56 - 8, f.values().stream().filter(c -> c.equals("data.value_missing")).count());
        assertFalse(f.containsKey(""), "the sheet at the root is not an unassigned file: " + f);
    }

    @Test
    void aCsvSheetInTheItemAndAnOrNotherTarget() throws Exception {
        Pkg p = new Pkg(tmp.resolve("pkg"));
        p.text("III-49-0-3/数据表格/献血.csv", "指标,数值\n自愿无偿献血占临床用血的比例,98%\n千人口献血人次,12.4\n");
        p.file("III-49-0-3/数据表格/献血统计表（盖章）.jpg", cn.evcheck.testkit.Jpegs.encode(
                cn.evcheck.testkit.Scans.sealPage(3, true, cn.evcheck.testkit.Scans.RED, 0, 0), 0.7f));
        Path rules = tmp.resolve("r.yaml");
        Files.writeString(rules, """
                evcheck: 1
                id: blood
                period: {from: 2020-01-01, to: 2020-12-31}
                items:
                  - id: III-49-0-3
                    materials:
                      - kind: data_table
                        target:
                          - {metric: 自愿无偿献血占临床用血的比例, op: ">=", value: 100, unit: "%"}
                          - {metric: 千人口献血人次, op: ">", value: 10, unit: 人次}
                """, StandardCharsets.UTF_8);
        assertEquals(Map.of(), check(p, rules.toString()), "98 % misses 100 %, but 12.4 > 10 satisfies the alternative");
        p.text("III-49-0-3/数据表格/献血.csv", "指标,数值\n自愿无偿献血占临床用血的比例,98%\n千人口献血人次,9.1\n");
        assertEquals(Map.of("III-49-0-3", "data.target_missed"), check(p, rules.toString()));
    }
}
