package cn.evcheck;

import cn.evcheck.testkit.Cli;
import cn.evcheck.testkit.Docs;
import cn.evcheck.testkit.Jpegs;
import cn.evcheck.testkit.Pkg;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;

import static org.junit.jupiter.api.Assertions.*;

/** Fuzzed, truncated and mangled files: one finding each at most, never a crash. */
class MutatedFilesTest {
    @Test
    void mutationsNeverCrashTheRun(@TempDir Path tmp) throws Exception {
        byte[] docx = Docs.docx("关于志愿服务的说明", Docs.prose(300));
        byte[] doc;
        try (InputStream in = getClass().getResourceAsStream("/fixtures/report-2019.doc")) {
            doc = in.readAllBytes();
        }
        byte[] jpg = Jpegs.withMetadata(Jpegs.image(640, 480, 1, 0.8f), new Jpegs.Exif().date("2019:05:01 10:00:00"), null, null);
        Pkg p = new Pkg(tmp.resolve("pkg"));
        Random rnd = new Random(42);
        int n = 0;
        for (int seed = 0; seed < 12; seed++) {
            p.file("R-1/说明报告/fuzz" + seed + ".docx", mutate(docx, rnd, 1 + seed * 3));
            p.file("R-1/说明报告/fuzz" + seed + ".doc", mutate(doc, rnd, 1 + seed * 3));
            p.file("P-1/图片/2019-05-0" + (1 + seed % 9) + " fuzz" + seed + ".jpg", mutate(jpg, rnd, 1 + seed * 3));
            n += 3;
        }
        for (int cut : new int[]{10, 100, 1000, 3000}) {
            p.file("R-1/说明报告/cut" + cut + ".docx", Arrays.copyOf(docx, Math.min(cut, docx.length)));
            p.file("R-1/说明报告/cut" + cut + ".doc", Arrays.copyOf(doc, Math.min(cut, doc.length)));
            n += 2;
        }
        Path rules = tmp.resolve("r.yaml");
        Files.writeString(rules, """
                evcheck: 1
                id: fuzz
                period: {from: 2019-01-01, to: 2019-12-31}
                items:
                  - {id: R-1, materials: [{kind: report}]}
                  - {id: P-1, materials: [{kind: photos, min: 1, per: total}]}
                """);
        Cli.Run r = Cli.run("check", p.root().toString(), "--rules", rules.toString(), "--as-of", "2019-12-31", "--format", "json");
        assertTrue(r.code() == 0 || r.code() == 1, r.err());
        assertEquals("", r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        Map<String, Integer> perFile = new TreeMap<>();
        j.get("findings").forEach(f -> {
            if (!f.get("file").isNull() && !f.get("code").asText().equals("photo.duplicate")) {
                perFile.merge(f.get("file").asText(), 1, Integer::sum);
            }
        });
        perFile.forEach((file, count) -> assertTrue(count <= 1, file + " has " + count + " findings: " + j.get("findings")));
        assertEquals(n, j.get("summary").get("files").asInt());
    }

    static byte[] mutate(byte[] src, Random rnd, int flips) {
        byte[] b = src.clone();
        for (int i = 0; i < flips; i++) {
            int at = 16 + rnd.nextInt(b.length - 16);
            b[at] = (byte) rnd.nextInt(256);
        }
        return b;
    }
}
