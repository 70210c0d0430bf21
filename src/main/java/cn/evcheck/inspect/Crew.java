package cn.evcheck.inspect;

import cn.evcheck.scan.FileEntry;

import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The parallel phase of {@link Inspection}: each worker reads the files it takes on its own thread (a read handed to a
 * thread of its own cost two thread switches a file), and the thread that started them, while it
 * waits, is the watchdog: a read that overruns the time budget is given up — the file refused as
 * such, its memory permits returned, its thread interrupted and left to end or not, and a new
 * worker started in its place — and a worker that died (out of memory outside a read) is replaced,
 * its file left to be read again alone. A worker whose read was given up takes no other file.
 */
final class Crew {
    private final List<FileEntry> files;
    private final Inspector.Needs[] wanted;
    private final Facts[] out;
    private final Inspection.Read read;
    private final long timeoutMs;
    private final AtomicInteger next;
    private final Readahead ahead;
    private final Progress progress;
    private final int budget = Inspection.budgetMb();
    private final Semaphore admission = new Semaphore(budget, true);
    /** Files whose read ended or was given up. */
    private final AtomicInteger settled = new AtomicInteger();
    private final List<Slot> slots = new java.util.ArrayList<>();
    private Thread boss;
    private int named;

    /** A worker: the file it reads (-1 between files), since when, with how many permits. */
    private static final class Slot {
        final AtomicInteger file = new AtomicInteger(-1);
        /** Whether the read has started (the wait for memory permits does not count against the budget). */
        volatile boolean reading;
        volatile long since;
        volatile int permits;
        Thread thread;
        boolean replaced;
    }

    Crew(List<FileEntry> files, Inspector.Needs[] wanted, Facts[] out, Inspection.Read read, long timeoutMs, AtomicInteger next,
         Readahead ahead, Progress progress) {
        this.files = files;
        this.wanted = wanted;
        this.out = out;
        this.read = read;
        this.timeoutMs = timeoutMs;
        this.next = next;
        this.ahead = ahead;
        this.progress = progress;
    }

    void run(int workers) {
        int n = files.size();
        boss = Thread.currentThread();
        for (int w = 0; w < workers; w++) start();
        long timeout = java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        long tick = Math.max(1_000_000L, Math.min(timeout / 8, 200_000_000L));
        boolean interrupted = false;
        while (settled.get() < n) {
            java.util.concurrent.locks.LockSupport.parkNanos(this, tick);
            if (Thread.interrupted()) interrupted = true;
            long now = System.nanoTime();
            for (int k = 0; k < slots.size(); k++) {
                Slot s = slots.get(k);
                if (s.replaced) continue;
                int f = s.file.get();
                boolean dead = !s.thread.isAlive();
                if (f >= 0 && (dead || (s.reading && now - s.since > timeout)) && s.file.compareAndSet(f, -1)) {
                    s.replaced = true;
                    if (!dead) {
                        out[f] = Facts.timedOut(files.get(f), timeoutMs);
                        s.thread.interrupt();   // the read may stop; whatever it returns is not taken
                    }
                    admission.release(s.permits);   // a read that hangs must not starve the others
                    settled.incrementAndGet();
                    if (!dead) progress.advance();
                    start();
                } else if (f < 0 && dead) {
                    s.replaced = true;   // died between files, or ended: files left go to a new worker
                    if (next.get() < n) start();
                }
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    private void start() {
        Slot s = new Slot();
        s.thread = Inspection.worker("evcheck-read-" + (++named), () -> work(s));
        slots.add(s);
        s.thread.start();
    }

    private void work(Slot s) {
        // This thread is given up at the time budget: an open that blocks here cannot hold the run.
        cn.evcheck.util.SafeOpen.openInline(true);
        int n = files.size();
        int i;
        while ((i = next.getAndIncrement()) < n) {
            s.reading = false;
            s.permits = 0;
            s.file.set(i);   // before anything can fail: a worker that dies holding it leaves it to be read alone
            ahead.taken(i);
            int permits = (int) Math.min(budget, Inspector.heapMb(files.get(i), wanted[i]));
            admission.acquireUninterruptibly(permits);
            s.permits = permits;
            s.since = System.nanoTime();
            s.reading = true;
            Facts r = Inspection.attempt(read, files.get(i), wanted[i], false);
            if (!s.file.compareAndSet(i, -1)) return;   // given up meanwhile: the watchdog has answered for it
            Thread.interrupted();   // nothing meant to stop this read may reach the next
            out[i] = r;
            admission.release(permits);
            try {
                if (r != null) progress.advance();   // before the file counts as settled: the run ends after its progress
            } finally {
                if (settled.incrementAndGet() == n) java.util.concurrent.locks.LockSupport.unpark(boss);
            }
        }
    }
}
