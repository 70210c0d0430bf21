package cn.evcheck;

import cn.evcheck.testkit.Hostile;
import cn.evcheck.testkit.Pkg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * What the libraries log about a damaged file never reaches a clerk's terminal: PDFBox logs through
 * commons-logging, which hands it to the Log4j API (POI's), whose simple logger evcheck switches off.
 * Run as a clerk runs it, in a process of its own, on a PDF whose stream length is wrong: PDFBox
 * warns about it (shown first, with the simple logger at WARN), and evcheck's stderr has no such line.
 */
class QuietLibrariesTest {
    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {}

    private Run java(List<String> jvm, String main, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Devcheck.ocr=off", "-Dfile.encoding=UTF-8", "-Dsun.jnu.encoding=UTF-8"));
        cmd.addAll(jvm);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), main));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("LANG", "C.UTF-8");
        Path out = tmp.resolve("out-" + System.nanoTime() + ".txt");
        Path err = tmp.resolve("err-" + System.nanoTime() + ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(2, TimeUnit.MINUTES));
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    /** Loads the PDF named by the first argument with PDFBox, nothing else. */
    public static final class LoadPdf {
        public static void main(String[] args) throws Exception {
            try (var doc = org.apache.pdfbox.Loader.loadPDF(new java.io.File(args[0]))) {
                new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            }
        }
    }

    @Test
    void pdfboxWarningsAreNotPrinted() throws Exception {
        String content = "BT /F1 12 Tf 72 712 Td (Hello) Tj ET";
        // /Length says 37 bytes more than the stream holds: PDFBox reads it with a workaround, and warns.
        byte[] pdf = Hostile.pdf(List.of("<</Type/Catalog/Pages 2 0 R>>", "<</Type/Pages/Kids[3 0 R]/Count 1>>",
                "<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R>>",
                "<</Length " + (content.length() + 37) + ">>\nstream\n" + content + "\nendstream"), "");
        Pkg p = new Pkg(tmp.resolve("pkg"));
        p.file("R-1/\u6b63\u5f0f\u53d1\u6587/notice.pdf", pdf);   // 正式发文
        Path file = p.root().resolve("R-1/\u6b63\u5f0f\u53d1\u6587/notice.pdf");

        Run direct = java(List.of("-Dlog4j2.simplelogLevel=WARN"), LoadPdf.class.getName(), file.toString());
        assertEquals(0, direct.code(), direct.err());
        assertTrue(direct.err().contains("COSParser"), "PDFBox no longer warns about this file: " + direct.err());

        Path rules = tmp.resolve("rules.yaml");
        Files.writeString(rules, """
                evcheck: 1
                id: quiet
                period: {from: 2019-01-01, to: 2019-12-31}
                items:
                  - {id: R-1, materials: [{kind: formal_doc, min: 1}]}
                """);
        Run r = java(List.of(), "cn.evcheck.cli.Main", "check", p.root().toString(), "--rules", rules.toString(),
                "--as-of", "2019-12-31", "--no-cache", "--output", tmp.resolve("report").toString(), "--fail-on", "never");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().lines().allMatch(l -> l.startsWith("evcheck")), r.err());   // evcheck's own lines only
        assertTrue(Files.readString(tmp.resolve("report/report.txt"), StandardCharsets.UTF_8).contains("notice.pdf"));
    }
}
