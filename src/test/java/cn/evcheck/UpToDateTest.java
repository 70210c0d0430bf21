package cn.evcheck;

import cn.evcheck.testkit.Cli;
import cn.evcheck.testkit.Docs;
import cn.evcheck.testkit.Jpegs;
import cn.evcheck.testkit.Pkg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue 13 part 4, the re-check: reports in the output folder that were made from the same files,
 * rules, date and options, and still have the bytes that run recorded, are left as they are; anything
 * they depend on that changes writes them again, as a run without the cache writes them.
 */
class UpToDateTest {
    @TempDir
    Path tmp;

    static final String RULES = """
            evcheck: 1
            id: up-to-date
            period: {from: 2019-01-01, to: 2019-12-31}
            items:
              - id: A-1
                materials:
                  - {kind: photos, min: 1, per: month, caption: [time, place]}
                  - {kind: report, words: 300}
            """;

    private static final FileTime LONG_AGO = FileTime.fromMillis(946_684_800_000L);   // 2000-01-01

    private Pkg pkg(Path root) {
        Pkg p = new Pkg(root);
        for (int i = 0; i < 3; i++) {
            Jpegs.Exif e = new Jpegs.Exif();
            e.xpComment = "2019\u5e74" + (i + 1) + "\u67085\u65e5 \u5728\u9752\u53e3\u9547\u536b\u751f\u9662\u5f00\u5c55\u4e49\u8bca";
            e.dateTimeOriginal = String.format(Locale.ROOT, "2019:%02d:05 10:00:00", i + 1);
            p.file("A-1/\u56fe\u7247/p" + i + ".jpg", Jpegs.withMetadata(Jpegs.image(320, 240, i, 0.85f), e, null, null));
        }
        p.file("A-1/\u8bf4\u660e\u62a5\u544a/\u60c5\u51b5\u8bf4\u660e.docx", Docs.docx(Docs.prose(300)));
        return p;
    }

    private Cli.Run check(Path pkg, String... more) throws Exception {
        Path rules = tmp.resolve("rules.yaml");
        Files.writeString(rules, RULES);
        List<String> args = new ArrayList<>(List.of("check", pkg.toString(), "--rules", rules.toString()));
        args.addAll(Arrays.asList(more));
        if (!args.contains("--as-of")) args.addAll(List.of("--as-of", "2019-12-31"));
        if (!args.contains("--lang")) args.addAll(List.of("--lang", "en"));
        return Cli.run(args.toArray(String[]::new));
    }

    /** Marks the folder's reports as written long ago: a report written again has a new time. */
    private static void age(Path out, String... names) throws Exception {
        for (String n : names) Files.setLastModifiedTime(out.resolve(n), LONG_AGO);
    }

    private static boolean rewritten(Path out, String name) throws Exception {
        return !Files.getLastModifiedTime(out.resolve(name)).equals(LONG_AGO);
    }

    private static final String LEFT = "its reports are current and were left as they are";

    @Test
    void reportsMadeFromTheSameInputsAreLeftAsTheyAre() throws Exception {
        Path pkg = pkg(tmp.resolve("pkg")).root();
        Path out = tmp.resolve("out");
        String cache = tmp.resolve("cache").toString();
        String[] opts = {"--format", "json,text,html", "--output", out.toString(), "--cache", cache};
        Cli.Run first = check(pkg, opts);
        assertEquals(1, first.code(), first.err());
        assertFalse(first.err().contains(LEFT), first.err());
        byte[] json = Files.readAllBytes(out.resolve("report.json"));
        String firstRun = Files.readString(out.resolve("run.json"));
        assertTrue(firstRun.contains("\"up_to_date\""), firstRun);
        age(out, "report.json", "report.txt", "report.html");

        Cli.Run second = check(pkg, opts);
        assertTrue(second.err().contains(LEFT), second.err());
        assertEquals(first.code(), second.code(), "the exit code is the one the findings decide");
        assertEquals(first.out(), second.out(), "the text report is printed as before");
        for (String n : List.of("report.json", "report.txt", "report.html")) assertFalse(rewritten(out, n), n);
        assertArrayEquals(json, Files.readAllBytes(out.resolve("report.json")));
        assertNotEquals(firstRun, Files.readString(out.resolve("run.json")), "run.json says when this run ran");
        assertTrue(Files.readString(out.resolve("run.json")).contains("\"up_to_date\""));

        // --fail-on decides the exit code from what was recorded, without writing the reports again.
        Cli.Run never = check(pkg, "--format", "json,text,html", "--output", out.toString(), "--cache", cache, "--fail-on", "never");
        assertEquals(0, never.code());
        assertTrue(never.err().contains(LEFT), never.err());
        Cli.Run info = check(pkg, "--format", "json,text,html", "--output", out.toString(), "--cache", cache, "--fail-on", "info");
        assertEquals(1, info.code());
        assertFalse(rewritten(out, "report.json"));

        // The same reports as a check without any cache writes.
        Path fresh = tmp.resolve("fresh");
        check(pkg, "--format", "json,text,html", "--output", fresh.toString(), "--no-cache");
        assertArrayEquals(Files.readAllBytes(fresh.resolve("report.json")), Files.readAllBytes(out.resolve("report.json")));
        assertFalse(Files.readString(fresh.resolve("run.json")).contains("up_to_date"), "nothing is recorded without a cache");
    }

    @Test
    void whatTheReportsDependOnWritesThemAgain() throws Exception {
        Path pkg = pkg(tmp.resolve("pkg")).root();
        Path out = tmp.resolve("out");
        String cache = tmp.resolve("cache").toString();
        String[] opts = {"--format", "json", "--output", out.toString(), "--cache", cache};
        check(pkg, opts);
        Path fresh = tmp.resolve("fresh");

        // A report changed or removed in the folder: written again, as it was.
        byte[] json = Files.readAllBytes(out.resolve("report.json"));
        Files.writeString(out.resolve("report.json"), "{}");
        Cli.Run tampered = check(pkg, opts);
        assertFalse(tampered.err().contains(LEFT), tampered.err());
        assertTrue(tampered.err().contains("the package is unchanged since an earlier run"), "its result was kept: " + tampered.err());
        assertArrayEquals(json, Files.readAllBytes(out.resolve("report.json")));
        Files.delete(out.resolve("report.json"));
        check(pkg, opts);
        assertArrayEquals(json, Files.readAllBytes(out.resolve("report.json")));

        // A run.json that is not one (a copy cut short): the reports are written again, no error.
        Files.writeString(out.resolve("run.json"), "{\"up_to_date\": {");
        age(out, "report.json");
        Cli.Run broken = check(pkg, opts);
        assertEquals(1, broken.code(), broken.err());
        assertTrue(rewritten(out, "report.json"));
        assertTrue(Files.readString(out.resolve("run.json")).contains("\"up_to_date\""));

        // Another baseline to compare with: the reports say what is new against it, so they are written again.
        Path baseline = tmp.resolve("baseline.json");
        Files.copy(out.resolve("report.json"), baseline);
        String[] withBaseline = {"--format", "json", "--output", out.toString(), "--cache", cache, "--baseline", baseline.toString()};
        check(pkg, withBaseline);
        age(out, "report.json");
        check(pkg, withBaseline);
        assertFalse(rewritten(out, "report.json"), "the same baseline");
        Path other = tmp.resolve("other");
        check(pkg, "--format", "json", "--output", other.toString(), "--no-cache", "--as-of", "2019-06-30");
        Files.copy(other.resolve("report.json"), baseline, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Cli.Run newBaseline = check(pkg, withBaseline);
        assertTrue(rewritten(out, "report.json"), newBaseline.err());
        check(pkg, opts);

        // Another language, grouping or date.
        age(out, "report.json");
        Cli.Run zh = check(pkg, "--format", "json", "--output", out.toString(), "--cache", cache, "--lang", "zh");
        assertTrue(rewritten(out, "report.json"), zh.err());
        age(out, "report.json");
        check(pkg, "--format", "json", "--output", out.toString(), "--cache", cache, "--lang", "zh", "--group-by", "department");
        assertTrue(rewritten(out, "report.json"));
        age(out, "report.json");
        check(pkg, "--format", "json", "--output", out.toString(), "--cache", cache, "--lang", "zh", "--group-by", "department");
        assertFalse(rewritten(out, "report.json"), "the same options again");
        check(pkg, "--format", "json", "--output", out.toString(), "--cache", cache, "--lang", "zh", "--group-by", "department",
                "--as-of", "2019-06-30");
        assertTrue(rewritten(out, "report.json"));

        // A photo changed: written again, as a check without the cache writes it.
        check(pkg, opts);
        age(out, "report.json");
        Path photo = pkg.resolve("A-1/\u56fe\u7247/p0.jpg");
        Files.write(photo, new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});
        Files.setLastModifiedTime(photo, FileTime.fromMillis(System.currentTimeMillis() + 5000));
        check(pkg, opts);
        assertTrue(rewritten(out, "report.json"));
        check(pkg, "--format", "json", "--output", fresh.toString(), "--no-cache");
        assertArrayEquals(Files.readAllBytes(fresh.resolve("report.json")), Files.readAllBytes(out.resolve("report.json")));
        assertTrue(Files.readString(out.resolve("report.json")).contains("photo.corrupt"));

        // A waiver added to the package's evcheck.yaml.
        age(out, "report.json");
        Files.writeString(pkg.resolve("evcheck.yaml"), """
                waivers:
                  - {code: photo.corrupt, reason: "\u8865\u62cd\u4e2d", approved_by: "\u5f20\u4e09", expires: 2099-01-01}
                """);
        Cli.Run waived = check(pkg, opts);
        assertTrue(rewritten(out, "report.json"), waived.err());
        check(pkg, "--format", "json", "--output", fresh.toString(), "--no-cache");
        assertArrayEquals(Files.readAllBytes(fresh.resolve("report.json")), Files.readAllBytes(out.resolve("report.json")));
    }

    @Test
    void aDriveOfUnitsIsLeftAsItIsOnlyWhenEveryUnitIsUnchanged() throws Exception {
        Path drive = tmp.resolve("drive");
        pkg(drive.resolve("unit-a"));
        pkg(drive.resolve("unit-b"));
        Path out = tmp.resolve("out");
        String cache = tmp.resolve("cache").toString();
        String[] opts = {"--by-unit", "--format", "json", "--output", out.toString(), "--cache", cache};
        Cli.Run first = check(drive, opts);
        age(out, "report.json");
        Cli.Run second = check(drive, opts);
        assertTrue(second.err().contains(LEFT), second.err());
        assertFalse(rewritten(out, "report.json"));
        assertEquals(first.code(), second.code());
        // A nightly job's log keeps its line per unit.
        for (String u : List.of("unit-a", "unit-b")) assertTrue(second.err().contains("evcheck: unit " + u + ": "), second.err());

        Path photo = drive.resolve("unit-b/A-1/\u56fe\u7247/p0.jpg");
        Files.write(photo, new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});
        Files.setLastModifiedTime(photo, FileTime.fromMillis(System.currentTimeMillis() + 5000));
        Cli.Run third = check(drive, opts);
        assertTrue(third.err().contains("1 of 2 units unchanged"), "the unit put aside is given its kept result: " + third.err());
        assertTrue(rewritten(out, "report.json"));
        Path fresh = tmp.resolve("fresh");
        check(drive, "--by-unit", "--format", "json", "--output", fresh.toString(), "--no-cache");
        assertArrayEquals(Files.readAllBytes(fresh.resolve("report.json")), Files.readAllBytes(out.resolve("report.json")));
    }
}
