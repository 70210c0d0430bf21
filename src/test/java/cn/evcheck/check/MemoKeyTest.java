package cn.evcheck.check;

import cn.evcheck.rules.Model.RuleSet;
import cn.evcheck.rules.RuleLoader;
import cn.evcheck.scan.FileEntry;
import cn.evcheck.scan.FileType;
import cn.evcheck.scan.Inventory;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A unit's key (what a kept result and up-to-date reports are matched on) changes with every fact of
 * every file it is made from — name, folder, placement, size, time, identity — and with nothing else.
 */
class MemoKeyTest {
    static final Path ROOT = Path.of("/pkg");

    static RuleSet rules() throws Exception {
        return RuleLoader.load("""
                evcheck: 1
                id: memo
                period: {from: 2019-01-01, to: 2019-12-31}
                items:
                  - {id: R-1, categories: [a, b], materials: [{kind: photos, each: category, min: 1}]}
                """.getBytes(StandardCharsets.UTF_8), "memo.yaml", "memo.yaml");
    }

    static FileEntry photo(String rel, String category, long size, long modified, Object key) {
        String name = rel.substring(rel.lastIndexOf('/') + 1);
        return new FileEntry(ROOT.resolve(rel), rel, name, "jpg", size, FileType.JPEG, "R-1", null, category, null,
                List.of(rel.split("/")).subList(0, rel.split("/").length - 1), key, modified);
    }

    static List<FileEntry> files() {
        List<FileEntry> fs = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String cat = i < 20 ? "a" : "b";
            fs.add(photo("R-1/\u56fe\u7247/" + cat + "/IMG_" + i + ".jpg", cat, 3_000_000 + i, 1_560_000_000_000L + i, "(dev=fd01,ino=" + (1000 + i) + ")"));
        }
        return fs;
    }

    static String key(RuleSet rules, List<FileEntry> files) {
        Inventory inv = new Inventory(ROOT, files, List.of(), Set.of("R-1"), List.of(), 0, 0);
        return Engine.memoKey("unit", inv, rules, LocalDate.of(2019, 12, 31), null, null);
    }

    static List<FileEntry> with(int i, UnaryOperator<FileEntry> change) {
        List<FileEntry> fs = files();
        fs.set(i, change.apply(fs.get(i)));
        return fs;
    }

    @Test
    void everyFactOfEveryFileCountsAndNothingElse() throws Exception {
        RuleSet rules = rules();
        String key = key(rules, files());
        assertEquals(key, key(rules, files()), "the same files, the same key");
        assertEquals(key, key(rules(), files()), "the same rules loaded again");
        Set<String> keys = new HashSet<>(List.of(key));
        List<List<FileEntry>> changed = List.of(
                with(5, f -> photo(f.rel(), f.category(), f.size() + 1, f.modified(), f.fileKey())),
                with(5, f -> photo(f.rel(), f.category(), f.size(), f.modified() + 1, f.fileKey())),
                with(5, f -> photo(f.rel(), f.category(), f.size(), f.modified(), "(dev=fd01,ino=99999)")),
                with(5, f -> photo(f.rel().replace("IMG_5", "IMG_5b"), f.category(), f.size(), f.modified(), f.fileKey())),
                with(39, f -> photo(f.rel().replace("/b/", "/a/"), "a", f.size(), f.modified(), f.fileKey())),
                with(39, f -> photo(f.rel(), "a", f.size(), f.modified(), f.fileKey())),
                files().subList(0, 39));
        for (List<FileEntry> fs : changed) assertTrue(keys.add(key(rules, fs)), "a change that did not change the key");
        assertNotEquals(key, Engine.memoKey("unit", new Inventory(ROOT, files(), List.of(), Set.of("R-1"), List.of(), 0, 0), rules,
                LocalDate.of(2019, 12, 30), null, null), "another date");
        // A file whose time was not recorded: no key (the unit is judged).
        assertNull(key(rules, with(3, f -> photo(f.rel(), f.category(), f.size(), -1, f.fileKey()))));
    }
}
