package cn.evcheck;

import cn.evcheck.inspect.FactsCache;
import cn.evcheck.testkit.Cli;
import cn.evcheck.testkit.Docs;
import cn.evcheck.testkit.Jpegs;
import cn.evcheck.testkit.Pdfs;
import cn.evcheck.testkit.Pkg;
import cn.evcheck.testkit.Scans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue 13 part 4: facts kept between runs outside the package. A re-run of an unchanged package
 * takes every file's facts from the cache and gives the same report; a changed file is read again.
 */
class CacheTest {
    @TempDir
    Path tmp;

    static final String RULES = """
            evcheck: 1
            id: cache
            period: {from: 2019-01-01, to: 2019-12-31}
            items:
              - id: A-1
                materials:
                  - {kind: photos, min: 1, per: month, caption: [time, place]}
                  - {kind: report, words: 300}
                  - {kind: formal_doc, min: 2}
                  - {kind: data_table, min: 1}
            """;

    private Pkg pkg() {
        Pkg p = new Pkg(tmp.resolve("pkg"));
        for (int i = 0; i < 6; i++) {
            Jpegs.Exif e = new Jpegs.Exif();
            e.xpComment = "2019年" + (i + 1) + "月5日 在青口镇卫生院开展义诊";
            e.dateTimeOriginal = String.format(Locale.ROOT, "2019:%02d:05 10:00:00", i + 1);
            p.file("A-1/图片/p" + i + ".jpg", Jpegs.withMetadata(Jpegs.image(640, 480, i, 0.85f), e, null, null));
        }
        p.file("A-1/说明报告/情况说明.docx", Docs.docx(Docs.prose(300)));
        // Every kind of facts goes through the cache: a scan, a born-digital PDF, a sheet, a caption sheet.
        p.file("A-1/正式发文/通知.jpg", Jpegs.encode(Scans.redHeaderPage(3, "连云港市赣榆区卫生健康委员会文件", "赣卫〔2019〕4号",
                true, Scans.RED, 0, 2), 0.85f));
        p.file("A-1/正式发文/通知.pdf", Pdfs.bornDigitalNotice("赣卫〔2019〕5号", null));
        p.file("A-1/数据表格/统计表.xlsx", Docs.xlsx("指标", "数值"));
        p.file("A-1/图片/图片说明.csv", "文件名,图片说明\np1.jpg,2019年2月5日 在青口镇卫生院开展义诊\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return p;
    }

    private Cli.Run check(Pkg p, String... more) throws Exception {
        Path rules = tmp.resolve("rules.yaml");
        Files.writeString(rules, RULES);
        boolean dated = java.util.Arrays.asList(more).contains("--as-of");
        String[] base = dated ? new String[]{"check", p.root().toString(), "--rules", rules.toString(), "--format", "json", "--lang", "en"}
                : new String[]{"check", p.root().toString(), "--rules", rules.toString(), "--as-of", "2019-12-31", "--format", "json", "--lang", "en"};
        String[] args = new String[base.length + more.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return Cli.run(args);
    }

    @Test
    void anUnchangedPackageComesFromTheCacheWithTheSameReport() throws Exception {
        Pkg p = pkg();
        String cache = tmp.resolve("cache").toString();
        Cli.Run fresh = check(p, "--no-cache");
        Cli.Run first = check(p, "--cache", cache);
        assertFalse(first.err().contains("unchanged"), "nothing kept yet: " + first.err());
        Cli.Run second = check(p, "--cache", cache);
        assertTrue(second.err().contains("the package is unchanged since an earlier run"), second.err());
        assertEquals(fresh.out(), first.out());
        assertEquals(fresh.out(), second.out(), "the kept result gives the same report, byte for byte");
        // Another date: the result is judged again, from facts that all come from the cache.
        Cli.Run otherDate = check(p, "--cache", cache, "--as-of", "2019-06-30");
        assertTrue(otherDate.err().contains("11 of 11 files unchanged"), otherDate.err());
        assertFalse(otherDate.err().contains("the package is unchanged"), otherDate.err());
        assertEquals(check(p, "--no-cache", "--as-of", "2019-06-30").out(), otherDate.out());
        assertNotEquals(fresh.out(), otherDate.out());

        // A warm re-run reads no photo bytes (issue 13 part 4), not even to sniff the file's type: photos
        // overwritten in place with zeros, size, modification time and inode kept, are reported as before.
        byte[][] kept = new byte[6][];
        for (int i = 0; i < 6; i++) {
            Path ph = p.root().resolve("A-1/图片/p" + i + ".jpg");
            FileTime was = Files.getLastModifiedTime(ph);
            kept[i] = Files.readAllBytes(ph);
            Files.write(ph, new byte[kept[i].length]);
            Files.setLastModifiedTime(ph, was);
        }
        Cli.Run blind = check(p, "--cache", cache);
        assertEquals(fresh.out(), blind.out(), "no byte of an unchanged photo was read");
        for (int i = 0; i < 6; i++) {
            Path ph = p.root().resolve("A-1/图片/p" + i + ".jpg");
            FileTime was = Files.getLastModifiedTime(ph);
            Files.write(ph, kept[i]);
            Files.setLastModifiedTime(ph, was);
        }

        // One photo changes: it alone is read again, and what it now says is reported.
        Path photo = p.root().resolve("A-1/图片/p0.jpg");
        Files.write(photo, new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});
        Files.setLastModifiedTime(photo, FileTime.fromMillis(System.currentTimeMillis() + 5000));
        Cli.Run third = check(p, "--cache", cache);
        assertTrue(third.err().contains("10 of 11 files"), third.err());
        assertTrue(third.out().contains("photo.corrupt"), "the changed file was read again");
        assertEquals(check(p, "--no-cache").out(), third.out());
    }

    /**
     * The nightly drive: units whose files, rules and date are unchanged get their kept results; a
     * unit with one changed file is judged again, and the drive's report is the one a run without
     * the cache gives.
     */
    @Test
    void unchangedUnitsOfADriveKeepTheirResults() throws Exception {
        Pkg a = pkg();
        Path drive = tmp.resolve("drive");
        Files.createDirectories(drive);
        Files.move(a.root(), drive.resolve("unit-a"));
        Pkg b = pkg();
        Files.move(b.root(), drive.resolve("unit-b"));
        Path rules = tmp.resolve("rules.yaml");
        Files.writeString(rules, RULES);
        String cache = tmp.resolve("cache").toString();
        java.util.function.Function<String[], Cli.Run> run = more -> {
            String[] base = {"check", drive.toString(), "--by-unit", "--rules", rules.toString(), "--as-of", "2019-12-31",
                    "--format", "json", "--lang", "en"};
            String[] args = java.util.Arrays.copyOf(base, base.length + more.length);
            System.arraycopy(more, 0, args, base.length, more.length);
            try {
                return Cli.run(args);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        };
        Cli.Run first = run.apply(new String[]{"--cache", cache});
        Cli.Run second = run.apply(new String[]{"--cache", cache});
        assertTrue(second.err().contains("2 of 2 units unchanged"), second.err());
        assertEquals(first.out(), second.out());
        Path photo = drive.resolve("unit-b/A-1/图片/p0.jpg");
        Files.write(photo, new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});
        Files.setLastModifiedTime(photo, FileTime.fromMillis(System.currentTimeMillis() + 5000));
        Cli.Run third = run.apply(new String[]{"--cache", cache});
        assertTrue(third.err().contains("1 of 2 units unchanged"), third.err());
        assertTrue(third.out().contains("photo.corrupt"), "the changed unit was judged again");
        assertEquals(run.apply(new String[]{"--no-cache"}).out(), third.out());
    }

    @Test
    void aLockedCacheIsPassedOverAndACacheInsideThePackageIsNotUsed() throws Exception {
        Pkg p = pkg();
        Path dir = tmp.resolve("locked-cache");
        try (FactsCache held = FactsCache.open(dir)) {
            assertEquals("on", held.state());
            Cli.Run r = check(p, "--cache", dir.toString());
            assertEquals(1, r.code(), r.err());
            assertTrue(r.err().contains("the cache could not be used"), r.err());
        }
        var before = Pkg.fingerprint(p.root());
        check(p, "--cache", p.root().resolve("cache-inside").toString());
        check(p, "--cache", p.root().resolve("cache-inside").toString());
        assertEquals(before, Pkg.fingerprint(p.root()), "nothing written into the package");
    }

    /**
     * A kept result is given only while every file is as the walk saw it when it was kept: a photo
     * rewritten with the same size (only its time tells), a file renamed, a file moved to another
     * folder, a file added — each makes the unit judged again, with the report a run without the
     * cache gives.
     */
    @Test
    void aKeptResultTurnsOnEveryFilesNamePlaceSizeAndTime() throws Exception {
        Pkg p = pkg();
        String cache = tmp.resolve("cache").toString();
        check(p, "--cache", cache);
        assertTrue(check(p, "--cache", cache).err().contains("the package is unchanged"));
        Path root = p.root();
        java.util.List<Runnable> changes = java.util.List.of(
                () -> {   // same size, same inode, a new caption: only the modification time tells
                    Path ph = root.resolve("A-1/\u56fe\u7247/p3.jpg");
                    try {
                        byte[] b = Files.readAllBytes(ph);
                        byte[] same = Jpegs.withMetadata(Jpegs.image(640, 480, 3, 0.85f), new Jpegs.Exif(), null, null);
                        byte[] padded = java.util.Arrays.copyOf(same, b.length);
                        if (same.length > b.length) throw new AssertionError("the new photo is larger");
                        Files.write(ph, padded);
                        Files.setLastModifiedTime(ph, FileTime.fromMillis(Files.getLastModifiedTime(ph).toMillis() + 7000));
                    } catch (java.io.IOException e) {
                        throw new AssertionError(e);
                    }
                },
                () -> move(root.resolve("A-1/\u56fe\u7247/p4.jpg"), root.resolve("A-1/\u56fe\u7247/p4b.jpg")),
                () -> move(root.resolve("A-1/\u56fe\u7247/p5.jpg"), root.resolve("A-1/\u6b63\u5f0f\u53d1\u6587/p5.jpg")),
                () -> {
                    try {
                        Files.copy(root.resolve("A-1/\u56fe\u7247/p1.jpg"), root.resolve("A-1/\u56fe\u7247/p9.jpg"));
                    } catch (java.io.IOException e) {
                        throw new AssertionError(e);
                    }
                });
        for (Runnable change : changes) {
            change.run();
            Cli.Run again = check(p, "--cache", cache);
            assertFalse(again.err().contains("the package is unchanged"), again.err());
            assertEquals(check(p, "--no-cache").out(), again.out());
            assertTrue(check(p, "--cache", cache).err().contains("the package is unchanged"), "kept anew");
        }
    }

    private static void move(Path from, Path to) {
        try {
            Files.move(from, to);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Each unit's result is kept apart, with the key it was kept under; a new build forgets them all. */
    @Test
    void keptResultsAreKeptApartByName() throws Exception {
        Path dir = tmp.resolve("kept-cache");
        try (FactsCache c = FactsCache.open(dir)) {
            assertNull(c.kept("unit:/a"));
            c.keep("unit:/a", "key-a", "result a".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            c.keep("unit:/b", "key-b", "result b".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            c.keep("unit:/a", "key-a2", "result a2".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        try (FactsCache c = FactsCache.open(dir)) {
            FactsCache.Kept a = c.kept("unit:/a");
            assertEquals("key-a2", a.key());
            assertEquals("result a2", new String(a.bytes(), a.offset(), a.bytes().length - a.offset(), java.nio.charset.StandardCharsets.UTF_8));
            FactsCache.Kept b = c.kept("unit:/b");
            assertEquals("key-b", b.key());
            assertEquals("result b", new String(b.bytes(), b.offset(), b.bytes().length - b.offset(), java.nio.charset.StandardCharsets.UTF_8));
            assertNull(c.kept("unit:/c"));
        }
        assertNull(FactsCache.NONE.kept("unit:/a"));
    }
}
