package cn.evcheck;

import cn.evcheck.testkit.Cli;
import cn.evcheck.testkit.Jpegs;
import cn.evcheck.testkit.MarkedDocs;
import cn.evcheck.testkit.Pkg;
import cn.evcheck.testkit.Scans;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 10 part 4, end to end: where a rule asks for a 相关正式发文 ({@code marked: true}), a Word
 * notice with the relevant work highlighted and commented passes, the same notice unmarked is a
 * warning, and a colour scan with nothing coloured on it is a note that marks cannot be judged.
 */
class MarkedDocumentsTest {
    @Test
    void relatedDocumentsMustCarryTheirMarks(@TempDir Path tmp) throws Exception {
        Pkg p = new Pkg(tmp.resolve("pkg"));
        p.file("M-1/正式发文/关于开展关爱空巢老人志愿服务的通知.docx", MarkedDocs.markedNotice());
        p.file("M-2/正式发文/关于开展关爱空巢老人志愿服务的通知.docx", MarkedDocs.docx(b -> b.plain("赣卫〔2020〕44号")
                .plain("关于开展关爱空巢老人志愿服务活动的通知").plain("各单位：广泛开展关爱空巢老人志愿服务活动。")));
        p.file("M-3/正式发文/赣卫〔2020〕45号.jpg", Jpegs.encode(Scans.redHeaderPage(1, "连云港市赣榆区卫生健康委员会文件",
                "赣卫〔2020〕45号", true, Scans.RED, 0, 0), 0.8f));
        Path rules = tmp.resolve("rules.yaml");
        Files.writeString(rules, """
                evcheck: 1
                id: marked
                period: {from: 2020-01-01, to: 2020-12-31}
                defaults: {document: {formats: [jpg, jpeg, pdf, docx], formal_doc: {proof: none, number: false}}}
                items:
                  - {id: M-1, materials: [{kind: formal_doc, marked: true}]}
                  - {id: M-2, materials: [{kind: formal_doc, marked: true}]}
                  - {id: M-3, materials: [{kind: formal_doc, marked: true}]}
                """);
        Cli.Run r = Cli.run("check", p.root().toString(), "--rules", rules.toString(), "--as-of", "2020-12-31", "--format", "json");
        JsonNode report = new ObjectMapper().readTree(r.out());
        Set<String> got = new TreeSet<>();
        for (JsonNode f : report.get("findings")) {
            if (f.get("code").asText().equals("doc.unmarked")) got.add(f.get("item").asText() + " " + f.get("severity").asText());
        }
        assertEquals(Set.of("M-2 warning", "M-3 info"), got);
        Map<String, String> marks = new HashMap<>();
        report.get("documents").forEach(d -> marks.put(d.get("item").asText(), d.get("marks").asText()));
        assertEquals(Map.of("M-1", "marked", "M-2", "none", "M-3", "not_judgeable"), marks);
    }
}
