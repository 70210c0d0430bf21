package cn.evcheck.inspect;

import cn.evcheck.scan.FileEntry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Inspects the files of a run, each once, in parallel, so that one file can never abort the run
 * and the verdict on a file never depends on the thread count or on timing:
 * <ul>
 * <li>every file is read on a worker thread with a fixed stack of {@link #STACK_BYTES} — also
 *     with one thread — so how deep a hostile file may nest is the same in every run;</li>
 * <li>whatever is thrown while reading one file becomes that file's facts: a
 *     {@link StackOverflowError} a refusal ({@link Facts#refused()}), an {@link LinkageError} or
 *     any other exception or error a read error ({@link Facts#readError()});</li>
 * <li>an {@link OutOfMemoryError} in the parallel phase decides nothing: the file is read again
 *     after all others, alone; only if it runs out of memory alone is it refused;</li>
 * <li>admission control: a file is read only when its estimated peak heap
 *     ({@link Inspector#heapMb}) fits, with the estimates of the files being read, in a budget
 *     of half the maximum heap, so parallel reads do not overcommit memory;</li>
 * <li>a time budget per file ({@link #timeoutSeconds()}): a read that has not finished by then is
 *     abandoned on its thread, the file is refused ({@link Facts#timedOut}), and the run goes on — a
 *     parser that loops or a file that blocks cannot hold the run. The budget is generous, so that
 *     on a working machine only such files reach it.</li>
 * </ul>
 * Facts come back keyed by relative path, in the order of the files given.
 */
public final class Inspection {
    private Inspection() {}

    /** The stack of every inspection thread: four times the JVM's usual default. */
    public static final long STACK_BYTES = 4L * 1024 * 1024;

    /** Reads every file with what {@code needs} says the checks need of it. */
    public static Map<String, Facts> run(List<FileEntry> files, Function<FileEntry, Inspector.Needs> needs, int threads,
                                         Progress progress) {
        return run(files, needs, threads, progress, Inspector::inspect, timeoutSeconds() * 1000L);
    }

    /** Reads every file, answering from {@code cache} where a file is unchanged since it was kept. */
    public static Map<String, Facts> run(List<FileEntry> files, Function<FileEntry, Inspector.Needs> needs, int threads,
                                         Progress progress, FactsCache cache) {
        return run(files, needs, threads, progress, cache.wrap(Inspector::inspect), timeoutSeconds() * 1000L, cache::has);
    }

    /**
     * {@link #run(List, Function, int, Progress, FactsCache)}, asking {@code first} before each file is
     * read: what it answers (when not null) is the file's facts, and the file is not read.
     */
    public static Map<String, Facts> run(List<FileEntry> files, Function<FileEntry, Inspector.Needs> needs, int threads,
                                         Progress progress, FactsCache cache, Function<FileEntry, Facts> first) {
        Read read = cache.wrap(Inspector::inspect);
        return run(files, needs, threads, progress, (f, n) -> {
            Facts answered = first.apply(f);
            return answered != null ? answered : read.read(f, n);
        }, timeoutSeconds() * 1000L, cache::has);
    }

    /** The default time budget per file, in seconds. */
    public static final int DEFAULT_TIMEOUT_SECONDS = 120;

    /**
     * The time budget per file in seconds: {@code -Devcheck.fileTimeout=N} or the environment variable
     * {@code EVCHECK_FILE_TIMEOUT}, else {@link #DEFAULT_TIMEOUT_SECONDS}.
     */
    public static int timeoutSeconds() {
        String v = System.getProperty("evcheck.fileTimeout", System.getenv("EVCHECK_FILE_TIMEOUT"));
        try {
            int n = v == null ? DEFAULT_TIMEOUT_SECONDS : Integer.parseInt(v.strip());
            return n > 0 ? n : DEFAULT_TIMEOUT_SECONDS;
        } catch (NumberFormatException e) {
            return DEFAULT_TIMEOUT_SECONDS;
        }
    }

    /** How one file is read: {@link Inspector#inspect}, or a stand-in in tests. */
    @FunctionalInterface
    interface Read {
        Facts read(FileEntry f, Inspector.Needs needs) throws java.io.IOException;
    }

    static Map<String, Facts> run(List<FileEntry> files, Function<FileEntry, Inspector.Needs> needs, int threads,
                                  Progress progress, Read read) {
        return run(files, needs, threads, progress, read, timeoutSeconds() * 1000L);
    }

    static Map<String, Facts> run(List<FileEntry> files, Function<FileEntry, Inspector.Needs> needs, int threads,
                                  Progress progress, Read read, long timeoutMs) {
        return run(files, needs, threads, progress, read, timeoutMs, (f, w) -> false);
    }

    /** @param cached whether a file's facts will come from the cache (no read ahead for it) */
    static Map<String, Facts> run(List<FileEntry> given, Function<FileEntry, Inspector.Needs> needs, int threads,
                                  Progress progress, Read read, long timeoutMs,
                                  java.util.function.BiPredicate<FileEntry, Inspector.Needs> cached) {
        int n = given.size();
        Inspector.Needs[] asked = new Inspector.Needs[n];
        boolean[] heavy = new boolean[n];
        for (int i = 0; i < n; i++) {
            asked[i] = needs.apply(given.get(i));
            heavy[i] = heavy(asked[i]) && !cached.test(given.get(i), asked[i]);
        }
        int[] order = interleaved(heavy);
        List<FileEntry> files = new java.util.ArrayList<>(n);
        Inspector.Needs[] wanted = new Inspector.Needs[n];
        for (int k = 0; k < n; k++) {
            files.add(given.get(order[k]));
            wanted[k] = asked[order[k]];
        }
        Facts[] out = new Facts[n];
        java.util.concurrent.ExecutorService readers = readers();
        try {
            AtomicInteger next = new AtomicInteger();
            try (Readahead ahead = new Readahead(files, next, i -> !cached.test(files.get(i), wanted[i]), Readahead.threads())) {
                new Crew(files, wanted, out, read, timeoutMs, next, ahead, progress).run(Math.max(1, Math.min(threads, n)));
            }
            // Files whose read ran out of memory (or whose worker died) are read again, one at a time.
            for (int i = 0; i < n; i++) {
                if (out[i] != null) continue;
                int k = i;
                Thread t = worker("evcheck-inspect-alone", () -> out[k] = timed(readers, read, files.get(k), wanted[k], true, timeoutMs));
                t.start();
                join(t);
                if (out[k] == null) out[k] = Facts.readError(files.get(k), "not inspected");
                progress.advance();
            }
        } finally {
            readers.shutdown();   // idle readers end; an abandoned one finishes (or not) on its daemon thread
        }
        Facts[] byGiven = new Facts[n];
        for (int k = 0; k < n; k++) byGiven[order[k]] = out[k];
        Map<String, Facts> byRel = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) byRel.put(given.get(i).rel(), byGiven[i]);
        return byRel;
    }

    /** A file whose read is mostly computing: a page analysed (and read by OCR), a PDF's pages drawn. */
    static boolean heavy(Inspector.Needs needs) {
        return needs.docScan() || needs.pdfPages();
    }

    /**
     * The order the workers take the files in: the heavy ones spread evenly among the others, each
     * group in its given order. A photo's read is mostly waiting for the disk (its head and tail,
     * read ahead), a scan's is computing; taken in path order, the scans of a 正式发文 folder came
     * all together, after the photos, with both cores busy and the disk idle. Spread out, one
     * worker computes while the other waits. Only the order of the reads changes, never their
     * results. Returns a permutation of the indices of {@code heavy}.
     */
    static int[] interleaved(boolean[] heavy) {
        int n = heavy.length;
        int h = 0;
        for (boolean b : heavy) if (b) h++;
        int[] order = new int[n];
        int[] light = new int[n - h];
        int[] hard = new int[h];
        for (int i = 0, a = 0, b = 0; i < n; i++) {
            if (heavy[i]) hard[b++] = i;
            else light[a++] = i;
        }
        int k = 0;
        int next = 0;
        for (int j = 0; j < light.length; j++) {
            // heavy file number next goes before light file number j once next/h <= j/light.length
            while (next < h && (long) next * light.length <= (long) j * h) order[k++] = hard[next++];
            order[k++] = light[j];
        }
        while (next < h) order[k++] = hard[next++];
        return order;
    }

    /**
     * The reader threads of the files read again alone (the parallel phase's workers, {@link Crew},
     * read their files themselves): each with the fixed stack, reused from file to file. A reader
     * whose file overran its budget is abandoned to it, and the next file gets a new one.
     */
    static java.util.concurrent.ExecutorService readers() {
        return new java.util.concurrent.ThreadPoolExecutor(0, Integer.MAX_VALUE, 10, java.util.concurrent.TimeUnit.SECONDS,
                new java.util.concurrent.SynchronousQueue<>(), body -> worker("evcheck-read", body));
    }

    /**
     * {@link #attempt} on a reader thread of {@code readers}, waited for at most {@code timeoutMs}: a
     * read still running then is abandoned (interrupted, left to finish or not on its daemon thread)
     * and the file refused as over the time budget.
     */
    static Facts timed(java.util.concurrent.ExecutorService readers, Read read, FileEntry f, Inspector.Needs needs,
                       boolean alone, long timeoutMs) {
        java.util.concurrent.CompletableFuture<Facts> result = new java.util.concurrent.CompletableFuture<>();
        Thread[] on = new Thread[1];
        Runnable body = () -> {
            synchronized (on) {
                on[0] = Thread.currentThread();
            }
            // This thread is abandoned at the time budget: an open that blocks here cannot hold the run.
            cn.evcheck.util.SafeOpen.openInline(true);
            try {
                result.complete(attempt(read, f, needs, alone));
            } catch (Throwable e) {
                result.complete(alone ? Facts.readError(f, Errors.oneLine(e)) : null);
            } finally {
                synchronized (on) {
                    on[0] = null;
                    Thread.interrupted();   // an interrupt meant for this file must not reach the next
                }
            }
        };
        try {
            readers.execute(body);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            return alone ? Facts.readError(f, "not inspected") : null;
        }
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return result.get(timeoutMs, java.util.concurrent.TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (java.util.concurrent.ExecutionException e) {
                    return Facts.readError(f, Errors.oneLine(e.getCause()));
                } catch (java.util.concurrent.TimeoutException e) {
                    synchronized (on) {
                        if (on[0] != null) on[0].interrupt();
                    }
                    return Facts.timedOut(f, timeoutMs);
                }
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    /**
     * One read of one file; null when it ran out of memory and {@code alone} is false (it is to be
     * read again, alone).
     */
    static Facts attempt(Read read, FileEntry f, Inspector.Needs needs, boolean alone) {
        try {
            return read.read(f, needs);
        } catch (StackOverflowError e) {
            return Facts.refused(f, "nesting too deep (stack overflow)");
        } catch (OutOfMemoryError e) {
            return alone ? Facts.refused(f, "out of memory, even when read alone") : null;
        } catch (Throwable e) {
            // IOException, a library's RuntimeException, a LinkageError (a class the library needs
            // for this file is missing), any other error: this file's problem, not the run's.
            return Facts.readError(f, Errors.oneLine(e));
        }
    }

    static Thread worker(String name, Runnable body) {
        Thread t = new Thread(null, body, name, STACK_BYTES);
        t.setDaemon(true);
        // A worker that dies outside a read (out of memory in bookkeeping) leaves its file to be
        // read again alone; nothing for the clerk's terminal.
        t.setUncaughtExceptionHandler((thread, e) -> { });
        return t;
    }

    private static void join(Thread t) {
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    /**
     * The second, small pass for exact copies: photos read header first carry a {@link Fingerprint}
     * (size, first 16 KiB and last 4 KiB), not a hash of every byte. Where two or more photos share size and
     * fingerprint, each of them is read once more, streamed, for the SHA-256 of all its bytes, so that
     * "identical" is still a statement about every byte (two shots of a static scene re-encoded to the
     * same size and the same ends would otherwise pass as one file). Photos whose fingerprints are
     * unique cannot have an exact copy and are not read again. A file that cannot be read now keeps no
     * hash (its near-duplicate hash still groups it). Facts come back in the same order.
     */
    public static Map<String, Facts> confirmCopies(Map<String, Facts> facts) {
        Map<String, List<String>> byPrint = new java.util.HashMap<>();
        for (Map.Entry<String, Facts> e : facts.entrySet()) {
            Facts fx = e.getValue();
            if (fx == null || fx.photo() == null || fx.photo().fingerprint() == null) continue;
            byPrint.computeIfAbsent(fx.file().size() + ":" + fx.photo().fingerprint(), k -> new java.util.ArrayList<>()).add(e.getKey());
        }
        Map<String, Facts> out = new LinkedHashMap<>(facts);
        for (List<String> rels : byPrint.values()) {
            if (rels.size() < 2) continue;
            for (String rel : rels) {
                Facts fx = out.get(rel);
                if (fx.photo().sha256() != null) continue;
                try (java.io.InputStream in = fx.file().open()) {
                    String sha = cn.evcheck.util.Hashes.sha256(in);
                    out.put(rel, new Facts(fx.file(), fx.readError(), fx.photo().withSha256(sha), fx.text(), fx.pdf(),
                            fx.doc(), fx.sheet(), fx.captions(), fx.refused()));
                } catch (java.io.IOException | RuntimeException e) {
                    // Changed or gone since the scan: no exact-copy claim for it.
                }
            }
        }
        return out;
    }

    /** Half the maximum heap, in MiB: what reads in parallel may together be estimated to take. */
    static int budgetMb() {
        long max = Runtime.getRuntime().maxMemory();
        long mb = (max == Long.MAX_VALUE ? 4096L * 1024 * 1024 : max) / (1024 * 1024) / 2;
        return (int) Math.max(16, Math.min(Integer.MAX_VALUE, mb));
    }
}
