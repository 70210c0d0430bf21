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
        this.threads = new Thread[Math.max(0, threads)];
        for (int t = 0; t < this.threads.length; t++) {
            Thread th = new Thread(() -> {
                int i;
                while (!closed && (i = ahead.getAndIncrement()) < n) {
                    while (!closed && i - next.get() > WINDOW) LockSupport.parkNanos(1_000_000);
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

    @Override
    public void close() {
        closed = true;
    }
}
