package cn.evcheck.inspect;

import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading ahead stays a bounded distance ahead of the workers and skips files the cache answers. */
class ReadaheadTest {
    @Test
    void staysWithinItsWindowAndSkipsCachedFiles() throws Exception {
        AtomicInteger next = new AtomicInteger();
        Set<Integer> touched = ConcurrentHashMap.newKeySet();
        try (Readahead r = new Readahead(1000, next, i -> i % 2 == 1, 4, touched::add)) {
            long until = System.nanoTime() + 10_000_000_000L;
            while (touched.size() < Readahead.WINDOW / 2 && System.nanoTime() < until) Thread.sleep(5);
            Thread.sleep(50);   // workers stuck at file 0: nothing beyond the window is read
            assertTrue(touched.stream().allMatch(i -> i <= Readahead.WINDOW), "ahead of the window: " + touched);
            assertTrue(touched.stream().allMatch(i -> i % 2 == 1), "a cached file was read ahead: " + touched);
            assertEquals(Readahead.WINDOW / 2, touched.size(), "every wanted file within the window: " + touched);
            next.set(500);   // the workers move on: what they passed is not read, what is ahead is
            r.taken(499);    // as a worker says it took a file: the threads waiting for the window wake
            until = System.nanoTime() + 10_000_000_000L;
            while (!touched.contains(501 + Readahead.WINDOW - 2) && System.nanoTime() < until) Thread.sleep(5);
            assertTrue(touched.contains(501 + Readahead.WINDOW - 2), "the window follows the workers");
            assertTrue(touched.stream().noneMatch(i -> i > Readahead.WINDOW && i < 500), "files the workers passed: " + touched);
        }
    }
}
