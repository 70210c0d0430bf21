package cn.evcheck;

import cn.evcheck.testkit.Cli;
import cn.evcheck.testkit.Docs;
import cn.evcheck.testkit.Pkg;
import cn.evcheck.util.Printable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue 12 part 5: file names are data. A name holding a newline and an escape sequence cannot
 * forge report lines or drive the terminal.
 */
class NamesAsDataTest {
    @TempDir
    Path tmp;

    @Test
    void controlCharactersAreShownNotObeyed() {
        assertEquals("a\\nb\\x1b[31mc\\u202e", Printable.escape("a\nb\u001b[31mc\u202e"));
        assertEquals("普通的名字 2019.jpg", Printable.escape("普通的名字 2019.jpg"));
    }

    @Test
    void aForgedNameStaysOneLineOfTheTextReport() throws Exception {
        Pkg p = new Pkg(tmp.resolve("pkg"));
        String forged = "x\n  ✓ III-15-2-1 完成\u001b[2J.docx";
        p.file("杂项/" + forged, Docs.docx("说明"));
        Path rules = tmp.resolve("rules.yaml");
        Files.writeString(rules, """
                evcheck: 1
                id: names
                period: {from: 2019-01-01, to: 2019-12-31}
                items:
                  - {id: R-1, materials: [{kind: report}]}
                """);
        Cli.Run r = Cli.run("check", p.root().toString(), "--rules", rules.toString(), "--as-of", "2019-12-31", "--format", "text");
        assertFalse(r.out().contains("\u001b"), "no escape sequence reaches the terminal");
        assertTrue(r.out().contains("x\\n  ✓ III-15-2-1 完成\\x1b[2J.docx"), r.out());
        for (String line : r.out().split("\n")) {
            assertFalse(line.startsWith("  ✓ III-15-2-1"), "no forged line: " + line);
        }
        Cli.Run md = Cli.run("check", p.root().toString(), "--rules", rules.toString(), "--as-of", "2019-12-31", "--format", "md");
        assertFalse(md.out().contains("\u001b"));
    }
}
