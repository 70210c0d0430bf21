package cn.evcheck.inspect;

import cn.evcheck.scan.FileEntry;
import cn.evcheck.scan.FileType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.*;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

/** Whatever one file's read throws is that file's facts; the run goes on, the same at any thread count. */
class InspectionTest {
    static FileEntry file(String name) {
        return new FileEntry(Path.of("/nonexistent", name), name, name, "bin", 10, FileType.UNKNOWN, null, null, null, null, List.of());
    }

    static int depth(int n) {
        return n <= 0 ? 0 : 1 + depth(n - 1);
    }

    /** A stand-in reader: each file name says what its read does. */
    static Facts read(FileEntry f, Inspector.Needs needs, Map<String, AtomicInteger> calls) throws IOException {
        int call = calls.computeIfAbsent(f.name(), k -> new AtomicInteger()).incrementAndGet();
        return switch (f.name()) {
            case "deep" -> Facts.refused(f, "depth " + depth(Integer.MAX_VALUE));
            case "oom-once" -> {
                if (call == 1) throw new OutOfMemoryError("Java heap space");
                yield Facts.none(f);
            }
            case "oom-always" -> throw new OutOfMemoryError("Java heap space");
            case "linkage" -> throw new NoClassDefFoundError("org/bouncycastle/cms/CMSException");
            case "runtime" -> throw new IllegalStateException("library bug\nsecond line");
            case "io" -> throw new IOException("gone");
            default -> Facts.none(f);
        };
    }

    /** Progress that counts the files reported, and dies (out of memory) at the counts {@code dieAt} accepts. */
    private static Progress counting(AtomicInteger advanced, java.util.function.IntPredicate dieAt) {
        return new Progress() {
            @Override
            public void start(String unit, int n) {
            }

            @Override
            public void advance() {
                if (dieAt.test(advanced.incrementAndGet())) throw new OutOfMemoryError("bookkeeping");
            }
        };
    }

    @Test
    void everyFailureBecomesThatFilesFacts() {
        List<FileEntry> files = new ArrayList<>();
        for (String n : List.of("a", "deep", "oom-once", "b", "oom-always", "linkage", "runtime", "io", "c")) files.add(file(n));
        Map<String, Facts> previous = null;
        for (int threads : new int[]{1, 2, 4}) {
            Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
            AtomicInteger advanced = new AtomicInteger();
            Progress progress = counting(advanced, k -> false);
            Map<String, Facts> facts = Inspection.run(files, f -> Inspector.Needs.NONE, threads, progress,
                    (f, n) -> read(f, n, calls));
            assertEquals(files.stream().map(FileEntry::rel).toList(), List.copyOf(facts.keySet()), "in the order given");
            assertEquals(files.size(), advanced.get());
            assertEquals("nesting too deep (stack overflow)", facts.get("deep").refused());
            assertNull(facts.get("oom-once").refused(), "an out-of-memory in the parallel phase decides nothing");
            assertEquals(2, calls.get("oom-once").get());
            assertEquals("out of memory, even when read alone", facts.get("oom-always").refused());
            assertEquals("org/bouncycastle/cms/CMSException", facts.get("linkage").readError());
            assertEquals("library bug", facts.get("runtime").readError());
            assertEquals("gone", facts.get("io").readError());
            for (String ok : List.of("a", "b", "c")) {
                assertNull(facts.get(ok).readError());
                assertNull(facts.get(ok).refused());
            }
            if (previous != null) assertEquals(previous, facts, "threads " + threads);
            previous = facts;
        }
    }

    /**
     * Issue 12: a read that never ends (a parser loop, a FIFO's open) is abandoned when the time
     * budget per file runs out; the file is refused as such and the others are read as usual.
     */
    @Test
    void aReadThatNeverEndsIsAbandonedAtTheTimeBudget() {
        List<FileEntry> files = List.of(file("a"), file("hang"), file("b"));
        java.util.concurrent.CountDownLatch never = new java.util.concurrent.CountDownLatch(1);
        Map<String, Facts> facts = Inspection.run(files, f -> Inspector.Needs.NONE, 2, Progress.NONE, (f, n) -> {
            if (f.rel().equals("hang")) {
                try {
                    never.await();   // returns only when interrupted by the abandonment
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new java.io.IOException("interrupted");
            }
            return Facts.none(f);
        }, 300);
        assertEquals(1, facts.get("hang").timedOutAfter(), facts.get("hang").refused());
        assertNull(facts.get("a").refused());
        assertNull(facts.get("b").refused());
        assertEquals(-1, facts.get("a").timedOutAfter());
    }

    /**
     * Issue 13: reader threads are reused from file to file (not a thread per file); a read abandoned
     * at the budget keeps its thread, the files after it get others, and none of them sees the
     * interrupt that was meant for the abandoned read.
     */
    @Test
    void readersAreReusedAndAnAbandonedOneIsLeftAlone() {
        List<FileEntry> files = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) files.add(file("f" + i));
        files.add(100, file("stuck"));
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.Set<Thread> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.concurrent.atomic.AtomicInteger interruptedReads = new java.util.concurrent.atomic.AtomicInteger();
        try {
            Map<String, Facts> facts = Inspection.run(files, f -> Inspector.Needs.NONE, 2, Progress.NONE, (f, n) -> {
                if (f.rel().equals("stuck")) {
                    // Ignores the interrupt: stays on its thread until the test ends.
                    while (true) {
                        try {
                            release.await();
                            return Facts.none(f);
                        } catch (InterruptedException e) {
                            // abandoned, and deaf to it
                        }
                    }
                }
                threads.add(Thread.currentThread());
                if (Thread.currentThread().isInterrupted()) interruptedReads.incrementAndGet();
                return Facts.none(f);
            }, 300);
            assertEquals(1, facts.get("stuck").timedOutAfter());
            for (int i = 0; i < 200; i++) assertNull(facts.get("f" + i).refused(), "f" + i);
            assertEquals(0, interruptedReads.get(), "a read saw an interrupt meant for another");
            assertTrue(threads.size() <= 20, threads.size() + " reader threads for 200 files: not reused");
        } finally {
            release.countDown();
        }
    }

    /**
     * Scans are spread among the photos (each group in its order), so that a worker computes a page
     * while the other waits for a photo's bytes, not all at the end; the facts still come back in the
     * order of the files given, each file read once, with one or two workers.
     */
    @Test
    void heavyReadsAreSpreadAmongTheLightOnesAndTheFactsKeepTheGivenOrder() {
        boolean[] heavy = new boolean[1000];
        for (int i = 950; i < 1000; i++) heavy[i] = true;   // a 正式发文 folder after the photos, in path order
        int[] order = Inspection.interleaved(heavy);
        assertEquals(1000, Arrays.stream(order).distinct().filter(i -> i >= 0 && i < 1000).count(), "a permutation");
        List<Integer> hard = new ArrayList<>();
        List<Integer> light = new ArrayList<>();
        for (int k = 0; k < 1000; k++) (heavy[order[k]] ? hard : light).add(k);
        assertEquals(0, hard.get(0), "a scan first: the disk is read ahead meanwhile");
        for (int j = 1; j < hard.size(); j++) {
            assertEquals(20, hard.get(j) - hard.get(j - 1), "one scan every 19 photos: " + hard);
        }
        List<Integer> lightOrder = light.stream().map(k -> order[k]).toList();
        List<Integer> sorted = new ArrayList<>(lightOrder);
        Collections.sort(sorted);
        assertEquals(sorted, lightOrder, "photos keep their order");
        assertArrayEquals(new int[]{0, 1, 2}, Inspection.interleaved(new boolean[3]));
        assertArrayEquals(new int[]{0, 1}, Inspection.interleaved(new boolean[]{true, true}));

        List<FileEntry> files = new ArrayList<>();
        for (int i = 0; i < 60; i++) files.add(file((i >= 50 ? "scan" : "photo") + i));
        for (int threads : new int[]{1, 2}) {
            List<String> seen = Collections.synchronizedList(new ArrayList<>());
            Map<String, Facts> facts = Inspection.run(files,
                    f -> f.name().startsWith("scan") ? new Inspector.Needs(false, false, true, false) : Inspector.Needs.NONE,
                    threads, Progress.NONE, (f, n) -> {
                        seen.add(f.name());
                        return Facts.none(f);
                    }, 10_000);
            assertEquals(files.stream().map(FileEntry::rel).toList(), new ArrayList<>(facts.keySet()), "the given order");
            assertEquals(60, new HashSet<>(seen).size());
            assertEquals(60, seen.size(), "each file read once");
            if (threads == 1) assertEquals("scan50", seen.get(0), "the first scan is read first: " + seen);
            if (threads == 1) assertTrue(seen.indexOf("scan59") < seen.indexOf("photo49"), "the last scan before the last photo: " + seen);
        }
    }

    /**
     * A worker that dies outside a read (out of memory in its bookkeeping, here in the progress it reports)
     * is replaced: every file still gets its facts, each read once, none left unread.
     */
    @Test
    void aWorkerThatDiesBetweenFilesIsReplaced() {
        List<FileEntry> files = new ArrayList<>();
        for (int i = 0; i < 40; i++) files.add(file("f" + i));
        for (int threads : new int[]{1, 2}) {
            AtomicInteger advanced = new AtomicInteger();
            Progress dies = counting(advanced, k -> k == 5 || k == 17);
            Map<String, AtomicInteger> reads = new ConcurrentHashMap<>();
            Map<String, Facts> facts = Inspection.run(files, f -> Inspector.Needs.NONE, threads, dies, (f, n) -> {
                reads.computeIfAbsent(f.rel(), k -> new AtomicInteger()).incrementAndGet();
                return Facts.none(f);
            }, 10_000);
            assertEquals(40, facts.size());
            for (FileEntry f : files) {
                assertNull(facts.get(f.rel()).readError(), f.rel() + " with " + threads);
                assertEquals(1, reads.get(f.rel()).get(), f.rel() + " read once");
            }
            assertEquals(40, advanced.get(), "progress for every file");
        }
    }

    @Test
    void theTimeBudgetIsConfigurable() {
        String before = System.getProperty("evcheck.fileTimeout");
        try {
            System.setProperty("evcheck.fileTimeout", "7");
            assertEquals(7, Inspection.timeoutSeconds());
            System.setProperty("evcheck.fileTimeout", "nonsense");
            assertEquals(Inspection.DEFAULT_TIMEOUT_SECONDS, Inspection.timeoutSeconds());
        } finally {
            if (before == null) System.clearProperty("evcheck.fileTimeout");
            else System.setProperty("evcheck.fileTimeout", before);
        }
    }

    @Test
    void theBudgetIsHalfTheHeap() {
        long max = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        assertEquals(Math.max(16, max / 2), Inspection.budgetMb());
    }
}
