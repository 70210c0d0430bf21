package cn.evcheck.cli;

import cn.evcheck.util.Printable;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.*;

/** Issue 15 part 5: a progress bar that fits its terminal, Chinese counted as two columns, erased completely. */
class ProgressBarTest {
    @Test
    void fitsTheTerminalAndErasesItself() {
        StringWriter s = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(s), true, 60);
        bar.units(30);
        String longUnit = "\u8fde\u4e91\u6e2f\u5e02\u8d63\u6986\u533a\u9752\u53e3\u4e2d\u5fc3\u536b\u751f\u9662".repeat(3);   // 42 wide characters
        bar.start(longUnit, 3);
        for (int i = 0; i < 3; i++) bar.advance();
        bar.finish();
        String out = s.toString();
        String[] draws = out.split("\r", -1);
        int widest = 0;
        for (String d : draws) widest = Math.max(widest, Printable.width(d));
        assertTrue(widest <= 59, "never as wide as the terminal (no wrapping): " + widest + "\n" + out);
        assertTrue(out.contains("unit 1/30 "), "the unit counter: " + out);
        assertTrue(out.contains("\u2026"), "a long name is cut: " + out);
        assertTrue(out.contains("3/3 files"), "the counts stay: " + out);
        // The last draw is blanked exactly: as many spaces as it was wide.
        String last = draws[draws.length - 3];
        assertEquals(" ".repeat(Printable.width(last)), draws[draws.length - 2], "erased completely");
    }

    @Test
    void widthCountsChineseAsTwoColumns() {
        assertEquals(4, Printable.width("\u5355\u4f4d"));
        assertEquals(6, Printable.width("ab\u5355\u4f4d"));
        assertEquals("ab\u5355\u2026", ProgressBar.fit("ab\u5355\u4f4d\u540d\u79f0", 6));
    }
}
