package cn.evcheck;

import cn.evcheck.testkit.Cli;
import cn.evcheck.testkit.Docs;
import cn.evcheck.testkit.Hostile;
import cn.evcheck.testkit.Jpegs;
import cn.evcheck.testkit.Pkg;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.pdfbox.Loader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue 9: files that used to abort the run — a PDF encrypted for certificate holders (PDFBox
 * throws NoClassDefFoundError for BouncyCastle), a PDF nested 200,000 arrays deep (stack
 * overflow), caption sheets of 250,000 rows as .csv and .xlsx — are one clear finding each while
 * the rest of the package is checked, whatever the thread count.
 */
class HostileFilesTest {
    @TempDir
    static Path tmp;
    static Path pkg;
    static Path rules;

    static final String PUBLIC_KEY_PDF = "D-1/正式发文/公钥加密.pdf";
    static final String NESTED_PDF = "D-2/正式发文/深层嵌套.pdf";
    static final String CSV_SIDECAR = "P-1/图片/图片说明.csv";
    static final String XLSX_SIDECAR = "P-2/图片/图片说明.xlsx";
    static final String PUBLIC_KEY_PHOTO_PDF = "P-3/图片/合并图片.pdf";

    @BeforeAll
    static void build() throws Exception {
        byte[] publicKey = Hostile.publicKeyEncryptedPdf();
        // The fixture is what it claims to be: PDFBox reaches for BouncyCastle, which is not there.
        Error e = assertThrows(NoClassDefFoundError.class, () -> Loader.loadPDF(publicKey).close());
        assertTrue(e.getMessage().contains("bouncycastle"), e.getMessage());

        Pkg p = new Pkg(tmp.resolve("pkg"));
        p.file(PUBLIC_KEY_PDF, publicKey);
        p.file(NESTED_PDF, Hostile.deeplyNestedPdf(200_000));
        p.file(CSV_SIDECAR, Hostile.captionCsv(250_000));
        p.file("P-1/图片/2019-05-01 义诊.jpg", Jpegs.image(640, 480, 1, 0.8f));
        p.file(XLSX_SIDECAR, Hostile.captionXlsx(250_000));
        p.file("P-2/图片/2019-05-02 宣传.jpg", Jpegs.image(640, 480, 2, 0.8f));
        p.file(PUBLIC_KEY_PHOTO_PDF, publicKey);
        p.file("P-3/图片/2019-05-03 培训.jpg", Jpegs.image(640, 480, 3, 0.8f));
        p.file("R-1/说明报告/情况说明.docx", Docs.docx("关于志愿服务的说明", Docs.prose(300)));
        pkg = p.root();
        rules = tmp.resolve("rules.yaml");
        Files.writeString(rules, """
                evcheck: 1
                id: hostile
                period: {from: 2019-01-01, to: 2019-12-31}
                items:
                  - {id: D-1, materials: [{kind: formal_doc}]}
                  - {id: D-2, materials: [{kind: formal_doc}]}
                  - {id: P-1, materials: [{kind: photos, min: 1, per: total}]}
                  - {id: P-2, materials: [{kind: photos, min: 1, per: total}]}
                  - {id: P-3, materials: [{kind: photos, min: 1, per: total}]}
                  - {id: R-1, materials: [{kind: report, words: 300}]}
                """);
    }

    static Cli.Run check(int threads) {
        return Cli.run("check", pkg.toString(), "--rules", rules.toString(), "--as-of", "2019-12-31", "--format", "json",
                "--threads", String.valueOf(threads));
    }

    @ParameterizedTest(name = "--threads {0}")
    @ValueSource(ints = {1, 2})
    void eachHostileFileIsOneFindingAndTheRestIsChecked(int threads) throws Exception {
        Cli.Run r = check(threads);
        assertEquals(1, r.code(), r.err());
        assertEquals("", r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        Map<String, List<JsonNode>> byFile = new TreeMap<>();
        for (JsonNode f : j.get("findings")) {
            if (!f.get("file").isNull()) byFile.computeIfAbsent(f.get("file").asText(), k -> new ArrayList<>()).add(f);
        }
        assertEquals(Set.of(PUBLIC_KEY_PDF, NESTED_PDF, CSV_SIDECAR, XLSX_SIDECAR, PUBLIC_KEY_PHOTO_PDF), byFile.keySet(),
                j.get("findings").toString());
        byFile.forEach((file, fs) -> assertEquals(1, fs.size(), file + ": " + fs));
        assertEquals("doc.encrypted", code(byFile, PUBLIC_KEY_PDF));
        assertEquals("doc.encrypted", code(byFile, PUBLIC_KEY_PHOTO_PDF));
        assertEquals("file.too_complex", code(byFile, NESTED_PDF));
        assertTrue(reason(byFile, NESTED_PDF).contains("stack overflow"), reason(byFile, NESTED_PDF));
        for (String sidecar : List.of(CSV_SIDECAR, XLSX_SIDECAR)) {
            assertEquals("file.too_complex", code(byFile, sidecar));
            assertTrue(reason(byFile, sidecar).contains("more than 100000 rows"), reason(byFile, sidecar));
        }
        // The rest of the package is checked as usual.
        Map<String, String> status = new TreeMap<>();
        j.get("items").forEach(i -> status.put(i.get("id").asText(), i.get("status").asText()));
        assertEquals("complete", status.get("P-1"), status.toString());
        assertEquals("complete", status.get("P-2"), status.toString());
        assertEquals("complete", status.get("R-1"), status.toString());
        // P-3 is incomplete by its encrypted PDF alone: its photo counts.
        Set<String> counted = new TreeSet<>();
        j.get("photos").forEach(ph -> {
            if (ph.get("counted").asBoolean()) counted.add(ph.get("file").asText());
        });
        assertEquals(Set.of("P-1/图片/2019-05-01 义诊.jpg", "P-2/图片/2019-05-02 宣传.jpg", "P-3/图片/2019-05-03 培训.jpg"), counted);
        assertEquals(7, j.get("summary").get("files").asInt(), "files, not counting the two caption sheets");
    }

    @Test
    void theReportDoesNotDependOnTheThreadCount() {
        Cli.Run one = check(1);
        Cli.Run two = check(2);
        assertEquals(one.code(), two.code());
        assertEquals(one.out(), two.out());
    }

    private static String code(Map<String, List<JsonNode>> byFile, String file) {
        return byFile.get(file).get(0).get("code").asText();
    }

    private static String reason(Map<String, List<JsonNode>> byFile, String file) {
        return byFile.get(file).get(0).get("data").path("reason").asText();
    }
}
