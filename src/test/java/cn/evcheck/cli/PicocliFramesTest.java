package cn.evcheck.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.InputStream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The picocli classes evcheck runs with (here: those the build put in target/classes, ahead of picocli's
 * jar on the class path) are the ones src/build/PicocliFrames.java rewrote: Java 8 class files with
 * stack-map frames, which the new verifier checks and a class-data archive can hold. Every CLI test then
 * runs on them; a frame computed wrong would fail here as a VerifyError.
 */
class PicocliFramesTest {
    static int major(Class<?> c) throws Exception {
        try (InputStream in = c.getResourceAsStream(c.getName().substring(c.getName().lastIndexOf('.') + 1) + ".class")) {
            assertNotNull(in, c.getName());
            byte[] head = in.readNBytes(8);
            return (head[6] & 0xFF) << 8 | (head[7] & 0xFF);
        }
    }

    @Test
    void picocliIsAJava8ClassFileWithFrames() throws Exception {
        assertEquals(52, major(CommandLine.class), "picocli as published is Java 5 (49): the build step did not run");
        assertEquals(52, major(CommandLine.Help.Ansi.class));
        assertTrue(CommandLine.class.getProtectionDomain().getCodeSource().getLocation().getPath().endsWith("/classes/"),
                "loaded from " + CommandLine.class.getProtectionDomain().getCodeSource().getLocation());
        // The rewritten classes load and work (a frame computed wrong is a VerifyError): the whole help.
        assertTrue(new CommandLine(new Main()).getUsageMessage().contains("--version"));
    }
}
