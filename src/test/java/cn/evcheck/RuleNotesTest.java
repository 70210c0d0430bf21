package cn.evcheck;

import cn.evcheck.report.Grouping;
import cn.evcheck.report.XlsxRenderer;
import cn.evcheck.rules.BuiltinRules;
import cn.evcheck.rules.Describe;
import cn.evcheck.rules.Model.Item;
import cn.evcheck.rules.Model.Material;
import cn.evcheck.testkit.Cli;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The rule set's notes reach the clerk (issue 10 part 8): a built-in item's own note and its
 * material's note, labelled with the material, under its requirement in {@code explain} and in
 * every report that shows the requirement. Item III-43-0-1 of shifeng-2017 has both.
 */
class RuleNotesTest {
    static final String ITEM_NOTE = "此项工作由区文体旅局配合完成有关创文工作任务";
    static final String PHOTO_NOTE = "图片数量以测评前“网上申报系统”上统一发布的要求为准";

    @Test
    void everyNoteOfTheBuiltInRuleSetsIsShown() throws Exception {
        int notes = 0;
        for (String id : BuiltinRules.ids()) {
            for (Item item : BuiltinRules.load(id).items()) {
                List<String> texts = new ArrayList<>();
                if (!item.note().isBlank()) texts.add(item.note());
                for (Material m : item.materials()) if (!m.note().isBlank()) texts.add(m.note());
                String shown = Describe.note(item, false);
                for (String t : texts) assertTrue(shown.contains(t.replaceFirst("^备注：", "")), id + " " + item.id() + ": " + shown);
                assertEquals(texts.size(), Describe.notes(item, false).size(), item.id());
                notes += texts.size();
            }
        }
        assertTrue(notes >= 41, "the built-in sets held 41 notes when they were first shown: " + notes);
    }

    @Test
    void explainShowsTheNotesUnderTheRequirement() {
        Cli.Run zh = Cli.run("explain", "III-43-0-1", "--rules", "shifeng-2017");
        assertEquals(0, zh.code(), zh.err());
        List<String> lines = zh.out().lines().toList();
        int req = indexOf(lines, "申报要求：");
        assertEquals("备注：" + ITEM_NOTE, lines.get(req + 1), zh.out());
        assertEquals("　　　图片资料：" + PHOTO_NOTE, lines.get(req + 2), zh.out());
        Cli.Run en = Cli.run("explain", "III-43-0-1", "--rules", "shifeng-2017", "--lang", "en");
        List<String> enLines = en.out().lines().toList();
        int enReq = indexOf(enLines, "Requirement: ");
        assertEquals("Note:        " + ITEM_NOTE, enLines.get(enReq + 1), en.out());
        assertEquals("             photos: " + PHOTO_NOTE, enLines.get(enReq + 2), en.out());
        // A note that starts with its own label is not labelled twice.
        Cli.Run bh = Cli.run("explain", "BH-10", "--rules", "binhai-weisheng-2023");
        assertTrue(bh.out().contains("\n备注：国家卫生县出台规范性文件或被市级全面控烟法律法规规定覆盖；"), bh.out());
        assertFalse(bh.out().contains("备注：备注"), bh.out());
        // An item without notes shows no note line.
        assertFalse(Cli.run("explain", "III-15-2-1", "--rules", "ganyu-weijian-2020").out().contains("备注："));
    }

    @Test
    void everyReportShowsTheNotesOfItsItems(@TempDir Path tmp) throws Exception {
        Path pkg = Files.createDirectories(tmp.resolve("pkg").resolve("III-43-0-1 民族团结"));
        Path out = tmp.resolve("out");
        Cli.Run r = Cli.run("check", pkg.getParent().toString(), "--rules", "shifeng-2017", "--as-of", "2017-12-31",
                "--format", "text,json,html,xlsx,md,sarif,junit", "--output", out.toString(), "--quiet");
        assertEquals(1, r.code(), r.err());
        String both = ITEM_NOTE + "；图片资料：" + PHOTO_NOTE;
        String text = Files.readString(out.resolve("report.txt"));
        assertTrue(text.contains("    要求：图片资料，共至少1张\n    备注：" + both + "\n"), text);
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("\n- **备注**：" + both + "\n"), md);
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("<p class=\"note\"><b>备注：</b>" + both + "</p>"), html);
        JsonNode json = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        for (JsonNode item : json.get("items")) {
            String id = item.get("id").asText();
            if (id.equals("III-43-0-1")) assertEquals(both, item.get("note").asText());
            if (id.equals("III-31-0-2")) assertTrue(item.has("note") && item.get("note").isNull(), item.toString());
        }
        try (InputStream in = Files.newInputStream(out.resolve("report.xlsx")); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            XSSFSheet gaps = wb.getSheet(XlsxRenderer.gapsSheet(false));
            List<String> head = XlsxRenderer.gapColumns(false, false, Grouping.ITEM);
            int idCol = head.indexOf("条目");
            int band = head.indexOf("文件");   // an item's heading row: its requirement and note in the band from 文件
            DataFormatter fmt = new DataFormatter();
            int headings = 0;
            int findings = 0;
            for (Row row : gaps) {
                if (!fmt.formatCellValue(row.getCell(idCol)).equals("III-43-0-1")) continue;
                String cell = fmt.formatCellValue(row.getCell(band));
                if (fmt.formatCellValue(row.getCell(0)).equals(XlsxRenderer.itemLabel(false))) {
                    headings++;
                    assertTrue(cell.contains("\n备注：" + both), cell);
                } else {
                    findings++;
                    assertFalse(cell.contains(both), "the note is not repeated on a finding's row: " + cell);
                }
            }
            assertEquals(1, headings, "the note stands once, in the item's heading row");
            assertTrue(findings > 0);
        }
        // SARIF and JUnit carry no item requirement, hence no note.
        assertFalse(Files.readString(out.resolve("report.sarif")).contains(ITEM_NOTE));
        assertFalse(Files.readString(out.resolve("report.junit.xml")).contains(ITEM_NOTE));
    }

    private static int indexOf(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).startsWith(prefix)) return i;
        throw new AssertionError("no line starting " + prefix + " in " + lines);
    }
}
