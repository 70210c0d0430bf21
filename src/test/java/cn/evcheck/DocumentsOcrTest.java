package cn.evcheck;

import cn.evcheck.inspect.Ocr;
import cn.evcheck.testkit.Cli;
import cn.evcheck.testkit.Pkg;
import cn.evcheck.testkit.Scans;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Scans read with real OCR. Tagged {@code ocr}: run by the {@code ocr-tests} Surefire execution, where
 * OCR is detected, not by the default one, which pins it off; skipped where Tesseract or chi_sim is missing.
 */
@Tag("ocr")
class DocumentsOcrTest {
    @TempDir
    static Path tmp;

    @Test
    void ocrReadsTheNumberAndTheSecrecyMarkOnAScan() throws Exception {
        assumeTrue(Ocr.available(), "SKIPPED: Tesseract with the chi_sim model is not installed, or OCR is turned off "
                + "(EVCHECK_OCR / -Devcheck.ocr=off); Debian: apt-get install tesseract-ocr tesseract-ocr-chi-sim (.ci/run does)");
        Pkg p = new Pkg(tmp.resolve("ocr"));
        p.file("A-1/正式发文/扫描件.jpg", DocumentsTest.jpg(Scans.redHeaderPage(11, "连云港市赣榆区卫生健康委员会文件", "赣卫〔2020〕44号", true, Scans.RED, 0, 2)));
        p.file("A-2/正式发文/扫描件.jpg", DocumentsTest.jpg(Scans.classifiedRedHeaderPage(12, "连云港市赣榆区卫生健康委员会文件", "赣卫〔2020〕47号", "机密★1年")));
        Path rules = tmp.resolve("rules-ocr.yaml");
        Files.writeString(rules, DocumentsTest.RULES);
        Cli.Run r = Cli.run("check", p.root().toString(), "--rules", rules.toString(), "--as-of", "2020-12-31", "--format", "json");
        JsonNode j = new ObjectMapper().readTree(r.out());
        Set<String> codes = new TreeSet<>();
        j.get("findings").forEach(f -> codes.add(f.get("code").asText() + "|" + f.get("item").asText()));
        assertFalse(codes.contains("doc.number_missing|A-1"), codes.toString());
        assertTrue(codes.contains("secret.marking|A-2"), codes.toString());
        assertEquals("", r.err(), "no 'OCR is not installed' note when OCR ran");
    }

    /** Issue 11: a classified attachment inside a scanned PDF carries its mark at the top of its own page. */
    @Test
    void ocrFindsASecrecyMarkAtTheTopOfALaterPageOfAScannedPdf() throws Exception {
        assumeTrue(Ocr.available(), "SKIPPED: Tesseract with the chi_sim model is not installed, or OCR is turned off");
        Pkg p = new Pkg(tmp.resolve("ocr-pages"));
        p.file("A-1/正式发文/通知及附件.pdf", DocumentsOneByOneTest.pdf(
                Scans.redHeaderPage(21, "连云港市赣榆区卫生健康委员会文件", "赣卫〔2020〕44号", true, Scans.RED, 0, 2),
                Scans.plainTextPage(22),
                Scans.classifiedRedHeaderPage(23, "连云港市赣榆区卫生健康委员会文件", "赣卫〔2020〕47号", "机密★1年")));
        Path rules = tmp.resolve("rules-ocr-pages.yaml");
        Files.writeString(rules, DocumentsTest.RULES);
        Cli.Run r = Cli.run("check", p.root().toString(), "--rules", rules.toString(), "--as-of", "2020-12-31", "--format", "json");
        JsonNode j = new ObjectMapper().readTree(r.out());
        JsonNode mark = null;
        for (JsonNode f : j.get("findings")) if (f.get("code").asText().equals("secret.marking")) mark = f;
        assertTrue(mark != null, j.get("findings").toString());
        assertEquals("第3页，文字识别", mark.get("data").get("found_in").asText());
    }
}
