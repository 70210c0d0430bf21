package cn.evcheck.util;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;

import java.nio.charset.Charset;
import java.nio.file.Path;

/**
 * Reads parts of a file into the operating system's page cache without the kernel reading ahead
 * (Linux: {@code posix_fadvise(POSIX_FADV_RANDOM)} on a descriptor of its own, through JNA).
 *
 * <p>A read of a photo's first 128 KB through Java makes Linux read further on its own: four times
 * the request at first, and it marks a page of what it read: any later read that reaches the mark,
 * on any descriptor, reads a window further, doubling each time, up to {@code read_ahead_kb} (8 MB
 * on the machine of the benchmark). On the 10,000 photos of the benchmark that was 17.2 GB read
 * from the disk, 45 % of every byte, for the 1.9 GB of heads and tails inspection looks at. Read
 * here first (the first bytes the scan sniffs, then the head and tail inspection reads), the pages
 * a later read asks for are in the cache, with no mark that starts more reading.
 *
 * <p>Only reads: the file is opened read-only, never through a link in its last name
 * ({@code O_NOFOLLOW}), never waiting on a FIFO ({@code O_NONBLOCK}), and the bytes are thrown
 * away; what is used is read again through {@link SafeOpen}'s checks. Where
 * this is not Linux on x86-64 or AArch64, or the C library will not load, {@link #available()}
 * is false and the caller reads through Java.
 */
public final class RandomReads {
    private RandomReads() {}

    /**
     * The part of the C library used here, bound by JNA's direct mapping: a call costs about a tenth of
     * one through an interface proxy, whose reflection and argument conversion were most of the sniff's
     * CPU (four calls a file).
     */
    private static final class LibC {
        static native int open(byte[] path, int flags);

        static native int posix_fadvise(int fd, long offset, long len, int advice);

        static native long pread(int fd, Memory buf, long count, long offset);

        static native int close(int fd);
    }

    private static final int POSIX_FADV_RANDOM = 1;
    private static final int POSIX_FADV_WILLNEED = 3;
    private static final boolean LOADED = load();
    /** O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC for this machine, or -1 where unknown. */
    private static final int FLAGS = flags();
    /** The most read at each end of a file. */
    public static final int BUFFER_BYTES = 128 * 1024;
    private static final ThreadLocal<Memory> BUFFER = ThreadLocal.withInitial(() -> new Memory(BUFFER_BYTES));

    private static boolean load() {
        if (!System.getProperty("os.name", "").equals("Linux") || Boolean.getBoolean("evcheck.noRandomReads")) return false;
        try {
            Native.register(LibC.class, NativeLibrary.getInstance("c"));
            return true;
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return false;
        }
    }

    private static int flags() {
        String arch = System.getProperty("os.arch", "");
        int nonblock = 04000;
        int cloexec = 02000000;
        return switch (arch) {
            case "amd64", "x86_64" -> nonblock | 0400000 | cloexec;
            case "aarch64" -> nonblock | 0100000 | cloexec;
            default -> -1;
        };
    }

    public static boolean available() {
        return LOADED && FLAGS != -1;
    }

    /**
     * Reads {@code head} bytes from the start of {@code path} and {@code tail} bytes before its end
     * ({@code size} long), each at most {@link #BUFFER_BYTES}; returns the bytes read, or −1 when the
     * file could not be opened or read (a link, gone, not a regular file: the worker will say so).
     */
    public static long touch(Path path, long size, int head, int tail) {
        if (!available()) return -1;
        byte[] name = nulTerminated(path);
        int fd = LibC.open(name, FLAGS);
        if (fd < 0) return -1;
        try {
            LibC.posix_fadvise(fd, 0, 0, POSIX_FADV_RANDOM);
            Memory buf = BUFFER.get();
            long got = LibC.pread(fd, buf, Math.min(head, buf.size()), 0);
            if (got < 0) return -1;
            if (tail > 0) {
                long t = LibC.pread(fd, buf, Math.min(tail, buf.size()), Math.max(0, size - tail));
                if (t < 0) return -1;
                got += t;
            }
            return got;
        } finally {
            LibC.close(fd);
        }
    }

    /**
     * The first {@code n} bytes of {@code path} (fewer when it is shorter), read as {@link #touch} reads
     * (no link followed, no FIFO waited on, no read ahead), or null when it could not be opened or read
     * here: the caller then reads through {@link SafeOpen}, which says why.
     */
    public static byte[] head(Path path, int n) {
        if (!available()) return null;
        int fd = LibC.open(nulTerminated(path), FLAGS);
        if (fd < 0) return null;
        try {
            LibC.posix_fadvise(fd, 0, 0, POSIX_FADV_RANDOM);
            Memory buf = BUFFER.get();
            long got = LibC.pread(fd, buf, Math.min(n, buf.size()), 0);
            return got < 0 ? null : buf.getByteArray(0, (int) got);
        } finally {
            LibC.close(fd);
        }
    }

    /**
     * Asks the system to bring {@code head} bytes from the start of {@code path} and {@code tail} bytes
     * before its end ({@code size} long) into the page cache ({@code POSIX_FADV_WILLNEED}) and returns
     * at once: the reads are queued, nothing is copied out of the cache, and, as with {@link #touch},
     * no page is marked to start reading further. Returns false when the file could not be opened.
     * (Reading the same bytes with {@code pread} to throw them away cost the benchmark's 10,000 photos
     * 2 s of CPU, mostly the copying.)
     */
    public static boolean warm(Path path, long size, int head, int tail) {
        if (!available()) return false;
        int fd = LibC.open(nulTerminated(path), FLAGS);
        if (fd < 0) return false;
        try {
            LibC.posix_fadvise(fd, 0, 0, POSIX_FADV_RANDOM);
            LibC.posix_fadvise(fd, 0, head, POSIX_FADV_WILLNEED);
            if (tail > 0) LibC.posix_fadvise(fd, Math.max(0, size - tail), tail, POSIX_FADV_WILLNEED);
            return true;
        } finally {
            LibC.close(fd);
        }
    }

    /** The path's bytes as the JDK gives them to the system ({@code sun.jnu.encoding}), and a NUL. */
    private static byte[] nulTerminated(Path path) {
        byte[] b = path.toAbsolutePath().toString().getBytes(JNU);
        byte[] out = new byte[b.length + 1];
        System.arraycopy(b, 0, out, 0, b.length);
        return out;
    }

    private static final Charset JNU = jnu();

    private static Charset jnu() {
        String enc = System.getProperty("sun.jnu.encoding");
        try {
            return enc == null ? Charset.defaultCharset() : Charset.forName(enc);
        } catch (RuntimeException e) {
            return Charset.defaultCharset();
        }
    }
}
