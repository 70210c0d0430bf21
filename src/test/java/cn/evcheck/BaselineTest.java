package cn.evcheck;

import cn.evcheck.testkit.Cli;
import cn.evcheck.testkit.Docs;
import cn.evcheck.testkit.Jpegs;
import cn.evcheck.testkit.Pkg;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue 14 part 3: the nightly job's baseline. Night 1 writes it; overnight a unit fixes one gap and
 * breaks something else; night 2 reports exactly one new and one fixed finding, and
 * {@code --fail-on-new error} fails for the new one only.
 */
class BaselineTest {
    @TempDir
    Path tmp;

    static final String RULES = """
            evcheck: 1
            id: nightly
            period: {from: 2019-01-01, to: 2019-12-31}
            items:
              - id: A-1
                materials:
                  - {kind: photos, min: 1, per: month, caption: [time, place]}
                  - {kind: report, words: 300}
            """;

    private Pkg night1() {
        Pkg p = new Pkg(tmp.resolve("pkg"));
        for (int i = 0; i < 6; i++) {
            Jpegs.Exif e = new Jpegs.Exif();
            e.xpComment = "2019年" + (i + 1) + "月5日 在青口镇卫生院开展义诊";
            e.dateTimeOriginal = String.format(Locale.ROOT, "2019:%02d:05 10:00:00", i + 1);
            p.file("A-1/图片/p" + i + ".jpg", Jpegs.withMetadata(Jpegs.image(640, 480, i, 0.85f), e, null, null));
        }
        return p;
    }

    private Cli.Run check(Path pkg, String... more) throws Exception {
        Path rules = tmp.resolve("rules.yaml");
        Files.writeString(rules, RULES);
        // The office's waivers: one expired long ago, reported every night (and so never new).
        Path waivers = tmp.resolve("waivers.yaml");
        Files.writeString(waivers, "waivers:\n  - {code: photo.gps, reason: old, approved_by: Li, expires: 2019-01-31}\n");
        List<String> args = new ArrayList<>(List.of("check", pkg.toString(), "--rules", rules.toString(), "--as-of", "2019-12-31",
                "--lang", "en", "--no-cache", "--waivers", waivers.toString()));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void twoNightsOneNewOneFixed() throws Exception {
        Pkg p = night1();
        Path base = tmp.resolve("ci/baseline.json");
        Cli.Run first = check(p.root(), "--write-baseline", base.toString(), "--format", "json");
        assertEquals(1, first.code(), "night 1 has errors: " + first.err());
        assertTrue(Files.isRegularFile(base), "the baseline is written");
        JsonNode written = new ObjectMapper().readTree(base.toFile());
        assertEquals(new ObjectMapper().readTree(first.out()).path("findings").size(), written.path("findings").size());

        // Overnight: the report is written (a gap fixed) and an empty photo is dropped in (a new error).
        p.file("A-1/说明报告/r.docx", Docs.docx(Docs.prose(300)));
        p.file("A-1/图片/p7.jpg", new byte[0]);
        Cli.Run second = check(p.root(), "--baseline", base.toString(), "--fail-on-new", "error", "--format", "json");
        JsonNode r = new ObjectMapper().readTree(second.out());
        JsonNode b = r.path("baseline");
        assertEquals(1, b.path("new").asInt(), second.out());
        assertEquals(1, b.path("fixed").asInt(), second.out());
        List<String> fresh = new ArrayList<>();
        for (JsonNode f : r.path("findings")) if (f.path("baseline").asText().equals("new")) fresh.add(f.path("code").asText());
        assertEquals(List.of("file.empty"), fresh);
        assertEquals("A-1", b.path("fixed_findings").get(0).path("item").asText());
        boolean expired = false;
        for (JsonNode f : r.path("findings")) {
            if (f.path("code").asText().equals("waiver.expired")) {
                expired = true;
                assertEquals("unchanged", f.path("baseline").asText(), "reported both nights");
            }
        }
        assertTrue(expired, "the expired waiver is reported");
        assertEquals(1, second.code(), "a new error fails the night");

        // The text report says so at the top: one new, one fixed, the rest still there.
        Cli.Run text = check(p.root(), "--baseline", base.toString());
        assertTrue(text.out().contains("Since the last run (baseline " + base + "): 1 new, 1 fixed"), text.out());
        assertTrue(text.out().contains("  New:\n    ✗ [A-1] [A-1/"), text.out());

        // The next night starts from night 2; nothing changes: nothing new, exit 0 though errors remain.
        check(p.root(), "--write-baseline", base.toString());
        Cli.Run third = check(p.root(), "--baseline", base.toString(), "--fail-on-new", "error", "--format", "json");
        assertEquals(0, third.code(), third.err());
        assertEquals(0, new ObjectMapper().readTree(third.out()).path("baseline").path("new").asInt());
        assertEquals(1, check(p.root()).code(), "--fail-on still counts every error");
    }

    @Test
    void anEarlierJsonReportIsABaselineAndSarifSaysTheState() throws Exception {
        Pkg p = night1();
        Path out1 = tmp.resolve("night1");
        check(p.root(), "--format", "json", "--output", out1.toString());
        p.file("A-1/图片/p7.jpg", new byte[0]);
        Path out2 = tmp.resolve("night2");
        Cli.Run second = check(p.root(), "--baseline", out1.resolve("report.json").toString(), "--fail-on-new", "warning",
                "--format", "json,sarif,md,html", "--output", out2.toString());
        assertEquals(1, second.code());
        JsonNode r = new ObjectMapper().readTree(out2.resolve("report.json").toFile());
        assertEquals(1, r.path("baseline").path("new").asInt());
        assertEquals(0, r.path("baseline").path("fixed").asInt());
        JsonNode results = new ObjectMapper().readTree(out2.resolve("report.sarif").toFile()).path("runs").get(0).path("results");
        int fresh = 0;
        for (JsonNode res : results) {
            String state = res.path("baselineState").asText();
            assertTrue(state.equals("new") || state.equals("unchanged"), state);
            if (state.equals("new")) {
                fresh++;
                assertEquals("file.empty", res.path("ruleId").asText());
            }
        }
        assertEquals(1, fresh);
        String md = Files.readString(out2.resolve("report.md"));
        assertTrue(md.contains("## Since the last run") && md.contains(": 1 new, 0 fixed"), md);
        assertTrue(md.substring(md.indexOf("## Since the last run")).contains("`file.empty`"), md);
        String html = Files.readString(out2.resolve("report.html"));
        assertTrue(html.contains("<section class=\"since\" id=\"since\">") && html.contains("<ul class=\"new\">"), "html");
    }

    @Test
    void usageErrorsAndTheFirstNight() throws Exception {
        Pkg p = night1();
        Cli.Run noBase = check(p.root(), "--fail-on-new", "error");
        assertEquals(2, noBase.code(), "--fail-on-new without --baseline");
        Files.writeString(tmp.resolve("junk.json"), "{\"not\": \"a report\"}");
        Cli.Run junk = check(p.root(), "--baseline", tmp.resolve("junk.json").toString());
        assertEquals(2, junk.code());
        assertTrue(junk.err().contains("cannot read the baseline"), junk.err());
        Cli.Run inside = check(p.root(), "--write-baseline", p.root().resolve("b.json").toString());
        assertEquals(2, inside.code(), "never written into the package");
        assertFalse(Files.exists(p.root().resolve("b.json")));
        // The first night: no baseline yet, every finding is new (and says so).
        Cli.Run firstNight = check(p.root(), "--baseline", tmp.resolve("none.json").toString(), "--fail-on-new", "error");
        assertEquals(1, firstNight.code());
        assertTrue(firstNight.err().contains("every finding counts as new"), firstNight.err());
    }
}
