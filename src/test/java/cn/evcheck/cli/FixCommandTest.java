package cn.evcheck.cli;

import cn.evcheck.inspect.JpegInspector;
import cn.evcheck.inspect.PhotoFacts;
import cn.evcheck.testkit.Cli;
import cn.evcheck.testkit.Cli.Run;
import cn.evcheck.testkit.Docs;
import cn.evcheck.testkit.Jpegs;
import cn.evcheck.testkit.Pkg;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code evcheck fix} end to end: the package stays byte for byte and time for time as it was; every
 * fixed photo is within the limit, decodes, keeps its date and caption and is not upscaled; a package
 * whose only findings were mechanical passes {@code evcheck check} afterwards; the copy and the log
 * are the same whatever the thread count; --into inside the package is refused.
 */
class FixCommandTest {
    static final String RULES = """
            evcheck: 1
            id: fixtest
            title: \u4fee\u6b63\u6d4b\u8bd5
            period: {from: 2019-01-01, to: 2019-12-31}
            defaults:
              photo: {formats: [jpg, jpeg], max_bytes: 307200, min_long_side: 300}
            items:
              - id: III-65-2-2
                materials:
                  - {kind: photos, min: 1, per: two_months, caption: [time, organizer, theme]}
              - id: III-31-1-2
                years: [2019]
                materials:
                  - {kind: report, each: year, words: 80}
            """;
    static final String CAP1 = "\u65f6\u95f4\uff1a2019\u5e742\u67081\u65e5 \u4e3b\u529e\u5355\u4f4d\uff1a\u9752\u53e3\u4e2d\u5fc3\u536b\u751f\u9662 \u4e3b\u9898\uff1a\u81ea\u6551\u4e92\u6551\u57f9\u8bad";
    static final String CAP2 = "\u65f6\u95f4\uff1a2019\u5e742\u670820\u65e5 \u4e3b\u529e\u5355\u4f4d\uff1a\u9752\u53e3\u4e2d\u5fc3\u536b\u751f\u9662 \u4e3b\u9898\uff1a\u6025\u6551\u57f9\u8bad";
    static final String CAP3 = "\u65f6\u95f4\uff1a2019\u5e741\u67088\u65e5 \u4e3b\u529e\u5355\u4f4d\uff1a\u9752\u53e3\u4e2d\u5fc3\u536b\u751f\u9662 \u4e3b\u9898\uff1a\u6025\u6551\u77e5\u8bc6\u5ba3\u4f20";
    static final String CAP4 = "\u65f6\u95f4\uff1a2019\u5e742\u670825\u65e5 \u4e3b\u529e\u5355\u4f4d\uff1a\u9752\u53e3\u4e2d\u5fc3\u536b\u751f\u9662 \u4e3b\u9898\uff1a\u5fc3\u80ba\u590d\u82cf\u57f9\u8bad";
    static final String DIR = "III-65-2-2 \u81ea\u6551\u4e92\u6551/\u56fe\u7247/";
    static final String BIG = DIR + "2019-02-01 \u57f9\u8bad.jpg";
    static final String PNG = DIR + "2019-02-20 \u6f14\u7ec3.png";
    static final String GPS = DIR + "2019-01-08 \u5ba3\u4f20.jpg";
    static final String SHEET = DIR + "\u56fe\u7247\u8bf4\u660e.csv";
    static final String SIDE = DIR + "2019-02-25 \u5fc3\u80ba\u590d\u82cf.jpg";
    static final String REPORT = "III-31-1-2 \u62a5\u544a/\u8bf4\u660e\u62a5\u544a/2019\u5e74\u5de5\u4f5c\u62a5\u544a.docx";

    @TempDir
    Path tmp;
    Path pkg;
    Path rules;

    @BeforeEach
    void build() throws Exception {
        rules = tmp.resolve("rules.yaml");
        Files.writeString(rules, RULES);
        pkg = tmp.resolve("\u6750\u6599\u5305");
        Pkg p = new Pkg(pkg);
        BufferedImage big = Jpegs.picture(1200, 900, 11);
        Jpegs.Exif e = new Jpegs.Exif().date("2019:02:01 10:00:00");
        e.xpTitle = CAP1;
        e.thumbnail = Jpegs.thumbnail(big, 160, 120);
        p.file(BIG, Jpegs.withMetadata(Jpegs.encode(big, 0.97f), e, null, null));
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(Jpegs.picture(640, 480, 12), "png", png);
        p.file(PNG, png.toByteArray());
        Jpegs.Exif g = new Jpegs.Exif().date("2019:01:08 09:00:00");
        g.xpTitle = CAP3;
        g.gps = new double[]{34.8, 119.1};
        p.file(GPS, Jpegs.withMetadata(Jpegs.image(640, 480, 13, 0.8f), g, null, null));
        p.file(SIDE, Jpegs.withMetadata(Jpegs.image(640, 480, 14, 0.8f), new Jpegs.Exif().date("2019:02:25 15:00:00"), null, null));
        p.text(SHEET, "\u6587\u4ef6\u540d,\u56fe\u7247\u8bf4\u660e\n2019-02-20 \u6f14\u7ec3.png," + CAP2 + "\n2019-02-25 \u5fc3\u80ba\u590d\u82cf.jpg," + CAP4 + "\n");
        p.file(REPORT, Docs.docx(Docs.prose(80)));
        // Old times, so that a copy or a touch would show.
        try (var s = Files.walk(pkg)) {
            for (Path x : s.toList()) Files.setLastModifiedTime(x, FileTime.fromMillis(1_550_000_000_000L));
        }
    }

    private Run fix(String into, String... extra) {
        String[] base = {"fix", pkg.toString(), "--into", into, "--rules", rules.toString(), "--as-of", "2019-04-15"};
        String[] all = Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return Cli.run(all);
    }

    private Run check(Path dir) {
        return Cli.run("check", dir.toString(), "--rules", rules.toString(), "--as-of", "2019-04-15", "--format", "json");
    }

    @Test
    void aPackageWhoseFindingsWereAllMechanicalPassesAfterFixAndIsItselfUntouched() throws Exception {
        Run before = check(pkg);
        assertEquals(1, before.code(), before.out());
        assertTrue(before.out().contains("\"photo.too_large\""));
        assertTrue(before.out().contains("\"photo.format\""));
        TreeMap<String, String> print = Pkg.fingerprint(pkg);

        Path into = tmp.resolve("\u4fee\u6b63");
        Run r = fix(into.toString(), "--strip-gps");
        assertEquals(0, r.code(), r.out() + r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertEquals(print, Pkg.fingerprint(pkg), "the package is byte for byte and time for time as it was");

        Path copy = into.resolve("\u6750\u6599\u5305");
        Run after = check(copy);
        assertEquals(0, after.code(), after.out());
        assertFalse(after.out().contains("\"photo.gps\""));

        // Too large: within the limit, decodes, date and caption kept, not upscaled.
        byte[] big = Files.readAllBytes(copy.resolve(BIG));
        assertTrue(big.length <= 300_000, "" + big.length);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(big));
        assertTrue(img.getWidth() <= 1200 && img.getHeight() <= 900);
        PhotoFacts pf = JpegInspector.inspect(big, true);
        assertEquals("2019-02-01T10:00", pf.exifDate().toString());
        assertEquals(CAP1, pf.captions().get(0).text());
        // The PNG: a real JPEG under a .jpg name, with the sheet's caption inside.
        assertFalse(Files.exists(copy.resolve(PNG)));
        byte[] conv = Files.readAllBytes(copy.resolve(DIR + "2019-02-20 \u6f14\u7ec3.jpg"));
        assertEquals(640, ImageIO.read(new ByteArrayInputStream(conv)).getWidth());
        assertEquals(CAP2, JpegInspector.inspect(conv, true).captions().get(0).text());
        // GPS gone, the rest of the photo kept.
        PhotoFacts gps = JpegInspector.inspect(Files.readAllBytes(copy.resolve(GPS)), true);
        assertFalse(gps.gps());
        assertEquals(CAP3, gps.captions().get(0).text());
        // The sheet's caption now also travels inside the photo.
        PhotoFacts side = JpegInspector.inspect(Files.readAllBytes(copy.resolve(SIDE)), true);
        assertEquals(CAP4, side.captions().get(0).text());
        // Everything else byte for byte, with its time.
        for (String rel : new String[]{SHEET, REPORT}) {
            assertArrayEquals(Files.readAllBytes(pkg.resolve(rel)), Files.readAllBytes(copy.resolve(rel)), rel);
            assertEquals(Files.getLastModifiedTime(pkg.resolve(rel)), Files.getLastModifiedTime(copy.resolve(rel)));
        }

        // The log, and the copy's report beside the copy, not in it.
        JsonNode log = new ObjectMapper().readTree(into.resolve("fix-log.json").toFile());
        assertEquals(1, log.at("/counts/photo.too_large/before").asInt());
        assertEquals(0, log.at("/counts/photo.too_large/after").asInt());
        assertEquals(0, log.at("/counts/photo.format/after").asInt());
        assertEquals(0, log.at("/counts/photo.gps/after").asInt());
        for (JsonNode x : log.get("remaining")) assertEquals("coverage.pending", x.get("code").asText(), x.toString());
        JsonNode first = null;
        for (JsonNode x : log.get("photos")) if (x.get("file").asText().equals(BIG)) first = x;
        assertNotNull(first, log.toString());
        assertTrue(first.get("quality").asInt() >= 75, first.toString());
        assertTrue(first.get("bytes_after").asLong() < first.get("bytes_before").asLong());
        assertTrue(Files.exists(into.resolve("report.html")));
        assertTrue(Files.readString(into.resolve("fix-log.txt")).contains("photo.too_large: 1 \u2192 0"));
        try (var s = Files.walk(copy)) {
            assertTrue(s.noneMatch(x -> x.getFileName().toString().startsWith("report.") || x.getFileName().toString().startsWith("fix-log")));
        }
        // An existing copy is never replaced.
        Run again = fix(into.toString());
        assertEquals(2, again.code());
        assertTrue(again.err().contains("\u5df2\u5b58\u5728"), again.err());
    }

    @Test
    void theCopyAndTheLogAreTheSameWhateverTheThreadCount() throws Exception {
        Run one = fix(tmp.resolve("a").toString(), "--threads", "1", "--strip-gps");
        Run two = fix(tmp.resolve("b").toString(), "--threads", "2", "--strip-gps");
        assertEquals(0, one.code(), one.err());
        assertEquals(0, two.code(), two.err());
        Map<String, String> a = contents(tmp.resolve("a/\u6750\u6599\u5305"));
        Map<String, String> b = contents(tmp.resolve("b/\u6750\u6599\u5305"));
        assertEquals(a, b);
        String la = Files.readString(tmp.resolve("a/fix-log.json")).replace(tmp.resolve("a").toString(), "OUT");
        String lb = Files.readString(tmp.resolve("b/fix-log.json")).replace(tmp.resolve("b").toString(), "OUT");
        assertEquals(la, lb);
    }

    private static Map<String, String> contents(Path root) throws Exception {
        Map<String, String> m = new TreeMap<>();
        try (var s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                m.put(root.relativize(p).toString(), java.util.HexFormat.of().formatHex(
                        java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
            }
        }
        return m;
    }

    @Test
    void intoInsideThePackageIsRefusedAlsoThroughALinkAndADryRunWritesNothing() throws Exception {
        TreeMap<String, String> print = Pkg.fingerprint(pkg);
        Run inside = fix(pkg.resolve("III-65-2-2 \u81ea\u6551\u4e92\u6551/out").toString());
        assertEquals(2, inside.code());
        assertTrue(inside.err().contains("\u4e0d\u80fd\u4f4d\u4e8e\u6750\u6599\u5305\u5185"), inside.err());
        Files.createSymbolicLink(tmp.resolve("link"), pkg.resolve("III-31-1-2 \u62a5\u544a"));
        Run linked = fix(tmp.resolve("link/out").toString(), "--lang", "en");
        assertEquals(2, linked.code());
        assertTrue(linked.err().contains("must not be inside the package"), linked.err());
        // The package's own parent would make the copy the package itself: refused as existing.
        Run parent = fix(tmp.toString());
        assertEquals(2, parent.code(), parent.err());
        assertEquals(print, Pkg.fingerprint(pkg));

        Path into = tmp.resolve("dry");
        Run dry = fix(into.toString(), "--dry-run");
        assertEquals(0, dry.code(), dry.err());
        assertTrue(dry.out().contains("2019-02-01 \u57f9\u8bad.jpg"), dry.out());
        assertTrue(dry.out().contains("\u538b\u7f29\u5230\u9650\u989d\u4ee5\u5185"), dry.out());
        assertTrue(dry.out().contains("2019-02-20 \u6f14\u7ec3.png \u2192 "), dry.out());
        assertFalse(Files.exists(into), "a dry run writes nothing");
        assertEquals(print, Pkg.fingerprint(pkg));
    }

    @Test
    void brokenAndUndecodablePhotosAreCopiedUnchangedAndReported() throws Exception {
        byte[] good = Jpegs.image(640, 480, 20, 0.8f);
        byte[] cut = Arrays.copyOf(good, good.length / 2);
        new Pkg(pkg).file(DIR + "2019-02-03 \u574f.jpg", cut);
        byte[] heic = new byte[64];
        System.arraycopy(new byte[]{0, 0, 0, 24, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c'}, 0, heic, 0, 12);
        new Pkg(pkg).file(DIR + "2019-02-04 \u624b\u673a.heic", heic);
        Path into = tmp.resolve("out");
        Run r = fix(into.toString(), "--lang", "en");
        assertEquals(1, r.code(), r.out() + r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        Path copy = into.resolve("\u6750\u6599\u5305");
        assertArrayEquals(cut, Files.readAllBytes(copy.resolve(DIR + "2019-02-03 \u574f.jpg")));
        assertArrayEquals(heic, Files.readAllBytes(copy.resolve(DIR + "2019-02-04 \u624b\u673a.heic")));
        JsonNode log = new ObjectMapper().readTree(into.resolve("fix-log.json").toFile());
        assertEquals(1, log.at("/counts/photo.corrupt/after").asInt(), log.toString());
        boolean heicReported = false;
        for (JsonNode p : log.get("photos")) {
            if (p.get("file").asText().endsWith(".heic")) {
                heicReported = true;
                assertFalse(p.get("fixed").asBoolean());
                assertEquals("no_decoder", p.get("problem").asText());
            }
        }
        assertTrue(heicReported, log.toString());
        assertTrue(r.out().contains("not fixed, copied as it was"), r.out());
    }

    @Test
    void combinePdfPutsEachFolderInOnePdfWithCaptionsAndTheCopyStillPasses() throws Exception {
        Path into = tmp.resolve("pdf");
        Run r = fix(into.toString(), "--combine-pdf", "--font", cn.evcheck.testkit.Fonts.cjkFile().toString());
        assertEquals(0, r.code(), r.out() + r.err());
        Path copy = into.resolve("\u6750\u6599\u5305");
        Path pdf = copy.resolve(DIR + "\u56fe\u7247.pdf");
        assertTrue(Files.exists(pdf), r.out());
        for (String rel : new String[]{BIG, GPS, SIDE}) assertFalse(Files.exists(copy.resolve(rel)), rel + " is in the PDF instead");
        assertTrue(Files.exists(copy.resolve(SHEET)));
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            assertEquals(4, doc.getNumberOfPages());
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            assertTrue(text.contains(CAP1.replaceAll("\\s+", "")), text);
            assertTrue(text.contains(CAP2.replaceAll("\\s+", "")), text);
            for (var page : doc.getPages()) {
                for (var name : page.getResources().getXObjectNames()) {
                    var x = (org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject) page.getResources().getXObject(name);
                    assertTrue(x.getCOSObject().getLength() <= 300_000, "each page image within the limit");
                }
            }
            var font = doc.getPage(0).getResources().getFont(doc.getPage(0).getResources().getFontNames().iterator().next());
            assertTrue(font.isEmbedded(), "the CJK font is embedded");
        }
        Run after = check(copy);
        assertEquals(0, after.code(), after.out());
        assertTrue(after.out().contains("\"page\" : 4") || after.out().contains("\"page\":4"), "photos counted from the PDF's pages");
        assertEquals(Files.readString(into.resolve("fix-log.json")).contains("combined_pdfs"), true);
    }

    @Test
    void withoutAFontThePdfIsSkippedWithAMessage() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("no-fonts"));
        String old = System.setProperty("evcheck.fontDirs", empty.toString());
        try {
            Run r = fix(tmp.resolve("nofont").toString(), "--combine-pdf");
            assertEquals(0, r.code(), r.err());
            assertTrue(r.err().contains("\u6ca1\u6709\u627e\u5230\u53ef\u5d4c\u5165\u7684\u4e2d\u6587\u5b57\u4f53"), r.err());
            assertTrue(Files.exists(tmp.resolve("nofont/\u6750\u6599\u5305").resolve(BIG)), "the photos stay files");
        } finally {
            if (old == null) System.clearProperty("evcheck.fontDirs");
            else System.setProperty("evcheck.fontDirs", old);
        }
        Run bad = fix(tmp.resolve("badfont").toString(), "--combine-pdf", "--font", rules.toString(), "--lang", "en");
        assertEquals(0, bad.code(), bad.err());
        assertTrue(bad.err().contains("cannot be embedded"), bad.err());
    }
}
