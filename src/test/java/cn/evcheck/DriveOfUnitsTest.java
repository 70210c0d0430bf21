package cn.evcheck;

import cn.evcheck.testkit.Cli;
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

/** Issue 14 part 1: a drive of units as the campaign office's nightly job sees it. */
class DriveOfUnitsTest {
    @TempDir
    Path tmp;

    static final String RULES = """
            evcheck: 1
            id: drive
            period: {from: 2019-01-01, to: 2019-12-31}
            items:
              - id: A-1
                materials:
                  - {kind: photos, min: 1, per: month}
            """;

    private Path rules() throws Exception {
        Path r = tmp.resolve("rules.yaml");
        Files.writeString(r, RULES);
        return r;
    }

    private void unit(Pkg drive, String folder, String yaml) throws Exception {
        Jpegs.Exif e = new Jpegs.Exif();
        e.dateTimeOriginal = "2019:01:05 10:00:00";
        drive.file(folder + "/A-1/p.jpg", Jpegs.withMetadata(Jpegs.image(320, 240, folder.hashCode(), 0.85f), e, null, null));
        if (yaml != null) drive.file(folder + "/evcheck.yaml", yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private JsonNode json(Cli.Run r) throws Exception {
        return new ObjectMapper().readTree(r.out());
    }

    private static List<String> units(JsonNode report) {
        List<String> names = new ArrayList<>();
        for (JsonNode u : report.path("units")) names.add(u.path("name").asText());
        return names;
    }

    private static List<String> codes(JsonNode report, String unit) {
        List<String> out = new ArrayList<>();
        for (JsonNode f : report.path("findings")) if (f.path("unit").asText().equals(unit)) out.add(f.path("code").asText());
        return out;
    }

    private Cli.Run check(Path drive, String... more) {
        List<String> args = new ArrayList<>(List.of("check", drive.toString(), "--by-unit", "--format", "json", "--lang", "en", "--no-cache"));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    /** No evcheck.yaml at the drive's root: each unit's names its rules, and its own as_of counts. */
    @Test
    void eachUnitsOwnRulesAndDateAreHonoured() throws Exception {
        Path r = rules();
        Pkg drive = new Pkg(tmp.resolve("drive"));
        unit(drive, "early", "rules: " + r + "\nas_of: 2019-03-31\n");
        unit(drive, "late", "rules: " + r + "\nas_of: 2019-12-31\n");
        Cli.Run run = check(drive.root(), "--fail-on", "never");
        assertEquals(0, run.code(), run.err());
        JsonNode rep = json(run);
        assertEquals(List.of("early", "late"), units(rep));
        List<String> early = periods(rep, "early");
        List<String> late = periods(rep, "late");
        assertFalse(early.isEmpty(), "the early unit has gaps");
        assertTrue(early.stream().allMatch(p -> p.compareTo("2019-03") <= 0), "nothing after its as_of: " + early);
        assertTrue(late.stream().anyMatch(p -> p.compareTo("2019-07") >= 0), "the late unit is counted to December: " + late);
    }

    private static List<String> periods(JsonNode report, String unit) {
        List<String> out = new ArrayList<>();
        for (JsonNode f : report.path("findings")) {
            if (f.path("unit").asText().equals(unit) && f.path("code").asText().equals("coverage.gap")) out.add(f.path("period").asText());
        }
        return out;
    }

    /** A copied folder that keeps its unit: name, and a unit: that is not the folder's name. */
    @Test
    void twoFoldersClaimingOneUnitAndAMismatchedNameAreFindings() throws Exception {
        Path r = rules();
        Pkg drive = new Pkg(tmp.resolve("drive"));
        unit(drive, "hospital-a", "unit: hospital-a\n");
        unit(drive, "hospital-a (copy)", "unit: hospital-a\n");
        unit(drive, "clinic-c", "unit: clinic-d\n");
        JsonNode rep = json(check(drive.root(), "--rules", r.toString(), "--as-of", "2019-12-31"));
        int duplicates = 0;
        for (JsonNode f : rep.path("findings")) {
            if (f.path("code").asText().equals("unit.duplicate")) {
                duplicates++;
                assertEquals("hospital-a", f.path("unit").asText());
                assertEquals("error", f.path("severity").asText());
            }
        }
        assertEquals(2, duplicates, "each of the two folders says so");
        assertTrue(codes(rep, "clinic-d").contains("unit.name_mismatch"), codes(rep, "clinic-d").toString());
        assertFalse(codes(rep, "hospital-a").contains("unit.name_mismatch"), "a folder whose name holds the unit's is fine");
    }

    /** System folders are never units; the drive's evcheck.yaml excludes folders, or lists the units. */
    @Test
    void foldersThatAreNotUnitsAreLeftOut() throws Exception {
        Path r = rules();
        Pkg drive = new Pkg(tmp.resolve("drive"));
        unit(drive, "hospital-a", null);
        unit(drive, "hospital-b", null);
        unit(drive, "$RECYCLE.BIN", null);
        unit(drive, "System Volume Information", null);
        unit(drive, "00 templates", null);
        drive.file("evcheck.yaml", ("rules: " + r + "\nexclude: ['00 *']\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(List.of("hospital-a", "hospital-b"), units(json(check(drive.root(), "--as-of", "2019-12-31"))));
        // Per-unit views: a table in the text report, a line per unit on stderr while the job runs.
        Cli.Run text = Cli.run("check", drive.root().toString(), "--by-unit", "--as-of", "2019-12-31", "--lang", "en", "--no-cache");
        assertTrue(text.out().contains("Units:\n  unit        complete  incomplete  missing  errors  warnings\n  hospital-a         0           1        0"),
                text.out());
        assertTrue(text.err().contains("evcheck: unit hospital-a: 0 complete, 1 incomplete, 0 missing; 1 error, 1 warning (1 file,"), text.err());
        assertTrue(text.err().contains("evcheck: unit hospital-b:"), text.err());
        // HTML: each matrix cell links to its unit's item, with its counts; a table of units to sort.
        Path out = tmp.resolve("out");
        Cli.run("check", drive.root().toString(), "--by-unit", "--as-of", "2019-12-31", "--lang", "en", "--no-cache",
                "--format", "html,xlsx", "--output", out.toString());
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("<a href=\"#u1-A-1\">incomplete ✗"), "a cell links to its item with its counts");
        assertTrue(html.contains("<article class=\"item st-incomplete\" id=\"u1-A-1\""), "and the item is there to link to");
        assertTrue(html.contains("<table class=\"units sortable\" id=\"units\">"), "units table");
        try (var wb = org.apache.poi.ss.usermodel.WorkbookFactory.create(out.resolve("report.xlsx").toFile(), null, true)) {
            var sh = wb.getSheet("Units");
            assertNotNull(sh, "an Excel sheet of units");
            assertEquals("hospital-b", sh.getRow(2).getCell(0).getStringCellValue());
            assertEquals(1.0, sh.getRow(2).getCell(2).getNumericCellValue(), "incomplete items, a number an autofilter sorts");
        }
        drive.file("evcheck.yaml", ("rules: " + r + "\nunits: [hospital-b]\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(List.of("hospital-b"), units(json(check(drive.root(), "--as-of", "2019-12-31"))));
    }

    /** In one package, exclude: leaves drafts out of the report altogether. */
    @Test
    void excludeInASinglePackage() throws Exception {
        Path r = rules();
        Pkg p = new Pkg(tmp.resolve("pkg"));
        unit(p, "x", null);
        p.file("drafts/old.txt", "draft".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        p.file("notes/scratch.tmp", "x".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Cli.Run before = Cli.run("check", p.root().toString(), "--rules", r.toString(), "--format", "json", "--lang", "en", "--no-cache");
        assertTrue(before.out().contains("drafts/old.txt"), "without exclude the draft is reported");
        p.file("evcheck.yaml", "exclude: [drafts, '**/*.tmp']\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Cli.Run after = Cli.run("check", p.root().toString(), "--rules", r.toString(), "--format", "json", "--lang", "en", "--no-cache");
        assertFalse(after.out().contains("drafts/old.txt"), after.out());
        assertFalse(after.out().contains("scratch.tmp"), after.out());
        assertEquals(0, Cli.run("rules", "lint", r.toString()).code());
        String bad = String.format(Locale.ROOT, "exclude: {a: b}\n");
        p.file("evcheck.yaml", bad.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(2, Cli.run("check", p.root().toString(), "--rules", r.toString(), "--lang", "en", "--no-cache").code(),
                "a malformed exclude is a config error");
    }

    /** The same photo submitted by two units is found, as within one unit; the first unit keeps it. */
    @Test
    void aPhotoReusedByAnotherUnitIsADuplicate() throws Exception {
        Path r = rules();
        Pkg drive = new Pkg(tmp.resolve("drive"));
        unit(drive, "hospital-a", null);
        unit(drive, "hospital-b", null);
        byte[] shared = Files.readAllBytes(drive.root().resolve("hospital-a/A-1/p.jpg"));
        drive.file("hospital-b/A-1/reused.jpg", shared);
        drive.file("hospital-b/A-1/resaved.jpg", Jpegs.encode(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(shared)), 0.6f));
        JsonNode rep = json(check(drive.root(), "--rules", r.toString(), "--as-of", "2019-12-31"));
        List<String> dups = new ArrayList<>();
        for (JsonNode f : rep.path("findings")) {
            if (!f.path("code").asText().equals("photo.duplicate")) continue;
            dups.add(f.path("unit").asText() + ":" + f.path("file").asText() + ":" + f.path("data").path("original_unit").asText());
        }
        assertTrue(dups.contains("hospital-b:A-1/reused.jpg:hospital-a"), dups.toString());
        assertTrue(dups.contains("hospital-b:A-1/resaved.jpg:hospital-a"), "a re-saved copy too: " + dups);
        assertTrue(dups.stream().noneMatch(d -> d.startsWith("hospital-a:")), "the first unit keeps its photo: " + dups);
    }

    /** Issue 14 part 5: a 6-unit drive checked in 3 shards and merged is the one run, byte for byte. */
    @Test
    void shardsMergedAreTheSingleRunByteForByte() throws Exception {
        Path r = rules();
        Pkg drive = new Pkg(tmp.resolve("drive"));
        for (String u : List.of("u1", "u2", "u3", "u4", "u5", "u6")) unit(drive, u, null);
        drive.file("u5/evcheck.yaml", "as_of: 2019-06-30\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        drive.file("u6/A-1/reused.jpg", Files.readAllBytes(drive.root().resolve("u2/A-1/p.jpg")));   // across units
        drive.file("evcheck.yaml", ("rules: " + r + "\nas_of: 2019-12-31\nwaivers:\n"
                + "  - {code: photo.low_resolution, unit: u3, reason: old camera, approved_by: Li, expires: 2099-01-01}\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String formats = "text,json,html,md,sarif,junit,xlsx";
        Path one = tmp.resolve("one");
        Cli.Run single = Cli.run("check", drive.root().toString(), "--by-unit", "--format", formats, "--output", one.toString(),
                "--lang", "en", "--no-cache", "--quiet");
        List<String> shardFiles = new ArrayList<>();
        int total = 0;
        for (int k = 1; k <= 3; k++) {
            Path out = tmp.resolve("shard" + k);
            Cli.Run s = Cli.run("check", drive.root().toString(), "--by-unit", "--shard", k + "/3", "--format", "json",
                    "--output", out.toString(), "--lang", "en", "--no-cache", "--quiet");
            assertTrue(s.code() == 0 || s.code() == 1, s.err());
            shardFiles.add(out.resolve("shard-" + k + "-of-3.json").toString());
            total += units(new ObjectMapper().readTree(out.resolve("report.json").toFile())).size();
        }
        assertEquals(6, total, "every unit in exactly one shard");
        Path merged = tmp.resolve("merged");
        List<String> args = new ArrayList<>(List.of("merge"));
        args.addAll(shardFiles);
        args.addAll(List.of("--format", formats, "--output", merged.toString(), "--lang", "en", "--quiet"));
        Cli.Run m = Cli.run(args.toArray(String[]::new));
        assertEquals(single.code(), m.code(), m.err());
        for (String f : List.of("report.txt", "report.json", "report.html", "report.md", "report.sarif", "report.junit.xml", "report.xlsx")) {
            assertArrayEquals(Files.readAllBytes(one.resolve(f)), Files.readAllBytes(merged.resolve(f)), f);
        }
        JsonNode run = new ObjectMapper().readTree(one.resolve("run.json").toFile());
        assertFalse(run.path("started").asText().isEmpty(), "run.json says when the run started and ended");
        assertTrue(run.path("finished").asText().compareTo(run.path("started").asText()) >= 0);
        assertEquals(6, run.path("units").size());
        assertTrue(run.path("units").get(0).has("seconds"), run.toString());
        String json = Files.readString(merged.resolve("report.json"));
        assertTrue(json.contains("\"original_unit\" : \"u2\""), "the reuse across shards is found at the merge");
        assertTrue(json.contains("\"waived\""), "waivers are applied at the merge");
        Cli.Run missing = Cli.run("merge", shardFiles.get(0), shardFiles.get(1), "--format", "json", "--lang", "en", "--quiet");
        assertEquals(2, missing.code(), "a shard missing is refused");
        assertTrue(missing.err().contains("every shard 1..3 is needed"), missing.err());
    }
}
