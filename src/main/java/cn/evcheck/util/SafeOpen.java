package cn.evcheck.util;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.*;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.*;

/**
 * The one way evcheck opens a file of a package: relative to the package folder, never through a
 * symbolic link, and only when it is still the regular file the scan saw.
 * <ul>
 * <li>every folder on the way and the file itself are opened without following links (on Linux
 *     through a {@link SecureDirectoryStream}, i.e. {@code openat} with {@code O_NOFOLLOW}, so a
 *     folder swapped for a link after the check is not followed either); elsewhere each part's
 *     attributes are checked with {@link LinkOption#NOFOLLOW_LINKS} and the file is opened with it;</li>
 * <li>a FIFO, device or socket is never opened: the attributes are read (without following)
 *     right before opening, and the open itself runs with a bounded wait ({@link #OPEN_TIMEOUT_MS}),
 *     so a file swapped for a FIFO in between cannot hang the run;</li>
 * <li>the file must be the one the scan recorded ({@link Seen}: its file key and size where known),
 *     before and after opening; an opened file whose size differs is refused.</li>
 * </ul>
 * Refusals are {@link Refused} with one of the stable reasons below. Thread-safe.
 */
public final class SafeOpen {
    private SafeOpen() {}

    /** How long opening one file may take before it is given up. */
    static final long OPEN_TIMEOUT_MS = 30_000;

    /** Whether {@link SecureDirectoryStream} is used where the platform has it (tests switch it off to try the other way). */
    static volatile boolean secureStreams = true;

    public static final String LINK = "a symbolic link (not followed)";
    public static final String SPECIAL = "not a regular file (FIFO, device or socket)";
    public static final String CHANGED = "replaced or changed since the scan";
    public static final String TIMEOUT = "did not open in time (not a regular file?)";
    public static final String BAD_PATH = "not a plain path inside the package";

    /** Whether a read error names one of the refusals above. */
    public static boolean isRefusal(String reason) {
        return reason != null && Set.of(LINK, SPECIAL, CHANGED, TIMEOUT, BAD_PATH).contains(reason);
    }

    /**
     * What the scan saw of a file: its {@link BasicFileAttributes#fileKey() file key} (null where
     * the platform has none) and its size ({@code -1}: not known, not checked).
     */
    public record Seen(Object fileKey, long size) {
        public static final Seen ANY = new Seen(null, -1);

        public static Seen of(BasicFileAttributes a) {
            return new Seen(a.fileKey(), a.size());
        }
    }

    /** A file that was not opened because it is not (any more) the regular file the scan saw. */
    public static final class Refused extends IOException {
        public Refused(String reason) {
            super(reason);
        }
    }

    /**
     * A read-only channel on {@code rel}, a relative path below {@code root}. Its names are used
     * as they are (a name that is not valid in the platform encoding keeps its bytes).
     */
    public static SeekableByteChannel channel(Path root, Path rel, Seen seen) throws IOException {
        List<Path> parts = parts(rel);
        return bounded(() -> open(root, parts, seen), OPEN_TIMEOUT_MS);
    }

    /** A buffered stream on the file, as {@link #channel}. */
    public static InputStream stream(Path root, Path rel, Seen seen) throws IOException {
        return new BufferedInputStream(Channels.newInputStream(channel(root, rel, seen)), 64 * 1024);
    }

    /** The whole file, as {@link #channel}; refused when it holds more than {@code max} bytes. */
    public static byte[] readAll(Path root, Path rel, Seen seen, long max) throws IOException {
        try (SeekableByteChannel ch = channel(root, rel, seen); InputStream in = Channels.newInputStream(ch)) {
            long size = ch.size();
            if (size > max) throw new IOException("larger than " + max + " bytes");
            byte[] b = in.readNBytes((int) Math.min(max, Integer.MAX_VALUE - 16));
            if (b.length != size) throw new Refused(CHANGED);
            return b;
        }
    }

    /**
     * Checks, without opening it, that {@code rel} is still the regular file the scan saw, reached
     * without links: for a library that insists on opening a path itself (call again afterwards).
     */
    public static void verify(Path root, Path rel, Seen seen) throws IOException {
        verify(root, parts(rel), seen);
    }

    private static void verify(Path root, List<Path> parts, Seen seen) throws IOException {
        Path p = root;
        for (int i = 0; i < parts.size(); i++) {
            p = p.resolve(parts.get(i));
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (i < parts.size() - 1) {
                folder(a);
            } else {
                regular(a, seen);
            }
        }
    }

    private static List<Path> parts(Path rel) throws Refused {
        if (rel.isAbsolute() || rel.getRoot() != null || rel.getNameCount() == 0) throw new Refused(BAD_PATH);
        List<Path> parts = new ArrayList<>();
        for (Path name : rel) {
            String s = name.toString();
            if (s.isEmpty() || s.equals(".") || s.equals("..")) throw new Refused(BAD_PATH);
            parts.add(name);
        }
        return parts;
    }

    private static SeekableByteChannel open(Path root, List<Path> parts, Seen seen) throws IOException {
        if (!secureStreams) return openByPath(root, parts, seen);
        DirectoryStream<Path> top = Files.newDirectoryStream(root);
        if (!(top instanceof SecureDirectoryStream<Path> sds)) {
            top.close();
            return openByPath(root, parts, seen);
        }
        List<Closeable> open = new ArrayList<>();
        open.add(sds);
        try {
            SecureDirectoryStream<Path> dir = sds;
            for (int i = 0; i < parts.size() - 1; i++) {
                Path name = parts.get(i);
                folder(attributes(dir, name));
                dir = dir.newDirectoryStream(name, LinkOption.NOFOLLOW_LINKS);
                open.add(dir);
            }
            Path leaf = parts.get(parts.size() - 1);
            BasicFileAttributes before = attributes(dir, leaf);
            regular(before, seen);
            SeekableByteChannel ch = dir.newByteChannel(leaf, Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS));
            try {
                BasicFileAttributes after = attributes(dir, leaf);
                if (!Objects.equals(before.fileKey(), after.fileKey()) || (seen.size() >= 0 && ch.size() != seen.size())) {
                    throw new Refused(CHANGED);
                }
                return ch;
            } catch (IOException | RuntimeException e) {
                ch.close();
                throw e;
            }
        } catch (FileSystemLoopException e) {
            throw new Refused(LINK);
        } catch (FileSystemException e) {
            // openat with O_NOFOLLOW on a link fails with ELOOP ("Too many levels of symbolic links")
            if (e.getReason() != null && e.getReason().contains("symbolic link")) throw new Refused(LINK);
            throw e;
        } finally {
            for (int i = open.size() - 1; i >= 0; i--) {
                try {
                    open.get(i).close();
                } catch (IOException ignored) {
                    // a folder handle that does not close changes nothing for the file
                }
            }
        }
    }

    /** Where the platform has no {@link SecureDirectoryStream}: each part checked, then opened without following. */
    private static SeekableByteChannel openByPath(Path root, List<Path> parts, Seen seen) throws IOException {
        verify(root, parts, seen);
        Path p = root;
        for (Path s : parts) p = p.resolve(s);
        SeekableByteChannel ch = Files.newByteChannel(p, Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS));
        try {
            verify(root, parts, seen);
            if (seen.size() >= 0 && ch.size() != seen.size()) throw new Refused(CHANGED);
            return ch;
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    private static BasicFileAttributes attributes(SecureDirectoryStream<Path> dir, Path name) throws IOException {
        return dir.getFileAttributeView(name, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS).readAttributes();
    }

    private static void folder(BasicFileAttributes a) throws Refused {
        if (a.isSymbolicLink()) throw new Refused(LINK);
        if (!a.isDirectory()) throw new Refused(CHANGED);
    }

    private static void regular(BasicFileAttributes a, Seen seen) throws Refused {
        if (a.isSymbolicLink()) throw new Refused(LINK);
        if (a.isOther()) throw new Refused(SPECIAL);
        if (!a.isRegularFile()) throw new Refused(CHANGED);
        if (seen.fileKey() != null && !seen.fileKey().equals(a.fileKey())) throw new Refused(CHANGED);
        if (seen.size() >= 0 && a.size() != seen.size()) throw new Refused(CHANGED);
    }

    /** Whether opens on this thread run on it ({@link #openInline}). */
    private static final ThreadLocal<Boolean> INLINE = ThreadLocal.withInitial(() -> false);

    /**
     * Says that the current thread is itself abandoned when it overruns a time budget (an inspection
     * reader: its caller waits for it with one, then goes on without it), so that an open that blocks
     * cannot hold the run even when it runs on this thread: its opens then run here, not each on a
     * helper thread of its own — two thread switches a file, a sixth of a cold check's.
     */
    public static void openInline(boolean inline) {
        if (inline) INLINE.set(true);
        else INLINE.remove();
    }

    private static final ExecutorService OPENER = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "evcheck-open");
        t.setDaemon(true);
        return t;
    });

    /** Something to open that may block. */
    @FunctionalInterface
    public interface Opening<T extends Closeable> {
        T open() throws IOException;
    }

    /**
     * For a library that opens a package file by its path itself (after {@link #verify}): the
     * open with the same bounded wait as {@link #channel}.
     */
    public static <T extends Closeable> T bounded(Opening<T> opening) throws IOException {
        return bounded(opening, OPEN_TIMEOUT_MS);
    }

    /**
     * Runs {@code opening} on a helper thread and waits at most {@code timeoutMs}. An open that
     * is still blocked then is abandoned (its thread stays parked in the system call; what it
     * opens later is closed at once) and the file is refused with {@link #TIMEOUT}.
     */
    static <T extends Closeable> T bounded(Opening<T> opening, long timeoutMs) throws IOException {
        if (INLINE.get()) return opening.open();
        CompletableFuture<T> result = new CompletableFuture<>();
        OPENER.execute(() -> {
            try {
                T t = opening.open();
                if (!result.complete(t)) t.close();
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            result.completeExceptionally(new Refused(TIMEOUT));
            return done(result);   // the refusal, or what completed meanwhile
        } catch (InterruptedException e) {
            result.completeExceptionally(new InterruptedIOException("interrupted while opening"));
            Thread.currentThread().interrupt();
            return done(result);
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        }
    }

    private static <T> T done(CompletableFuture<T> f) throws IOException {
        try {
            return f.join();
        } catch (CompletionException e) {
            throw rethrow(e.getCause());
        }
    }

    private static IOException rethrow(Throwable c) {
        if (c instanceof IOException io) return io;
        if (c instanceof RuntimeException re) throw re;
        if (c instanceof Error err) throw err;
        return new IOException(c);
    }
}
