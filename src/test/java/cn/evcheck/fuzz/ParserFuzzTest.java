package cn.evcheck.fuzz;

import cn.evcheck.inspect.CaptionParser;
import cn.evcheck.inspect.CaptionSheet;
import cn.evcheck.inspect.DocFacts;
import cn.evcheck.inspect.DocInspector;
import cn.evcheck.inspect.DocNumbers;
import cn.evcheck.inspect.DocxReader;
import cn.evcheck.inspect.Facts;
import cn.evcheck.inspect.FuzzHooks;
import cn.evcheck.inspect.JpegInspector;
import cn.evcheck.inspect.PdfFacts;
import cn.evcheck.inspect.PdfInspector;
import cn.evcheck.inspect.PhotoFacts;
import cn.evcheck.inspect.SecrecyMarks;
import cn.evcheck.inspect.Sheets;
import cn.evcheck.inspect.TextFacts;
import cn.evcheck.inspect.Word97Reader;
import cn.evcheck.inspect.WordCounter;
import cn.evcheck.rules.Model.RuleSet;
import cn.evcheck.rules.PackageConfig;
import cn.evcheck.rules.RuleException;
import cn.evcheck.rules.RuleLoader;
import cn.evcheck.scan.FileEntry;
import cn.evcheck.scan.FileType;
import cn.evcheck.scan.ZipDirectory;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Coverage-guided fuzz targets (Jazzer) for every parser entry point evcheck owns (issue 12 part 6).
 * Each target hands the fuzzer's bytes to the real entry point and asserts its contract: it returns
 * facts (or throws only what its signature declares and documents, such as {@link RuleException}),
 * and it does not hang (the {@link Timeout} becomes Jazzer's per-input timeout when fuzzing). Any
 * other exception, an {@link Error} or a timeout is a finding.
 *
 * <p>Without {@code JAZZER_FUZZ} (as in {@code ./mvnw verify}) each target runs once per committed
 * seed under {@code src/test/resources/cn/evcheck/fuzz/ParserFuzzTestInputs/<method>/} (seeds made
 * by {@link FuzzSeeds}, crashers the fuzzer found); README "Fuzzing" has the command that fuzzes one
 * target. Inputs are the file bytes as they are ({@link FuzzedDataProvider#consumeRemainingAsBytes()}),
 * text targets decode them as UTF-8, so a seed is an ordinary file.
 */
@Timeout(30)
class ParserFuzzTest {
    private static Path dir;

    @BeforeAll
    static void tempDir() throws IOException {
        // Regression mode (./mvnw verify) runs the seeds without Jazzer's bug-detector hooks: weaving
        // them into every class the parsers load costs about 40 s, the seeds themselves 3 s. Fuzzing
        // (JAZZER_FUZZ set) keeps them. Read by Jazzer as a JUnit configuration parameter, after this.
        if (System.getenv("JAZZER_FUZZ") == null || System.getenv("JAZZER_FUZZ").isEmpty()) {
            System.setProperty("jazzer.hooks", System.getProperty("jazzer.hooks", "false"));
        }
        dir = Files.createTempDirectory("evcheck-fuzz");
    }

    @AfterAll
    static void cleanUp() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    /** The bytes as one file under the temp folder, for entry points that read a path. */
    private static Path file(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    private static String text(FuzzedDataProvider data) {
        return new String(data.consumeRemainingAsBytes(), StandardCharsets.UTF_8);
    }

    /** Type sniffing as the scanner does it: the first 1 KiB, then a ZIP's central directory. */
    @FuzzTest
    void sniff(FuzzedDataProvider data) throws IOException {
        byte[] bytes = data.consumeRemainingAsBytes();
        byte[] head = Arrays.copyOf(bytes, 1024);
        int n = Math.min(bytes.length, head.length);
        FileType type = FileType.sniff(head, n);
        assertNotNull(type);
        assertEquals(n == 0, type == FileType.EMPTY);
        if (type == FileType.ZIP) {
            try (java.nio.channels.SeekableByteChannel ch = java.nio.file.Files.newByteChannel(file("sniff.bin", bytes))) {
                FileType refined = ZipDirectory.classify(ch);
                assertTrue(refined.isZip(), refined::name);
            }
        }
    }

    /** A photo: structure, metadata captions, EXIF date, GPS, and the perceptual hash from decoded pixels. */
    @FuzzTest
    void jpeg(FuzzedDataProvider data) {
        byte[] bytes = data.consumeRemainingAsBytes();
        PhotoFacts f = JpegInspector.inspect(bytes, true, true);
        assertNotNull(f);
        assertTrue(f.width() >= 0 && f.height() >= 0, f::toString);
        assertNotNull(f.captions());
        assertNotNull(f.fingerprint(), "a file held whole has its fingerprint");
    }

    /** A PDF of photos: pages, their images and text layer, hashes of the largest images. */
    @FuzzTest
    void pdfPages(FuzzedDataProvider data) {
        PdfFacts f = PdfInspector.pages(data.consumeRemainingAsBytes(), true);
        assertNotNull(f);
        if (f.problem() == null) assertEquals(f.pageCount(), f.pages().size());
        else assertTrue(f.pages().isEmpty(), f::toString);
    }

    /** A PDF document: text layer, first and last page rendered and analysed; OCR and marks off. */
    @FuzzTest
    void pdfDocument(FuzzedDataProvider data) {
        DocFacts f = DocInspector.pdf(data.consumeRemainingAsBytes(), false, false);
        assertNotNull(f);
        if (f.problem() == null) assertTrue(f.pages() > 0, f::toString);
    }

    @FuzzTest
    void docx(FuzzedDataProvider data) {
        textFacts(DocxReader.read(data.consumeRemainingAsBytes()));
    }

    @FuzzTest
    void word97(FuzzedDataProvider data) {
        textFacts(Word97Reader.read(data.consumeRemainingAsBytes(), "doc"));
    }

    @FuzzTest
    void uof(FuzzedDataProvider data) {
        textFacts(FuzzHooks.uofXml(data.consumeRemainingAsBytes()));
    }

    private static void textFacts(TextFacts t) {
        assertNotNull(t);
        assertNotNull(t.status());
        assertNotNull(t.counts());
        if (t.status() != TextFacts.Status.OK) assertFalse(t.detail().isEmpty(), t::toString);
    }

    @FuzzTest
    void wordCount(FuzzedDataProvider data) {
        String s = text(data);
        WordCounter.Counts c = WordCounter.count(s);
        assertTrue(c.words() >= 0 && c.han() >= 0 && c.han() <= c.nonSpaceChars() && c.nonSpaceChars() <= s.length(), c::toString);
    }

    @FuzzTest
    void caption(FuzzedDataProvider data) {
        String s = text(data);
        CaptionParser.Parsed p = CaptionParser.parse(s);
        assertNotNull(p);
        assertNotNull(p.fields());
        CaptionParser.isTrivial(s);
    }

    @FuzzTest
    void docNumber(FuzzedDataProvider data) {
        String s = text(data);
        DocNumbers.Found f = DocNumbers.find(s);
        if (f != null) {
            assertTrue(s.contains(f.text()), f::toString);
            assertTrue(f.suggestion().endsWith("号"), f::toString);
        }
    }

    @FuzzTest
    void secrecyMarks(FuzzedDataProvider data) {
        String s = text(data);
        SecrecyMarks.find(s, 6);
        SecrecyMarks.findOcr(s, DocFacts.TOP_LINES);
        SecrecyMarks.inName(s);
    }

    /** CSV rows (a caption sidecar or a data sheet): rows or an IOException, then both interpretations. */
    @FuzzTest
    void csv(FuzzedDataProvider data) {
        List<String[]> rows;
        try {
            rows = FuzzHooks.csv(data.consumeRemainingAsBytes());
        } catch (IOException e) {
            return;
        }
        assertNotNull(CaptionSheet.of(rows));
        assertNotNull(Sheets.of(rows));
    }

    /**
     * A table file as the inspector reads it ({@code SheetReader}): .xlsx, .xls or .csv by its sniffed
     * type, as a caption sidecar and as a data sheet; always facts.
     */
    @FuzzTest
    void sheet(FuzzedDataProvider data) throws IOException {
        byte[] bytes = data.consumeRemainingAsBytes();
        FileType type = FileType.sniff(Arrays.copyOf(bytes, 1024), Math.min(bytes.length, 1024));
        String ext = type.isZip() ? "xlsx" : type == FileType.OLE2 ? "xls" : "csv";
        if (type == FileType.ZIP) type = FileType.XLSX;
        Path p = file("图片说明." + ext, bytes);
        FileEntry f = new FileEntry(p, p.getFileName().toString(), p.getFileName().toString(), ext, bytes.length, type,
                null, null, null, null, List.of());
        Facts captions = FuzzHooks.sheet(f, true);
        assertNotNull(captions);
        assertTrue(captions.refused() != null || captions.captions() != null, captions::toString);
        Facts sheet = FuzzHooks.sheet(f, false);
        assertNotNull(sheet);
        assertTrue(sheet.refused() != null || sheet.sheet() != null, sheet::toString);
    }

    /** A rule file: a rule set or a {@link RuleException}, nothing else. */
    @FuzzTest
    void rules(FuzzedDataProvider data) {
        try {
            RuleSet rs = RuleLoader.load(data.consumeRemainingAsBytes(), "fuzz.yaml", "fuzz.yaml");
            assertNotNull(rs);
        } catch (RuleException e) {
            assertNotNull(e.render(false));
        }
    }

    /** A package's evcheck.yaml: a config or a {@link RuleException}, nothing else. */
    @FuzzTest
    void packageConfig(FuzzedDataProvider data) throws IOException {
        file("evcheck.yaml", data.consumeRemainingAsBytes());
        try {
            assertNotNull(PackageConfig.load(dir));
        } catch (RuleException e) {
            assertNotNull(e.render(false));
        }
    }
}
