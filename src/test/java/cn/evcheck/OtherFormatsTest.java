package cn.evcheck;

import cn.evcheck.testkit.Cli;
import cn.evcheck.testkit.Docs;
import cn.evcheck.testkit.Pkg;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Formats clerks send that the upload system does not take, each named for what it is (issue
 * 10 part 6): OFD files (built: root entry first or last) where photos, a report
 * or a formal document belong, an OFD renamed .pdf; a .docx saved as .wps or .doc, and a
 * workbook named .docx — which, both being ZIP files, once passed as a .docx.
 */
class OtherFormatsTest {
    static final String RULES = """
            evcheck: 1
            id: formats
            period: {from: 2019-01-01, to: 2019-12-31}
            defaults:
              document: {formats: [jpg, jpeg, pdf]}
            items:
              - {id: A-1, categories: [义诊], materials: [{kind: photos, each: category, min: 1, per: year}]}
              - {id: B-1, materials: [{kind: report, words: 300}]}
              - {id: B-2, materials: [{kind: report, words: 300}]}
              - {id: B-3, materials: [{kind: report, words: 300}]}
              - {id: B-4, materials: [{kind: report, words: 300}]}
              - {id: C-1, materials: [{kind: formal_doc}]}
            """;

    @Test
    void eachFileIsNamedForWhatItReallyIs(@TempDir Path tmp) throws Exception {
        byte[] hello = Docs.ofd("通知");
        byte[] suwell = Docs.ofd("关于开展义诊活动的通知", true);
        byte[] report = Docs.docx(Docs.prose(300));
        Path pkg = tmp.resolve("pkg");
        new Pkg(pkg).file("A-1/图片/义诊/2019-03-05 义诊.ofd", hello)
                .file("B-1/说明报告/情况说明.ofd", suwell)
                .file("B-2/说明报告/情况说明.wps", report)
                .file("B-3/说明报告/情况说明.doc", report)
                .file("B-4/说明报告/情况说明.docx", Docs.xlsx("指标", "数值"))
                .file("C-1/正式发文/通知.ofd", suwell)
                .file("C-1/正式发文/转发通知.pdf", hello)
                .file("C-1/通知.ofd", Docs.ofd("通知"));
        Path rules = tmp.resolve("rules.yaml");
        Files.writeString(rules, RULES);
        Map<String, String> before = Pkg.fingerprint(pkg);
        Cli.Run r = Cli.run("check", pkg.toString(), "--rules", rules.toString(), "--as-of", "2019-12-31", "--format", "json", "--quiet");
        assertEquals(1, r.code(), r.err());
        assertEquals(before, Pkg.fingerprint(pkg));
        Map<String, List<String>> byFile = new TreeMap<>();
        for (JsonNode f : new ObjectMapper().readTree(r.out()).get("findings")) {
            if (f.get("file").isNull()) continue;
            byFile.computeIfAbsent(f.get("file").asText(), k -> new ArrayList<>())
                    .add(f.get("code").asText() + ":" + f.get("severity").asText() + " " + f.get("message").asText());
        }
        String ofd = "OFD 版式文件，系统不接受，请另存为 PDF 或扫描为 JPG";
        assertEquals(List.of("photo.format:error 此文件是 OFD 版式文件，系统不接受，请另存为 PDF 或把图片转换为 JPG/JPEG"),
                byFile.get("A-1/图片/义诊/2019-03-05 义诊.ofd"));
        // Once read as a damaged .docx (a zip without word/document.xml).
        assertEquals(List.of("report.format:error 说明报告须为 WORD、WPS 或永中格式（doc/docx/wps/uof/uot），此文件是 OFD 版式文件，"
                + "系统不接受，请上传原 WORD/WPS 文件或另存为 docx"), byFile.get("B-1/说明报告/情况说明.ofd"));
        // Read and counted as the .docx it is; the name is the only thing wrong.
        assertEquals(List.of("file.type_mismatch:warning 扩展名为 .wps，实际内容是 Word 2007+ 文档（.docx），请把扩展名改为 .docx，或另存为真正的 .wps 格式"),
                byFile.get("B-2/说明报告/情况说明.wps"));
        assertEquals(List.of("file.type_mismatch:warning 扩展名为 .doc，实际内容是 Word 2007+ 文档（.docx），请把扩展名改为 .docx，或另存为真正的 .doc 格式"),
                byFile.get("B-3/说明报告/情况说明.doc"));
        assertEquals(List.of("file.type_mismatch:warning 扩展名为 .docx，实际内容是 Excel 2007+ 表格（.xlsx），请用正确的格式另存",
                        "report.format:error 说明报告须为 WORD、WPS 或永中格式（doc/docx/wps/uof/uot），此文件是 Excel 2007+ 表格（.xlsx），请另存为 docx"),
                sorted(byFile.get("B-4/说明报告/情况说明.docx")));
        assertEquals(List.of("doc.format:error 正式发文须为 JPG/JPEG/PDF 格式（扫描件），此文件是 " + ofd), byFile.get("C-1/正式发文/通知.ofd"));
        // Filed as a document, an OFD named .pdf is said once, by doc.format.
        assertEquals(List.of("doc.format:error 正式发文须为 JPG/JPEG/PDF 格式（扫描件），此文件是 " + ofd),
                sorted(byFile.get("C-1/正式发文/转发通知.pdf")));
        // Outside a role folder an OFD is taken for the document it is meant to be, not left unassigned.
        assertEquals(List.of("doc.format:error 正式发文须为 JPG/JPEG/PDF 格式（扫描件），此文件是 " + ofd), byFile.get("C-1/通知.ofd"));
        assertFalse(r.out().contains("ZIP"), "no file is called a ZIP");
    }

    private static List<String> sorted(List<String> l) {
        assertNotNull(l);
        return l.stream().sorted().toList();
    }
}
