package cn.evcheck.scan;

import cn.evcheck.rules.Model.RuleSet;
import cn.evcheck.rules.RuleLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The walk sniffs the files the cache does not know several at a time, after it has found them all:
 * every file still gets the type of its own bytes, in every folder, and the inventory is the same
 * whatever order the reads end in.
 */
class SniffTest {
    @TempDir
    Path tmp;

    private static final byte[][] KINDS = {
            {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0},
            "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n".getBytes(StandardCharsets.ISO_8859_1),
            {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'},
            "\u56fe\u7247\u8bf4\u660e,\u65f6\u95f4\n".getBytes(StandardCharsets.UTF_8),
            {0, 1, 2, 3, 4, 5, 6, 7},
    };

    @Test
    void everyFileGetsTheTypeOfItsOwnBytes() throws Exception {
        RuleSet rules = RuleLoader.load("""
                evcheck: 1
                id: sniff
                period: {from: 2019-01-01, to: 2019-12-31}
                items:
                  - id: A-1
                    materials:
                      - {kind: photos, min: 1}
                """.getBytes(StandardCharsets.UTF_8), "sniff.yaml", "test");
        Random r = new Random(7);
        Map<String, FileType> expected = new HashMap<>();
        List<String> folders = List.of("A-1/\u56fe\u7247", "A-1/\u8bf4\u660e\u62a5\u544a", "\u5176\u4ed6", "");
        for (int i = 0; i < 60; i++) {
            byte[] head = KINDS[r.nextInt(KINDS.length)];
            byte[] body = new byte[head.length + r.nextInt(3000)];
            System.arraycopy(head, 0, body, 0, head.length);
            // every extension on every kind: the type is the bytes', not the name's
            String rel = (folders.get(i % folders.size()).isEmpty() ? "" : folders.get(i % folders.size()) + "/")
                    + "f" + i + "." + List.of("jpg", "pdf", "png", "csv", "bin").get(r.nextInt(5));
            Path p = tmp.resolve(rel);
            Files.createDirectories(p.getParent());
            Files.write(p, body);
            expected.put(rel, FileType.sniff(java.util.Arrays.copyOf(body, Math.min(body.length, 1024)), Math.min(body.length, 1024)));
        }
        Inventory inv = new PackageScanner(rules).scan(tmp);
        List<FileEntry> all = new ArrayList<>(inv.files());
        all.addAll(inv.sidecars());
        assertEquals(expected.size(), all.size());
        for (FileEntry f : all) assertEquals(expected.get(f.rel()), f.type(), f.rel());
        assertTrue(expected.values().stream().distinct().count() >= 4, "several kinds: " + expected.values());
        // Sorted as before, whatever order the reads ended in.
        List<String> rels = inv.files().stream().map(FileEntry::rel).toList();
        assertEquals(rels.stream().sorted().toList(), rels);
        assertEquals(rels, new PackageScanner(rules).scan(tmp).files().stream().map(FileEntry::rel).toList());
    }

    /**
     * A folder of many entries has their attributes read several at a time: every file is placed with
     * its size and its path, links and special files are counted and skipped, sub-folders are walked,
     * as in a small folder read one entry at a time.
     */
    @Test
    void aFolderOfManyEntriesIsWalkedAsASmallOneIs() throws Exception {
        RuleSet rules = RuleLoader.load("""
                evcheck: 1
                id: many
                period: {from: 2019-01-01, to: 2019-12-31}
                items:
                  - id: A-1
                    materials:
                      - {kind: photos, min: 1}
                """.getBytes(StandardCharsets.UTF_8), "many.yaml", "test");
        Path many = tmp.resolve("A-1/\u56fe\u7247");
        Path few = tmp.resolve("A-1/\u5c11");
        Files.createDirectories(many.resolve("\u5b50"));
        Files.createDirectories(few);
        int n = PackageScanner.PARALLEL_STAT * 3;
        for (int i = 0; i < n; i++) Files.write(many.resolve("p" + i + ".jpg"), new byte[i + 1]);
        Files.write(many.resolve("\u5b50/inner.jpg"), new byte[5]);
        for (int i = 0; i < 3; i++) Files.write(few.resolve("q" + i + ".jpg"), new byte[i + 1]);
        for (Path dir : List.of(many, few)) {
            Files.createSymbolicLink(dir.resolve("link.jpg"), dir.resolve(dir == many ? "p0.jpg" : "q0.jpg"));
            Process mk = new ProcessBuilder("mkfifo", dir.resolve("fifo.jpg").toString()).start();
            assertTrue(mk.waitFor(10, java.util.concurrent.TimeUnit.SECONDS) && mk.exitValue() == 0);
        }
        assertTrue(Files.list(many).count() >= PackageScanner.PARALLEL_STAT);
        Inventory inv = new PackageScanner(rules).place(tmp);
        assertEquals(2, inv.links());
        assertEquals(2, inv.special());
        Map<String, Long> sizes = new HashMap<>();
        for (FileEntry f : inv.files()) sizes.put(f.rel(), f.size());
        assertEquals(n + 1 + 3, sizes.size(), sizes.keySet().toString());
        for (int i = 0; i < n; i++) assertEquals(i + 1, sizes.get("A-1/\u56fe\u7247/p" + i + ".jpg"));
        assertEquals(5, sizes.get("A-1/\u56fe\u7247/\u5b50/inner.jpg"));
        assertEquals(3, sizes.get("A-1/\u5c11/q2.jpg"));
        List<String> rels = inv.files().stream().map(FileEntry::rel).toList();
        assertEquals(rels.stream().sorted().toList(), rels);
    }
}
