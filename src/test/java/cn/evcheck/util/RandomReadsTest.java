package cn.evcheck.util;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The reads that warm the page cache without readahead: exactly the bytes asked for, read-only, never
 * through a link, never stuck on a FIFO; a file they cannot read is left to the checked read.
 */
class RandomReadsTest {
    @TempDir
    Path dir;

    @Test
    void readsTheHeadAndTailAskedForAndChangesNothing() throws Exception {
        assumeTrue(RandomReads.available(), "SKIPPED: not Linux on x86-64 or AArch64");
        byte[] bytes = new byte[1_000_000];
        new java.util.Random(3).nextBytes(bytes);
        Path f = Files.writeString(dir.resolve("\u7167\u7247 1.jpg"), "");   // a Chinese name, as packages have
        Files.write(f, bytes);
        long modified = Files.getLastModifiedTime(f).toMillis();
        assertEquals(128 * 1024 + 64 * 1024, RandomReads.touch(f, bytes.length, 128 * 1024, 64 * 1024));
        assertEquals(4096, RandomReads.touch(f, bytes.length, 4096, 0));
        assertEquals(RandomReads.BUFFER_BYTES, RandomReads.touch(f, bytes.length, 1 << 20, 0), "at most the buffer");
        Path small = Files.write(dir.resolve("small.jpg"), new byte[10]);
        assertEquals(10, RandomReads.touch(small, 10, 4096, 0), "never more than the file");
        assertArrayEquals(bytes, Files.readAllBytes(f), "only read");
        assertEquals(modified, Files.getLastModifiedTime(f).toMillis());
    }

    @Test
    void aLinkAMissingFileAndAFifoAreNotRead() throws Exception {
        assumeTrue(RandomReads.available(), "SKIPPED: not Linux on x86-64 or AArch64");
        Path target = Files.write(dir.resolve("target.jpg"), new byte[8192]);
        Path link = Files.createSymbolicLink(dir.resolve("link.jpg"), target);
        assertEquals(-1, RandomReads.touch(link, 8192, 4096, 0), "not through a link");
        assertEquals(-1, RandomReads.touch(dir.resolve("gone.jpg"), 8192, 4096, 0));
        Path fifo = dir.resolve("fifo.jpg");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0, "SKIPPED: no mkfifo");
        long t0 = System.nanoTime();
        assertTrue(RandomReads.touch(fifo, 8192, 4096, 0) <= 0, "nothing read from a FIFO");
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(20), "and no wait for a writer");
    }

    @Test
    void warmingAsksForTheBytesWithoutReadingThroughALinkOrWaitingOnAFifo() throws Exception {
        assumeTrue(RandomReads.available(), "SKIPPED: not Linux on x86-64 or AArch64");
        byte[] bytes = new byte[300_000];
        new java.util.Random(5).nextBytes(bytes);
        Path f = Files.write(dir.resolve("\u7167\u7247 2.jpg"), bytes);
        long modified = Files.getLastModifiedTime(f).toMillis();
        assertTrue(RandomReads.warm(f, bytes.length, 128 * 1024, 64 * 1024));
        assertArrayEquals(bytes, Files.readAllBytes(f), "only read");
        assertEquals(modified, Files.getLastModifiedTime(f).toMillis());
        Path link = Files.createSymbolicLink(dir.resolve("link2.jpg"), f);
        assertFalse(RandomReads.warm(link, bytes.length, 4096, 0), "not through a link");
        assertFalse(RandomReads.warm(dir.resolve("gone.jpg"), 8192, 4096, 0));
        Path fifo = dir.resolve("fifo2.jpg");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0, "SKIPPED: no mkfifo");
        long t0 = System.nanoTime();
        RandomReads.warm(fifo, 8192, 4096, 0);
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(20), "no wait for a writer");
    }

    @Test
    void theFirstBytesAreTheFilesOwnAndNeverThroughALinkOrAFifo() throws Exception {
        assumeTrue(RandomReads.available(), "SKIPPED: not Linux on x86-64 or AArch64");
        byte[] bytes = new byte[50_000];
        new java.util.Random(9).nextBytes(bytes);
        Path f = Files.write(dir.resolve("\u7167\u7247 3.jpg"), bytes);
        long modified = Files.getLastModifiedTime(f).toMillis();
        assertArrayEquals(java.util.Arrays.copyOf(bytes, 1024), RandomReads.head(f, 1024));
        assertArrayEquals(new byte[] {1, 2, 3}, RandomReads.head(Files.write(dir.resolve("short.bin"), new byte[] {1, 2, 3}), 1024),
                "never more than the file");
        assertArrayEquals(new byte[0], RandomReads.head(Files.write(dir.resolve("empty.bin"), new byte[0]), 1024));
        assertEquals(modified, Files.getLastModifiedTime(f).toMillis());
        assertEquals(null, RandomReads.head(Files.createSymbolicLink(dir.resolve("link3.jpg"), f), 1024), "not through a link");
        assertEquals(null, RandomReads.head(dir.resolve("gone.jpg"), 1024));
        Path fifo = dir.resolve("fifo3.jpg");
        assumeTrue(cn.evcheck.testkit.Pkg.fifo(fifo), "SKIPPED: no mkfifo");
        long t0 = System.nanoTime();
        byte[] got = RandomReads.head(fifo, 1024);
        assertTrue(got == null || got.length == 0, "nothing read from a FIFO");
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(20), "and no wait for a writer");
    }
}
