package cn.evcheck.draft;

import cn.evcheck.rules.Model;
import cn.evcheck.rules.RuleLoader;
import cn.evcheck.testkit.Cli;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code rules import} end to end: the seeds' own text reproduces the built-in rule sets (seeds 000,
 * 002, 004, copies of the project's {@code ../shared/seeds} in {@code src/test/resources/seeds}), real Word and Excel
 * tables with vertically merged cells (built here with POI, from {@code handmade-list.tsv}: a list
 * in another style — 测评项目 merged down, an 上报材料 column, ❶❷ numbering), and bad input.
 */
class ImportTest {
    /** Copies of the project's seeds (src/test/resources/seeds/README.md), so the round trip runs on any clone. */
    static final Path SEEDS = Path.of("src/test/resources/seeds");

    static Importer.Result seed(String file, String id) throws Exception {
        Path p = SEEDS.resolve(file);
        assertTrue(Files.isRegularFile(p), "seed copy missing: " + p);
        DraftFiles.Read r = DraftFiles.read(p);
        return Importer.run(id, r.grids(), r.text(), file);
    }

    static Comparison.Result against(Importer.Result r, String set) throws Exception {
        return Comparison.compare(r.loaded(), RuleLoader.load(Path.of("rules/" + set + ".yaml")));
    }

    @Test
    void seed000ReproducesTheGanyuSet() throws Exception {
        Importer.Result r = seed("000_76814ffcdfadef56.txt", "ganyu-weijian-2020");
        Comparison.Result c = against(r, "ganyu-weijian-2020");
        assertEquals(47, c.total());
        assertTrue(c.identical() * 100 >= 95 * c.total(), c.identical() + "/" + c.total());
        // The two known differences, each explained in the README: an interpretation and a threshold in a 注.
        List<String> differ = c.lines().stream().filter(l -> !l.same()).map(l -> l.item() + " " + l.kind()).toList();
        assertEquals(List.of("III-35-2-1 report", "III-49-0-3 data_table"), differ);
        assertEquals(List.of(), c.extraItems());
        assertEquals(38, r.items());
        // same input, same bytes
        assertEquals(r.yaml(), seed("000_76814ffcdfadef56.txt", "ganyu-weijian-2020").yaml());
    }

    @Test
    void seed002ReproducesTheShifengSet() throws Exception {
        Importer.Result r = seed("002_de93829acf760f2d.txt", "shifeng-2017");
        Comparison.Result c = against(r, "shifeng-2017");
        assertEquals(16, c.total());
        assertEquals(16, c.identical(), c.lines().toString());
        assertEquals(14, r.items());
    }

    @Test
    void seed004YieldsItsNumericTargets() throws Exception {
        Importer.Result r = seed("004_09f407e52e7a0422.txt", "binhai-weisheng-2023");
        Comparison.Result c = against(r, "binhai-weisheng-2023");
        assertEquals(56, r.items());
        assertEquals(56, c.identical(), c.lines().toString());
        long withTargets = r.loaded().items().stream().filter(i -> !i.materials().get(0).targets().isEmpty()).count();
        assertEquals(46, withTargets);
    }

    /** The hand-made list's rows; a blank cell is a vertically merged one. */
    static List<String[]> handmade() throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (var in = ImportTest.class.getResourceAsStream("handmade-list.tsv")) {
            for (String l : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!l.isBlank()) rows.add(l.split("\t", -1));
            }
        }
        return rows;
    }

    static Path docx(Path dir) throws IOException {
        List<String[]> rows = handmade();
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.createParagraph().createRun().setText("\u7f51\u4e0a\u7533\u62a5\u4efb\u52a1");   // 网上申报任务
            XWPFTable t = doc.createTable(rows.size(), rows.get(0).length);
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < rows.get(0).length; c++) {
                    XWPFTableCell cell = t.getRow(r).getCell(c);
                    String v = c < rows.get(r).length ? rows.get(r)[c] : "";
                    boolean merged = r > 1 && v.isEmpty() && c != 3;
                    var pr = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
                    if (merged) {
                        pr.addNewVMerge().setVal(STMerge.CONTINUE);
                    } else {
                        if (r >= 1 && r + 1 < rows.size() && c != 3 && rows.get(r + 1)[c].isEmpty()) pr.addNewVMerge().setVal(STMerge.RESTART);
                        cell.setText(v);
                    }
                }
            }
            Path f = dir.resolve("list.docx");
            try (OutputStream out = Files.newOutputStream(f)) {
                doc.write(out);
            }
            return f;
        }
    }

    static Path xlsx(Path dir) throws IOException {
        List<String[]> rows = handmade();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XSSFSheet s = wb.createSheet();
            s.createRow(0).createCell(0).setCellValue("\u8d23\u4efb\u6e05\u5355");   // a title row above the header
            for (int r = 0; r < rows.size(); r++) {
                var row = s.createRow(r + 1);
                for (int c = 0; c < rows.get(r).length; c++) {
                    if (!rows.get(r)[c].isEmpty()) row.createCell(c).setCellValue(rows.get(r)[c]);
                }
            }
            // 测评项目 merged over every data row, 测评内容 over the Ⅲ-20 rows
            s.addMergedRegion(new CellRangeAddress(2, rows.size(), 0, 0));
            s.addMergedRegion(new CellRangeAddress(2, 4, 1, 1));
            Path f = dir.resolve("list.xlsx");
            try (OutputStream out = Files.newOutputStream(f)) {
                wb.write(out);
            }
            return f;
        }
    }

    static void handmadeList(Path file) throws Exception {
        DraftFiles.Read read = DraftFiles.read(file);
        Importer.Result r = Importer.run("handmade", read.grids(), read.text(), file.getFileName().toString());
        List<String> ids = r.loaded().items().stream().map(Model.Item::id).toList();
        assertEquals(List.of("III-20-1-1", "III-20-1-2", "III-20-2-1", "III-20-2-2", "III-21-0-1"), ids);
        Model.Item photos = r.loaded().item("III-20-2-1");
        // carried down: the merged 测评项目, 测评内容 and 测评标准 cells
        assertTrue(photos.indicator().startsWith("\u4e8c"), photos.indicator());
        assertTrue(photos.indicator().endsWith("\u5fd7\u613f\u670d\u52a1\u7ec4\u7ec7"), photos.indicator());
        assertEquals(r.loaded().item("III-20-2-2").standard(), photos.standard());
        Model.Material m = photos.materials().get(0);
        assertEquals(Model.Kind.PHOTOS, m.kind());
        assertEquals(Model.Each.CATEGORY, m.each());
        assertEquals(2, m.min());
        assertEquals(Model.Per.TWO_MONTHS, m.per());
        assertEquals(List.of(Model.CaptionField.TIME, Model.CaptionField.PLACE, Model.CaptionField.BENEFICIARY), m.caption());
        assertEquals(3, photos.categories().size());
        assertEquals(List.of(2021, 2022), photos.years());
        // the merged 牵头单位 of the second standard is carried to its ❷
        assertEquals(photos.leadDepartments(), r.loaded().item("III-20-2-2").leadDepartments());
        Model.Material report = r.loaded().item("III-20-2-2").materials().get(0);
        assertEquals(600, report.words());
        Model.Material table = r.loaded().item("III-20-1-2").materials().get(0);
        assertEquals(">=", table.targets().get(0).op());
        assertEquals(15.0, table.targets().get(0).value());
        // never silently dropped: the sentence with no material is an item with a doubt
        assertTrue(r.yaml().contains("id: \"III-21-0-1\""));
        assertTrue(r.draft().items.get(4).doubts.has("requirement"));
        assertTrue(r.yaml().contains(YamlOut.MARK));
    }

    @Test
    void aWordTableWithVerticallyMergedCells(@TempDir Path dir) throws Exception {
        handmadeList(docx(dir));
    }

    @Test
    void anExcelSheetWithMergedRegionsAndATitleRow(@TempDir Path dir) throws Exception {
        handmadeList(xlsx(dir));
    }

    @Test
    void theCommandWritesADraftThatLints(@TempDir Path dir) throws Exception {
        Path list = docx(dir);
        Path out = dir.resolve("draft.yaml");
        Cli.Run run = Cli.run("rules", "import", list.toString(), "--id", "handmade", "--output", out.toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("5 \u4e2a\u6761\u76ee"), run.out());   // 5 个条目
        assertEquals(0, Cli.run("rules", "lint", out.toString()).code());
        Cli.Run en = Cli.run("rules", "import", list.toString(), "--id", "handmade", "--lang", "en");
        assertEquals(0, en.code());
        assertTrue(en.out().startsWith("# evcheck rule set"), "YAML on stdout without --output");
        assertTrue(en.err().contains("5 items"), en.err());
        Cli.Run cmp = Cli.run("rules", "import", list.toString(), "--id", "handmade", "--output", out.toString(),
                "--compare", out.toString(), "--lang", "en");
        assertTrue(cmp.out().contains("5/5 materials identical (100.0%)"), cmp.out());
        // a built-in set by its id: every one of its materials is listed, those the draft lacks as such
        Cli.Run builtin = Cli.run("rules", "import", list.toString(), "--id", "handmade", "--output", out.toString(),
                "--compare", "shifeng-2017", "--lang", "en");
        assertEquals(0, builtin.code(), builtin.err());
        assertTrue(builtin.out().contains("/16 materials identical"), builtin.out());
        assertEquals(16, builtin.out().lines().filter(l -> l.startsWith("  ")).count(), builtin.out());
    }

    @Test
    void badInputIsSaidPlainly(@TempDir Path dir) throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.docx"));
        assertBad(2, empty);
        Path corrupt = Files.write(dir.resolve("corrupt.docx"), "PK\u0003\u0004 not really a zip".getBytes(StandardCharsets.ISO_8859_1));
        assertBad(3, corrupt);
        Path text = Files.writeString(dir.resolve("plain.txt"), "\u6ca1\u6709\u8868\u683c\u7684\u6587\u4ef6\u3002\n");
        assertBad(2, text);
        Path odd = Files.writeString(dir.resolve("list.pdf"), "%PDF-1.4");
        assertBad(2, odd);
        assertBad(3, dir.resolve("missing.docx"));
        Path xls = Files.write(dir.resolve("broken.xlsx"), new byte[]{1, 2, 3, 4});
        assertBad(3, xls);
        // a Word 97 document without a table: read through HWPF, and said to hold no requirement table
        Path doc = Files.copy(Path.of("src/test/resources/fixtures/report-2019.doc"), dir.resolve("notice.doc"));
        assertBad(2, doc);
    }

    @Test
    void aPasswordIsSaidAsSuch(@TempDir Path dir) throws Exception {
        for (Path plain : List.of(docx(dir), xlsx(dir))) {
            String name = plain.getFileName().toString();
            Path locked = dir.resolve("locked-" + name);
            try (org.apache.poi.poifs.filesystem.POIFSFileSystem fs = new org.apache.poi.poifs.filesystem.POIFSFileSystem()) {
                var info = new org.apache.poi.poifs.crypt.EncryptionInfo(org.apache.poi.poifs.crypt.EncryptionMode.agile);
                var enc = info.getEncryptor();
                enc.confirmPassword("secret");
                try (OutputStream os = enc.getDataStream(fs)) {
                    Files.copy(plain, os);
                }
                try (OutputStream out = Files.newOutputStream(locked)) {
                    fs.writeFilesystem(out);
                }
            }
            Cli.Run run = Cli.run("rules", "import", locked.toString(), "--id", "x", "--lang", "en");
            assertEquals(3, run.code(), run.err());
            assertTrue(run.err().contains("password-protected"), run.err());
        }
    }

    /**
     * Whatever a list holds, the import either drafts a rule set that loads or says it found no
     * table: cut and shuffled versions of the seeds' and the hand-made list's text (fixed seed).
     */
    @Test
    void damagedListsNeverGiveADraftThatDoesNotLoad() throws Exception {
        List<String> sources = new ArrayList<>();
        sources.add(String.join("\n", handmade().stream().map(r -> String.join("\t", r)).toList()));
        for (String f : List.of("000_76814ffcdfadef56.txt", "002_de93829acf760f2d.txt", "004_09f407e52e7a0422.txt")) {
            if (Files.isRegularFile(SEEDS.resolve(f))) sources.add(Files.readString(SEEDS.resolve(f)));
        }
        java.util.Random random = new java.util.Random(17);
        int drafts = 0;
        for (int i = 0; i < 120; i++) {
            String text = sources.get(i % sources.size());
            StringBuilder b = new StringBuilder(text);
            for (int k = 0; k < 1 + random.nextInt(8); k++) {
                int at = random.nextInt(b.length());
                int len = Math.min(b.length() - at, random.nextInt(400));
                switch (random.nextInt(3)) {
                    case 0 -> b.delete(at, at + len);
                    case 1 -> b.insert(random.nextInt(b.length()), b.substring(at, at + len));
                    default -> b.insert(at, new String[]{"\t", "\n", "\u2460", "1985\u5e74", "\u6bcf\u5b63\u5ea6", "\u3001"}[random.nextInt(6)]);
                }
            }
            try {
                Importer.Result r = Importer.text("fuzz", b.toString(), "fuzz.txt");
                assertEquals(r.items(), r.loaded().items().size());
                drafts++;
            } catch (Importer.NoTable e) {
                // said plainly by the command
            }
        }
        assertTrue(drafts > 40, "most damaged lists still hold a table: " + drafts);
    }

    private static void assertBad(int code, Path file) {
        Cli.Run run = Cli.run("rules", "import", file.toString(), "--id", "x");
        assertEquals(code, run.code(), file + ": " + run.err());
        assertTrue(run.err().startsWith("evcheck: "), run.err());
        assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), run.err());
    }
}
