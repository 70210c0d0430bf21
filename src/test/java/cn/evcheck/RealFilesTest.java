package cn.evcheck;

import cn.evcheck.testkit.Cli;
import cn.evcheck.testkit.Lookalikes;
import cn.evcheck.testkit.Pkg;
import cn.evcheck.testkit.Scans;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.record.FilePassRecord;
import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Files of the kinds that evcheck once judged wrongly on real public test corpora (POI, PDFBox,
 * easyexcel): a sound Chinese workbook reported damaged, password-protected workbooks reported
 * damaged, a fuzzed .doc whose finding changed with the thread count, a sound JBIG2 scan reported
 * damaged. The files are built here; the real ones are not committed (files brought in with the
 * library's fetch tool stay out of commits). They can still be measured locally: with
 * {@code -Devcheck.realFiles=DIR}, {@link #localRealFiles} checks every file under DIR (see the
 * fixtures README).
 */
class RealFilesTest {
    static final String RULES = """
            evcheck: 1
            id: real
            period: {from: 2019-01-01, to: 2019-12-31}
            defaults:
              document: {formats: [jpg, jpeg, pdf]}
            items:
              - {id: B-1, materials: [{kind: report, words: 300}]}
              - {id: B-2, materials: [{kind: report, words: 300}]}
              - {id: B-3, materials: [{kind: report, words: 300}]}
              - {id: B-4, materials: [{kind: report, words: 300}]}
              - {id: B-5, materials: [{kind: report, words: 300}]}
              - {id: B-6, materials: [{kind: report, words: 300}]}
              - {id: C-1, materials: [{kind: formal_doc}]}
              - {id: C-2, materials: [{kind: formal_doc}]}
              - {id: E-1, materials: [{kind: data_table}]}
              - {id: E-2, materials: [{kind: data_table}]}
              - {id: E-3, materials: [{kind: data_table}]}
              - {id: E-4, materials: [{kind: data_table}]}
            """;

    static final String DATE_XLSX = "E-1/数据表格/中文日期.xlsx";
    static final String DATE_XLS = "E-4/数据表格/中文日期.xls";
    static final String RC4_XLS = "E-2/数据表格/password.xls";
    static final String XOR_XLS = "E-3/数据表格/xor-encryption-abc.xls";
    static final String JBIG2_PDF = "C-1/正式发文/JBIG2扫描.pdf";
    static final String BAD_JBIG2_PDF = "C-2/正式发文/JBIG2损坏.pdf";
    static final String TABLE_DIR_DOC = "B-1/说明报告/fuzz.doc";
    /** Hostile Word 97 files: each is one report.unparseable naming the file, never a crash or a hang. */
    static final Map<String, byte[]> HOSTILE_DOCS = new TreeMap<>();

    @TempDir
    static Path tmp;
    static Path pkg;
    static Path rules;
    static JsonNode report;
    static Map<String, List<JsonNode>> byFile;
    static BufferedImage scan;

    @BeforeAll
    static void build() throws Exception {
        byte[] doc;
        try (InputStream in = RealFilesTest.class.getResourceAsStream("/fixtures/report-2019.doc")) {
            doc = in.readAllBytes();
        }
        HOSTILE_DOCS.put(TABLE_DIR_DOC, tableStreamIsADirectory(doc));
        HOSTILE_DOCS.put("B-2/说明报告/缺表.doc", Lookalikes.rebuildOle2(doc, s -> {
            s.remove("1Table");
            return s;
        }));
        HOSTILE_DOCS.put("B-3/说明报告/FIB截断.doc", Lookalikes.rebuildOle2(doc, s -> {
            s.put("WordDocument", Arrays.copyOf(s.get("WordDocument"), 100));
            return s;
        }));
        HOSTILE_DOCS.put("B-4/说明报告/片段表超出.doc", withFib(doc, CLX_OFFSET, 0x7FFF_FFF0, 0x10));
        HOSTILE_DOCS.put("B-5/说明报告/正文长度失真.doc", withFib(doc, CCP_TEXT_OFFSET, 0x7FFF_FFFF));
        HOSTILE_DOCS.put("B-6/说明报告/随机表.doc", Lookalikes.rebuildOle2(doc, s -> {
            byte[] junk = new byte[s.get("1Table").length];
            new Random(10).nextBytes(junk);
            s.put("1Table", junk);
            return s;
        }));

        scan = Scans.plainTextPage(7);
        byte[] badJbig2 = Lookalikes.jbig2(scan);
        // Keep the segments' headers (page information: 11 + 19 bytes; generic region: 11, then 17 of region
        // information and 1 of flags), garble the MMR data after them: the image cannot be decoded.
        for (int i = 11 + 19 + 11 + 18; i < badJbig2.length; i++) badJbig2[i] = (byte) (i * 37);

        Pkg p = new Pkg(tmp.resolve("pkg"));
        HOSTILE_DOCS.forEach(p::file);
        p.file(JBIG2_PDF, Lookalikes.jbig2Pdf(scan))
                .file(BAD_JBIG2_PDF, Lookalikes.imagePdf(badJbig2, COSName.JBIG2_DECODE, scan.getWidth(), scan.getHeight()))
                .file(DATE_XLSX, Lookalikes.chineseDateWorkbook(true))
                .file(DATE_XLS, Lookalikes.chineseDateWorkbook(false))
                .file(RC4_XLS, Lookalikes.encryptedXls("pass", false))
                .file(XOR_XLS, Lookalikes.encryptedXls("abc", true));
        pkg = p.root();
        rules = tmp.resolve("rules.yaml");
        Files.writeString(rules, RULES);
        String one = json(pkg, rules, "1", true);
        assertEquals(one, json(pkg, rules, "2", true), "the report must not depend on the thread count");
        report = new ObjectMapper().readTree(one);
        byFile = new TreeMap<>();
        for (JsonNode f : report.get("findings")) {
            if (!f.get("file").isNull()) byFile.computeIfAbsent(f.get("file").asText(), k -> new ArrayList<>()).add(f);
        }
    }

    /** The OSS-Fuzz case: the FIB names the table stream 1Table, but 1Table is a storage (directory). */
    static byte[] tableStreamIsADirectory(byte[] doc) {
        return Lookalikes.rebuildOle2(doc, s -> {
            s.remove("1Table");
            s.put("1Table/", new byte[0]);
            return s;
        });
    }

    /** FibRgFcLcb97 fcClx (pair 33 after the 154 bytes before it) and FibRgLw97 ccpText (fourth long after byte 64). */
    static final int CLX_OFFSET = 154 + 33 * 8;
    static final int CCP_TEXT_OFFSET = 64 + 3 * 4;

    /** {@code doc} with little-endian ints written into its FIB from {@code offset}. */
    static byte[] withFib(byte[] doc, int offset, int... values) {
        return Lookalikes.rebuildOle2(doc, s -> {
            byte[] wd = s.get("WordDocument").clone();
            ByteBuffer b = ByteBuffer.wrap(wd).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < values.length; i++) b.putInt(offset + 4 * i, values[i]);
            s.put("WordDocument", wd);
            return s;
        });
    }

    @Test
    void theFibOffsetsAreWhereHwpfReadsThem() throws Exception {
        byte[] doc;
        try (InputStream in = RealFilesTest.class.getResourceAsStream("/fixtures/report-2019.doc")) {
            doc = in.readAllBytes();
        }
        byte[] wd = Lookalikes.ole2Streams(doc).get("WordDocument");
        ByteBuffer b = ByteBuffer.wrap(wd).order(ByteOrder.LITTLE_ENDIAN);
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(doc)); HWPFDocument d = new HWPFDocument(fs.getRoot())) {
            var fib = d.getFileInformationBlock();
            assertEquals(fib.getFcClx(), b.getInt(CLX_OFFSET));
            assertEquals(fib.getLcbClx(), b.getInt(CLX_OFFSET + 4));
            assertEquals(fib.getSubdocumentTextStreamLength(org.apache.poi.hwpf.model.SubdocumentType.MAIN), b.getInt(CCP_TEXT_OFFSET));
            assertTrue(fib.getFibBase().isFWhichTblStm(), "the table stream is 1Table");
        }
        // Rebuilding the container unchanged keeps the document readable: the hostile ones differ only where meant.
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(Lookalikes.rebuildOle2(doc, s -> s)));
             HWPFDocument d = new HWPFDocument(fs.getRoot())) {
            assertTrue(d.getRange().text().contains("关爱空巢老人"), d.getRange().text());
        }
    }

    @Test
    void chineseDateFormatsDoNotMakeAWorkbookUnreadable() {
        // Excel's own Chinese date format ([DBNum1][$-804]yyyy"年"m"月"d"日") does not make the workbook
        // unreadable (file.unreadable) nor hide its 指标 and 数值 columns (data.unverifiable): it is a sound
        // data table, whose only finding is the one every spreadsheet filed as a data table has (no seal).
        assertEquals(List.of("doc.seal_missing"), codes(DATE_XLSX));
        assertEquals(List.of("doc.seal_missing"), codes(DATE_XLS));
    }

    @Test
    void passwordProtectedAndXorObfuscatedWorkbooksAreEncryptedNotDamagedNorMisnamed() {
        assertEquals(List.of("doc.encrypted"), codes(RC4_XLS));
        assertEquals(List.of("doc.encrypted"), codes(XOR_XLS));
    }

    @Test
    void theEncryptedWorkbooksAreWhatTheyClaim() throws Exception {
        for (boolean xor : new boolean[]{false, true}) {
            String password = xor ? "abc" : "pass";
            byte[] xls = Lookalikes.encryptedXls(password, xor);
            assertThrows(EncryptedDocumentException.class, () -> new HSSFWorkbook(new ByteArrayInputStream(xls)).close());
            Biff8EncryptionKey.setCurrentUserPassword(password);
            try (HSSFWorkbook wb = new HSSFWorkbook(new ByteArrayInputStream(xls))) {
                FilePassRecord fpr = (FilePassRecord) wb.getInternalWorkbook().findFirstRecordBySid(FilePassRecord.sid);
                assertEquals(xor ? EncryptionMode.xor : EncryptionMode.cryptoAPI, fpr.getEncryptionInfo().getEncryptionMode());
                assertEquals("指标", wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue());
            } finally {
                Biff8EncryptionKey.setCurrentUserPassword(null);
            }
        }
    }

    @Test
    void aJbig2ScanIsAPageEvcheckLooksAt() {
        // A JBIG2 scan is a page evcheck can look at, not a damaged file: it is judged as a
        // black-and-white scan (which needs the page's pixels).
        List<String> codes = codes(JBIG2_PDF);
        assertFalse(codes.contains("doc.format"), codes.toString());
        assertTrue(codes.contains("doc.greyscale"), codes.toString());
        // The same page with its JBIG2 data garbled is one clear finding: so doc.format is what
        // evcheck says of a page it cannot decode, and the sound one was decoded.
        assertEquals(List.of("doc.format"), codes(BAD_JBIG2_PDF));
    }

    @Test
    void theJbig2StreamDecodesToThePageItWasMadeFrom() throws Exception {
        BufferedImage bw = Lookalikes.bilevel(scan);
        try (PDDocument d = Loader.loadPDF(Lookalikes.jbig2Pdf(scan))) {
            PDImageXObject image = null;
            for (COSName n : d.getPage(0).getResources().getXObjectNames()) image = (PDImageXObject) d.getPage(0).getResources().getXObject(n);
            assertNotNull(image);
            assertEquals(List.of(COSName.JBIG2_DECODE), image.getStream().getFilters());
            BufferedImage decoded = image.getImage();
            assertEquals(bw.getWidth(), decoded.getWidth());
            assertEquals(bw.getHeight(), decoded.getHeight());
            int black = 0;
            for (int y = 0; y < bw.getHeight(); y++) {
                for (int x = 0; x < bw.getWidth(); x++) {
                    boolean want = (bw.getRGB(x, y) & 0xFFFFFF) == 0;
                    if (want) black++;
                    assertEquals(want, (decoded.getRGB(x, y) & 0xFFFFFF) == 0, "pixel " + x + "," + y);
                }
            }
            assertTrue(black > 1000, "the page has text: " + black + " black pixels");
        }
    }

    @Test
    void hostileWord97FilesAreOneClearFindingEach() {
        for (String file : HOSTILE_DOCS.keySet()) {
            assertEquals(List.of("report.unparseable"), codes(file), file);
            String reason = byFile.get(file).get(0).get("data").path("reason").asText();
            assertFalse(reason.isBlank(), file);
        }
        // The fuzzer's case: POI names the storage it found; the words carry no Java object identity.
        String reason = byFile.get(TABLE_DIR_DOC).get(0).get("data").path("reason").asText();
        assertTrue(reason.contains("1Table") && reason.contains("DirectoryNode"), reason);
        for (JsonNode f : report.get("findings")) assertFalse(f.get("message").asText().matches(".*@[0-9a-f]{5,}.*"), f.toString());
    }

    /**
     * Real public files, measured locally and never committed: {@code -Devcheck.realFiles=DIR}
     * checks every file under DIR, each as the only file of its own item (.doc/.docx/.wps/.txt as
     * a report, .xls/.xlsx/.et/.csv as a data table, anything else as a formal document). The run
     * must end normally with the same report for 1 and 2 threads and no Java object identity in
     * a message; an optional {@code expect.tsv} in DIR (file path relative to DIR, a tab, then
     * {@code code,code} for exactly those findings or {@code !code} for never that one) pins
     * verdicts. The findings per file are printed.
     */
    @Test
    void localRealFiles(@TempDir Path work) throws Exception {
        String dir = System.getProperty("evcheck.realFiles");
        assumeTrue(dir != null && !dir.isBlank(), "no -Devcheck.realFiles=DIR given: real files are measured locally only");
        Path root = Path.of(dir).toAbsolutePath();
        assertTrue(Files.isDirectory(root), root + " is not a directory");
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().equals("expect.tsv")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no files under " + root);
        Pkg p = new Pkg(work.resolve("pkg"));
        StringBuilder items = new StringBuilder();
        Map<String, String> placed = new TreeMap<>();
        for (int i = 0; i < files.size(); i++) {
            Path f = files.get(i);
            String name = f.getFileName().toString();
            String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
            String id = String.format("F-%04d", i + 1);
            String kind;
            String folder;
            if (Set.of("doc", "docx", "wps", "txt").contains(ext)) {
                kind = "{kind: report, words: 300}";
                folder = "说明报告";
            } else if (Set.of("xls", "xlsx", "et", "csv").contains(ext)) {
                kind = "{kind: data_table}";
                folder = "数据表格";
            } else {
                kind = "{kind: formal_doc}";
                folder = "正式发文";
            }
            String rel = id + "/" + folder + "/" + name;
            p.file(rel, Files.readAllBytes(f));
            placed.put(rel, root.relativize(f).toString().replace('\\', '/'));
            items.append("  - {id: ").append(id).append(", materials: [").append(kind).append("]}\n");
        }
        Path rulesFile = work.resolve("rules.yaml");
        Files.writeString(rulesFile, RULES.substring(0, RULES.indexOf("items:")) + "items:\n" + items);
        String one = json(p.root(), rulesFile, "1", false);
        assertEquals(one, json(p.root(), rulesFile, "2", false), "the report must not depend on the thread count");
        JsonNode j = new ObjectMapper().readTree(one);
        Map<String, List<String>> found = new TreeMap<>();
        placed.values().forEach(v -> found.put(v, new ArrayList<>()));
        for (JsonNode f : j.get("findings")) {
            assertFalse(f.get("message").asText().matches(".*@[0-9a-f]{5,}.*"), f.toString());
            if (!f.get("file").isNull()) found.get(placed.get(f.get("file").asText())).add(f.get("code").asText());
        }
        found.forEach((file, codes) -> System.out.println("real file\t" + file + "\t" + String.join(",", codes)));
        Path expect = root.resolve("expect.tsv");
        if (!Files.exists(expect)) return;
        List<String> failures = new ArrayList<>();
        for (String line : Files.readAllLines(expect)) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] cols = line.split("\t", -1);
            assertEquals(2, cols.length, "expect.tsv: file<TAB>codes or !code: " + line);
            List<String> got = found.get(cols[0]);
            if (got == null) {
                failures.add(cols[0] + ": no such file under " + root);
            } else if (cols[1].startsWith("!")) {
                if (got.contains(cols[1].substring(1))) failures.add(cols[0] + ": " + got + " has " + cols[1].substring(1));
            } else if (!got.equals(cols[1].isBlank() ? List.of() : List.of(cols[1].split(",")))) {
                failures.add(cols[0] + ": " + got + ", expected " + cols[1]);
            }
        }
        assertEquals(List.of(), failures);
    }

    private List<String> codes(String file) {
        return byFile.getOrDefault(file, List.of()).stream().map(f -> f.get("code").asText()).toList();
    }

    /** The JSON report; the run ends with exit 1 (findings) when {@code findings}, else with 0 or 1. */
    private static String json(Path pkg, Path rules, String threads, boolean findings) {
        Cli.Run r = Cli.run("check", pkg.toString(), "--rules", rules.toString(), "--as-of", "2019-12-31", "--format", "json",
                "--threads", threads, "--quiet");
        if (findings) assertEquals(1, r.code(), r.err());
        else assertTrue(r.code() == 0 || r.code() == 1, "exit " + r.code() + ": " + r.err());
        assertEquals("", r.err());
        return r.out();
    }
}
