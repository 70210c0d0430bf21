package cn.evcheck;

import cn.evcheck.testkit.Cli;
import cn.evcheck.testkit.Jpegs;
import cn.evcheck.testkit.Pkg;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Issue 14 part 4: waivers with a justification; expired and unused ones are reported. */
class WaiversTest {
    @TempDir
    Path tmp;

    static final String RULES = """
            evcheck: 1
            id: waive
            period: {from: 2019-01-01, to: 2019-12-31}
            items:
              - id: A-1
                materials:
                  - {kind: photos, min: 1, per: year}
                  - {kind: report, words: 300}
            """;

    private Pkg pkg(String yaml) throws Exception {
        Pkg p = new Pkg(tmp.resolve("pkg"));
        Jpegs.Exif e = new Jpegs.Exif();
        e.dateTimeOriginal = "2019:03:05 10:00:00";
        p.file("A-1/p.jpg", Jpegs.withMetadata(Jpegs.image(1600, 1200, 3, 0.85f), e, null, null));
        Files.writeString(tmp.resolve("rules.yaml"), RULES);
        p.file("evcheck.yaml", ("rules: " + tmp.resolve("rules.yaml") + "\nas_of: 2019-12-31\n" + yaml).getBytes(StandardCharsets.UTF_8));
        return p;
    }

    private static List<JsonNode> findings(Cli.Run r, String code) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode f : new ObjectMapper().readTree(r.out()).path("findings")) if (f.path("code").asText().equals(code)) out.add(f);
        return out;
    }

    @Test
    void aWaivedFindingIsShownWithItsReasonAndDoesNotFailTheRun() throws Exception {
        Pkg p = pkg("");
        Cli.Run plain = Cli.run("check", p.root().toString(), "--format", "json", "--lang", "en", "--no-cache");
        assertEquals(1, plain.code(), "the missing report is an error");
        List<JsonNode> missing = new ArrayList<>();
        for (JsonNode f : new ObjectMapper().readTree(plain.out()).path("findings")) {
            if (f.path("severity").asText().equals("error")) missing.add(f);
        }
        assertEquals(1, missing.size(), plain.out());
        String code = missing.get(0).path("code").asText();

        p = pkg("waivers:\n  - code: " + code + "\n    item: A-1\n    reason: report filed on paper with the assessor\n"
                + "    approved_by: Wang\n    expires: 2099-12-31\n");
        Cli.Run waived = Cli.run("check", p.root().toString(), "--format", "json", "--lang", "en", "--no-cache");
        assertEquals(0, waived.code(), "a waived error does not fail the run: " + waived.out());
        JsonNode f = findings(waived, code).get(0);
        assertEquals("report filed on paper with the assessor", f.path("data").path("waived").path("reason").asText());
        assertTrue(f.path("message").asText().endsWith("(waived: report filed on paper with the assessor; approved by Wang, until 2099-12-31)"),
                f.path("message").asText());
        assertEquals("error", f.path("severity").asText(), "its severity stays");
        assertEquals(1, new ObjectMapper().readTree(waived.out()).path("summary").path("waived").asInt());

        Path out = tmp.resolve("out");
        Cli.run("check", p.root().toString(), "--format", "sarif", "--output", out.toString(), "--lang", "en", "--no-cache");
        String sarif = Files.readString(out.resolve("report.sarif"));
        assertTrue(sarif.contains("\"suppressions\"") && sarif.contains("\"kind\" : \"external\""), "SARIF says it is suppressed");
    }

    @Test
    void expiredAndUnusedWaiversAreFindings() throws Exception {
        Pkg p = pkg("waivers:\n"
                + "  - {code: report.*, item: A-1, reason: late, approved_by: Li, expires: 2020-01-01}\n"
                + "  - {code: photo.gps, reason: nothing of the sort, approved_by: Li, expires: 2099-01-01}\n");
        Cli.Run r = Cli.run("check", p.root().toString(), "--format", "json", "--lang", "en", "--no-cache");
        assertEquals(1, r.code(), "an expired waiver waives nothing");
        List<JsonNode> expired = findings(r, "waiver.expired");
        assertEquals(1, expired.size(), r.out());
        assertTrue(expired.get(0).path("message").asText().contains("expired on 2020-01-01"), expired.get(0).toString());
        assertTrue(expired.get(0).path("data").path("waiver").asText().equals("evcheck.yaml:4"), expired.get(0).toString());
        assertEquals(1, findings(r, "waiver.unused").size(), r.out());
    }

    @Test
    void waiversAreLintedWithTheirPlaceAndMayComeFromAFile() throws Exception {
        Pkg p = pkg("waivers:\n  - code: report.missing\n    reason: x\n    expires: 2099-01-01\n");
        Cli.Run bad = Cli.run("check", p.root().toString(), "--lang", "en", "--no-cache");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("evcheck.yaml:4:5") && bad.err().contains("approved_by"), bad.err());
        Pkg q = pkg("");
        Path file = tmp.resolve("waivers.yaml");
        Files.writeString(file, "waivers:\n  - code: photo.gps\n    reason: x\n    approved_by: y\n    expires: 2099-01-01\n    colour: red\n");
        Cli.Run typo = Cli.run("check", q.root().toString(), "--waivers", file.toString(), "--lang", "en", "--no-cache");
        assertEquals(2, typo.code());
        assertTrue(typo.err().contains("waivers.yaml:6:5") && typo.err().contains("unknown key 'colour'"), typo.err());
        Cli.Run lint = Cli.run("rules", "lint", file.toString(), "--lang", "en");
        assertEquals(2, lint.code(), "rules lint lints a waivers file too");
        assertTrue(lint.err().contains("waivers.yaml:6:5"), lint.err());
        Files.writeString(file, "waivers:\n  - {code: photo.gps, reason: x, approved_by: y, expires: 2099-01-01}\n");
        Cli.Run ok = Cli.run("check", q.root().toString(), "--waivers", file.toString(), "--format", "json", "--lang", "en", "--no-cache");
        assertEquals(1, findings(ok, "waiver.unused").size(), ok.out());
    }
}
