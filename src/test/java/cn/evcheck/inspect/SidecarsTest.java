package cn.evcheck.inspect;

import cn.evcheck.scan.FileEntry;
import cn.evcheck.scan.FileType;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.*;

import static org.junit.jupiter.api.Assertions.*;

/** Sidecars index the caption sheets inspection read; they read no file themselves. */
class SidecarsTest {
    static FileEntry entry(String rel) {
        String name = rel.substring(rel.lastIndexOf('/') + 1);
        return new FileEntry(Path.of("/nonexistent/" + rel), rel, name, name.substring(name.lastIndexOf('.') + 1), 1,
                FileType.TEXT, null, null, null, null, List.of());
    }

    static CaptionSheet sheet(String... rows) {
        List<String[]> table = new ArrayList<>();
        table.add(new String[]{"文件名", "图片说明"});
        for (String r : rows) table.add(r.split("=", 2));
        return CaptionSheet.of(table);
    }

    @Test
    void nearestSidecarWinsByRelativePathThenNameThenStem() {
        FileEntry top = entry("A-1/图片/图片说明.csv");
        FileEntry inner = entry("A-1/图片/类别/图片说明.xlsx");
        FileEntry bad = entry("A-2/图片说明.csv");
        FileEntry refused = entry("A-3/图片说明.csv");
        FileEntry broken = entry("A-4/图片说明.xlsx");
        Map<String, Facts> facts = new HashMap<>();
        facts.put(top.rel(), Facts.captions(top, sheet("类别/a.jpg=按路径", "b.jpg=按名称", "c=按主名", "d.jpg=上层")));
        facts.put(inner.rel(), Facts.captions(inner, sheet("d.jpg=最近")));
        facts.put(bad.rel(), Facts.captions(bad, CaptionSheet.of(List.<String[]>of(new String[]{"名称", "内容"}))));
        facts.put(refused.rel(), Facts.refused(refused, "more than 100000 rows"));
        facts.put(broken.rel(), Facts.captions(broken, CaptionSheet.failed("unreadable", "not a zip package")));
        Sidecars s = Sidecars.index(List.of(top, inner, bad, refused, broken), facts);
        assertEquals("按路径", s.captionFor(entry("A-1/图片/类别/a.jpg")));
        assertEquals("按名称", s.captionFor(entry("A-1/图片/类别/b.jpg")));
        assertEquals("按主名", s.captionFor(entry("A-1/图片/c.jpg")));
        assertEquals("最近", s.captionFor(entry("A-1/图片/类别/d.jpg")));
        assertEquals("上层", s.captionFor(entry("A-1/图片/d.jpg")));
        assertNull(s.captionFor(entry("A-2/d.jpg")));
        assertEquals(List.of(new Sidecars.Problem("A-2/图片说明.csv", "no_header", false),
                new Sidecars.Problem("A-3/图片说明.csv", "more than 100000 rows", true),
                new Sidecars.Problem("A-4/图片说明.xlsx", "not a zip package", false)), s.problems());
    }
}
