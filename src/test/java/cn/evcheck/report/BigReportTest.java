package cn.evcheck.report;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue 12 part 4: reports of any size. 60,000 findings rendered as Excel and HTML in a JVM with a
 * 160 MB heap — the in-memory workbook ran out of memory at 30–40 k findings in a much larger one.
 */
class BigReportTest {
    static final int FINDINGS = 60_000;

    @Test
    void sixtyThousandFindingsFitInASmallHeap(@TempDir Path out) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-Xmx160m", "-Devcheck.ocr=off", "-cp", System.getProperty("java.class.path"),
                BigReportMain.class.getName(), String.valueOf(FINDINGS), out.toString()))
                .redirectErrorStream(true).redirectOutput(out.resolve("log.txt").toFile()).start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the render finished");
        String log = Files.readString(out.resolve("log.txt"));
        assertEquals(0, p.exitValue(), log);
        assertFalse(log.contains("OutOfMemoryError"), log);

        int rows = 0;
        try (InputStream in = Files.newInputStream(out.resolve("report.xlsx"));
             ZipArchiveInputStream zip = new ZipArchiveInputStream(in, "UTF-8", true, true)) {
            for (ZipArchiveEntry e; (e = zip.getNextEntry()) != null; ) {
                if (!e.getName().equals("xl/worksheets/sheet1.xml")) continue;
                String xml = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                for (int i = xml.indexOf("<row "); i >= 0; i = xml.indexOf("<row ", i + 1)) rows++;
            }
        }
        assertTrue(rows > FINDINGS, "every finding is a row of 缺口清单: " + rows);

        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.length() < 3_000_000, "the page lists at most " + HtmlRenderer.ROWS_PER_CODE
                + " findings of one code per item: " + html.length() + " chars");
        var m = Pattern.compile("data-n=\"(\\d+)\"><td class=\"sev\">[^<]*</td><td class=\"msg\">…另有 (\\d+) 条同类问题")
                .matcher(html);
        assertTrue(m.find(), "the rest are one row with their count");
        assertEquals(m.group(1), m.group(2), "the row carries its count for the page's tallies");
        assertTrue(Integer.parseInt(m.group(2)) >= FINDINGS - HtmlRenderer.ROWS_PER_CODE, m.group(2));
    }
}
