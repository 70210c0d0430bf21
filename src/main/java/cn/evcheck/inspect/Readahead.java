package cn.evcheck.inspect;

import cn.evcheck.scan.FileEntry;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;
import java.util.concurrent.locks.LockSupport;

/**
 * Reads, a little ahead of the inspection workers, the parts of the coming files that inspection
 * reads first — the head and the tail — and throws the bytes away: they are then in the operating
 * system's page cache when a worker asks for them. Reading header first, a worker spends most of a
 * photo's time waiting for the disk or the network share, not computing; a few reads in flight hide
 * that wait without more CPU threads (issue 13). Bounded: at most {@link #WINDOW} files ahead of the
 * workers, one buffer per thread; files the facts cache answers are not touched. Read-only, through
 * {@link FileEntry#channel()} like every read.
 */
final class Readahead implements AutoCloseable {
    /** How far ahead of the workers, in files. */
    static final int WINDOW = 32;
    /**
     * Bytes read at each end of a file that is not a JPEG (a ZIP's directory is at its end); a JPEG's are
     * {@link #JPEG_HEAD} and {@link Fingerprint#TAIL_SPAN}, for its header-first read.
     */
    static final int HEAD = 128 * 1024;
    static final int TAIL = 64 * 1024;
    /**
     * Bytes read at the start of a JPEG: the segments before the start of scan of nineteen in twenty
     * camera JPEGs, which the worker reads {@link JpegReader#HEAD} bytes of, then as far as they reach.
     */
    static final int JPEG_HEAD = 64 * 1024;

    private final Thread[] threads;
    private final AtomicInteger next;
    /** For each thread, the index of the next file a worker takes at which it goes on reading ahead; MAX_VALUE while it reads. */
    private final java.util.concurrent.atomic.AtomicIntegerArray resumeAt;
    private volatile boolean closed;

    /**
     * @param next    the index of the next file a worker will take
     * @param wanted  whether a file will be read at all (not answered from the cache)
     * @param threads reads in flight; 0 for none
     */
    Readahead(List<FileEntry> files, AtomicInteger next, IntPredicate wanted, int threads) {
        this(files.size(), next, wanted, threads, new java.util.function.IntConsumer() {
            private final ThreadLocal<ByteBuffer> buf = ThreadLocal.withInitial(() -> ByteBuffer.allocate(HEAD));

            @Override
            public void accept(int i) {
                touch(files.get(i), buf.get());
            }
        });
    }

    /** @param touch reads ahead file {@code i} (tests count instead) */
    Readahead(int n, AtomicInteger next, IntPredicate wanted, int threads, java.util.function.IntConsumer touch) {
        AtomicInteger ahead = new AtomicInteger();
        this.next = next;
        this.threads = new Thread[Math.max(0, threads)];
        this.resumeAt = new java.util.concurrent.atomic.AtomicIntegerArray(this.threads.length);
        for (int t = 0; t < this.threads.length; t++) {
            int self = t;
            resumeAt.set(t, Integer.MAX_VALUE);
            Thread th = new Thread(() -> {
                int i;
                while (!closed && (i = ahead.getAndIncrement()) < n) {
                    if (i - next.get() > WINDOW) {
                        // The window is full: wait until the workers have taken half of it ({@link #taken} wakes
                        // this thread then; the timeout is only a safety net). It polled every millisecond,
                        // a quarter of a cold check's thread switches.
                        int resume = i - WINDOW / 2;
                        resumeAt.set(self, resume);
                        while (!closed && next.get() < resume) LockSupport.parkNanos(this, 20_000_000);
                        resumeAt.set(self, Integer.MAX_VALUE);
                    }
                    if (closed) return;
                    if (i < next.get() || !wanted.test(i)) continue;   // a worker is already there, or no read is coming
                    touch.accept(i);
                }
            }, "evcheck-readahead-" + (t + 1));
            th.setDaemon(true);
            this.threads[t] = th;
        }
        for (Thread th : this.threads) th.start();
    }

    /** The number of reads in flight: {@code -Devcheck.readahead=N} or {@code EVCHECK_READAHEAD}, else 4. */
    static int threads() {
        String v = System.getProperty("evcheck.readahead", System.getenv("EVCHECK_READAHEAD"));
        try {
            return v == null ? 4 : Math.max(0, Math.min(64, Integer.parseInt(v.strip())));
        } catch (NumberFormatException e) {
            return 4;
        }
    }

    private static void touch(FileEntry f, ByteBuffer buf) {
        if (f.size() <= 0) return;
        // A JPEG is read header first: its head and the last few KiB (JpegReader); other files' ends hold more
        // (a ZIP's directory is at its end).
        boolean jpeg = f.type() == cn.evcheck.scan.FileType.JPEG;
        int headMax = jpeg ? JPEG_HEAD : HEAD;
        int tailMax = jpeg ? Fingerprint.TAIL_SPAN : TAIL;
        int head = (int) Math.min(headMax, f.size());
        int tail = f.size() > headMax ? (int) Math.min(tailMax, f.size() - headMax) : 0;
        if (cn.evcheck.util.RandomReads.available() && cn.evcheck.util.RandomReads.warm(f.path(), f.size(), head, tail)) return;
        try (SeekableByteChannel ch = f.channel()) {
            read(ch, 0, buf, head);
            if (tail > 0) read(ch, f.size() - tail, buf, tail);
        } catch (IOException | RuntimeException e) {
            // the worker will meet the same problem, and report it
        }
    }

    private static void read(SeekableByteChannel ch, long pos, ByteBuffer buf, int len) throws IOException {
        buf.clear().limit(len);
        ch.position(pos);
        while (buf.hasRemaining() && ch.read(buf) >= 0) {
            // filling
        }
    }

    /** Told by a worker when it has taken file {@code i} (the next it takes is {@code i + 1}): wakes the threads waiting for it. */
    void taken(int i) {
        for (int t = 0; t < threads.length; t++) {
            if (resumeAt.get(t) <= i + 1) LockSupport.unpark(threads[t]);
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Thread t : threads) LockSupport.unpark(t);
    }
}
