package cn.evcheck.inspect;

import cn.evcheck.testkit.Scans;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tesseract in process ({@link TesseractLib}) reads what the command line reads, image for image, so
 * that which of the two ran never changes a finding. Tagged {@code ocr}: skipped where Tesseract,
 * chi_sim or its library is missing.
 */
@Tag("ocr")
class OcrEngineTest {
    // 连云港市赣榆区卫生健康委员会文件, 赣卫〔2020〕44号, 机密★1年
    static final String AUTHORITY = "\u8fde\u4e91\u6e2f\u5e02\u8d63\u6986\u533a\u536b\u751f\u5065\u5eb7\u59d4\u5458\u4f1a\u6587\u4ef6";
    static final String NUMBER = "\u8d63\u536b\u3014" + "2020\u3015" + "44\u53f7";
    static final String SECRET = "\u673a\u5bc6\u2605" + "1\u5e74";

    @Test
    void theLibraryReadsWhatTheCommandLineReads() {
        assumeTrue(Ocr.available() && TesseractLib.available(), "SKIPPED: Tesseract's library with chi_sim is not loadable here, or OCR is off");
        BufferedImage page = Scans.classifiedRedHeaderPage(31, AUTHORITY, NUMBER, SECRET);
        ScanDetector.Analysis a = ScanDetector.analysis(page);
        BufferedImage top = page.getSubimage(0, 0, page.getWidth(), page.getHeight() / 3);
        String bands = HeaderBands.read(page, a);   // the path inspection takes: stacked grey bands, psm 6
        for (int round = 0; round < 2; round++) {   // an engine reused gives the same text again
            for (int psm : new int[]{3, 6}) {
                String lib = TesseractLib.read(top, psm);
                assertNotNull(lib);
                assertEquals(Ocr.command(top, psm), Ocr.joinHan(lib), "psm " + psm);
            }
        }
        assertTrue(DocNumbers.find(bands) != null && DocNumbers.find(bands).suggestion().equals(NUMBER), bands);
        assertTrue(bands.contains("\u673a\u5bc6"), bands);
    }

    /**
     * An engine learns nothing from an image that changes what it reads in the next: a page read
     * after other pages (other numbers and marks) gives the text it gave first, on every engine.
     */
    @Test
    void whatAnEngineReadsDoesNotDependOnWhatItReadBefore() {
        assumeTrue(Ocr.available() && TesseractLib.available(), "SKIPPED: Tesseract's library with chi_sim is not loadable here, or OCR is off");
        BufferedImage first = Scans.classifiedRedHeaderPage(31, AUTHORITY, NUMBER, SECRET);
        BufferedImage top = first.getSubimage(0, 0, first.getWidth(), first.getHeight() / 3);
        String before = TesseractLib.read(top, 6);
        for (int i = 0; i < 3; i++) {
            BufferedImage other = Scans.classifiedRedHeaderPage(40 + i, AUTHORITY, "\u8d63\u536b\u3014" + "2019\u3015" + (7 + i) + "\u53f7", SECRET);
            assertNotNull(TesseractLib.read(other.getSubimage(0, 0, other.getWidth(), other.getHeight() / 3), 6));
        }
        assertEquals(before, TesseractLib.read(top, 6));
    }

    /** Engines are pooled: readers on three threads at once, more than the engines allowed, each get the command line's text. */
    @Test
    void concurrentReadersShareThePoolOfEngines() throws Exception {
        assumeTrue(Ocr.available() && TesseractLib.available(), "SKIPPED: Tesseract's library with chi_sim is not loadable here, or OCR is off");
        BufferedImage page = Scans.classifiedRedHeaderPage(31, AUTHORITY, NUMBER, SECRET);
        BufferedImage top = page.getSubimage(0, 0, page.getWidth(), page.getHeight() / 3);
        String expected = Ocr.command(top, 6);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            java.util.List<java.util.concurrent.Future<String>> reads = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) reads.add(pool.submit(() -> Ocr.joinHan(TesseractLib.read(top, 6))));
            for (var r : reads) assertEquals(expected, r.get(120, java.util.concurrent.TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
        assertTrue(TesseractLib.enginesMade() <= TesseractLib.maxEngines(), TesseractLib.enginesMade() + " engines");
    }
}
