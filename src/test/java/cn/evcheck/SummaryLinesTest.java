package cn.evcheck;

import cn.evcheck.testkit.Cli;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue 15 part 4: the summary counts the ✗ ! · lines the report shows (a category's short periods are
 * one line), says the short periods once, and every finding names its file by its path in the package.
 */
class SummaryLinesTest {
    static final Path DEMO = Path.of("samples", "\u9752\u53e3\u4e2d\u5fc3\u536b\u751f\u9662");

    static long lines(String report, String mark) {
        return report.lines().filter(l -> l.startsWith("    " + mark + " ") || l.startsWith("  " + mark + " ")).count();
    }

    @Test
    void theSummaryCountsTheLinesShown() {
        for (String lang : new String[]{"en", "zh"}) {
            Cli.Run r = Cli.run("check", DEMO.toString(), "--lang", lang, "--no-cache");
            assertEquals(1, r.code(), r.err());
            String out = r.out();
            long errors = lines(out, "\u2717"), warnings = lines(out, "!"), notes = lines(out, "\u00b7");
            assertTrue(errors > 0 && warnings > 0 && notes > 0, out);
            String summary = out.lines().filter(l -> l.startsWith("Summary:") || l.startsWith("\u6c47\u603b")).findFirst().orElseThrow();
            Matcher m = (lang.equals("en")
                    ? Pattern.compile("; (\\d+) errors?, (\\d+) warnings?, (\\d+) notes? \\(photos short in (\\d+) periods?\\)")
                    : Pattern.compile("\u9519\u8bef (\\d+)\uff0c\u8b66\u544a (\\d+)\uff0c\u63d0\u793a (\\d+)\uff08\u56fe\u7247\u4e0d\u8db3\u5171 (\\d+) \u671f\uff09"))
                    .matcher(summary);
            assertTrue(m.find(), summary);
            assertEquals(errors, Long.parseLong(m.group(1)), summary + "\n" + out);
            assertEquals(warnings, Long.parseLong(m.group(2)), summary);
            assertEquals(notes, Long.parseLong(m.group(3)), summary);
            assertEquals(8, Long.parseLong(m.group(4)), "the demo's short periods: 3 festivals, 4 months, 1 two-month block");
        }
    }

    @Test
    void rangesAreSpelledOneWayAndFilesByTheirPath() {
        Cli.Run r = Cli.run("check", DEMO.toString(), "--lang", "en", "--no-cache");
        assertTrue(r.out().contains("photos short in Feb 2018, Apr\u2013Jun 2018 (4 periods, at least 1 each)"), r.out());
        assertTrue(r.out().contains("photos short in Mar\u2013Apr 2018 (1 period, at least 1 each)"), r.out());
        assertFalse(Pattern.compile("\\d{4}-\\d{2}(\u2026|\\.\\.)").matcher(r.out()).find(), "a range spelt another way: " + r.out());
        assertTrue(r.out().contains("Found: 2 reports, 9 photos"), "English counts come before their noun: " + r.out());
        assertTrue(r.out().contains("Found: 1 formal document"), r.out());
        // The demo's report file, by its path in the package, not its bare name.
        assertTrue(r.out().contains("\u2717 III-15-2-1 \u5173\u7231\u7a7a\u5de2\u8001\u4eba\u7b49\u5fd7\u613f\u670d\u52a1/"), r.out());
    }
}
