package cn.evcheck.scan;

import cn.evcheck.rules.Model.RuleSet;
import cn.evcheck.rules.RuleLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The walk takes the folders listed ahead (while the rules load) and places the files as a walk that
 * lists them itself does: the same folders entered (hidden, system and excluded ones left out, links
 * not followed), a folder of many files read by the attribute threads, the same inventory.
 */
class ListAheadTest {
    @TempDir
    Path tmp;

    @Test
    void theWalkTakesTheListingMadeAheadAndPlacesAsBefore() throws Exception {
        RuleSet rules = RuleLoader.load("""
                evcheck: 1
                id: ahead
                period: {from: 2019-01-01, to: 2019-12-31}
                items:
                  - id: A-1
                    materials:
                      - {kind: photos, min: 1}
                """.getBytes(StandardCharsets.UTF_8), "ahead.yaml", "test");
        Path root = tmp.resolve("pkg");
        Path photos = root.resolve("A-1 \u5173\u7231/\u56fe\u7247/2019");
        Files.createDirectories(photos);
        for (int i = 0; i < 70; i++) Files.write(photos.resolve(String.format("IMG_%03d.jpg", i)), new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) i});
        Files.createDirectories(root.resolve(".hidden"));
        Files.writeString(root.resolve(".hidden/x.jpg"), "x");
        Files.createDirectories(root.resolve("$RECYCLE.BIN"));
        Files.writeString(root.resolve("$RECYCLE.BIN/y.jpg"), "y");
        Files.createDirectories(root.resolve("\u8349\u7a3f"));
        Files.writeString(root.resolve("\u8349\u7a3f/z.jpg"), "z");
        Files.writeString(root.resolve("evcheck.yaml"), "exclude:\n  - \"\u8349\u7a3f\"\n");
        Files.createSymbolicLink(root.resolve("link"), photos);
        Files.writeString(root.resolve("A-1 \u5173\u7231/\u8bf4\u660e.txt"), "t");

        Inventory direct = new PackageScanner(rules).place(root);

        PackageScanner.listAhead(root);
        assertTrue(FolderLister.awaitListedAhead(root));
        // Added after the listing ended: a walk that takes the listing does not see it.
        Files.writeString(photos.resolve("IMG_999.jpg"), "late");
        Inventory ahead = new PackageScanner(rules).place(root);
        assertEquals(direct, ahead, "the same inventory from the listing made ahead");
        assertEquals(71, ahead.files().size());
        assertEquals(1, ahead.links());

        // The listing is taken once: the next walk lists the folders itself and sees the late file.
        Inventory again = new PackageScanner(rules).place(root);
        assertEquals(72, again.files().size());
        assertFalse(FolderLister.awaitListedAhead(root));
    }
}
