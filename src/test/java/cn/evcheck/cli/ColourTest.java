package cn.evcheck.cli;

import cn.evcheck.testkit.Cli;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Issue 15 part 4: colour on a terminal that shows it, never with NO_COLOR, in a pipe or a file. */
class ColourTest {
    @Test
    void whenToColour() {
        assertTrue(ConsoleText.colour("auto", Map.of("TERM", "xterm-256color"), true, "Linux"));
        assertFalse(ConsoleText.colour("auto", Map.of("TERM", "xterm", "NO_COLOR", "1"), true, "Linux"), "NO_COLOR");
        assertTrue(ConsoleText.colour("auto", Map.of("NO_COLOR", ""), true, "Linux"), "an empty NO_COLOR does not count");
        assertFalse(ConsoleText.colour("auto", Map.of(), false, "Linux"), "a pipe or a file");
        assertFalse(ConsoleText.colour("auto", Map.of("TERM", "dumb"), true, "Linux"));
        assertFalse(ConsoleText.colour("auto", Map.of(), true, "Windows 10"), "the classic Windows console shows escape codes");
        assertTrue(ConsoleText.colour("auto", Map.of("WT_SESSION", "x"), true, "Windows 11"), "Windows Terminal");
        assertTrue(ConsoleText.colour("always", Map.of("NO_COLOR", "1"), false, "Linux"));
        assertFalse(ConsoleText.colour("never", Map.of(), true, "Linux"));
    }

    @Test
    void theMarksAndStatusesAreColouredAndNothingElseChanges() {
        Path demo = Path.of("samples", "\u9752\u53e3\u4e2d\u5fc3\u536b\u751f\u9662");
        Cli.Run plain = Cli.run("check", demo.toString(), "--no-cache");
        Cli.Run colour = Cli.run("check", demo.toString(), "--no-cache", "--color", "always");
        assertFalse(plain.out().contains("\u001b["), "no escape codes into a pipe");
        assertTrue(colour.out().contains("    \u001b[31m\u2717\u001b[0m "), colour.out());
        assertTrue(colour.out().contains("\u001b[33m!\u001b[0m "), colour.out());
        assertTrue(colour.out().contains("\u001b[32m[\u5b8c\u6210]\u001b[0m"), colour.out());
        assertEquals(plain.out(), colour.out().replaceAll("\u001b\\[[0-9;]*m", ""));
        assertEquals(2, Cli.run("check", demo.toString(), "--color", "sometimes").code());
    }
}
