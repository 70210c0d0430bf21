package cn.evcheck.cli;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.*;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The {@code --output} folder of a run, and the only place evcheck writes:
 * <ul>
 * <li>{@link #realPath}: the folder's real path before the run, also when it (or a tail of it)
 *     does not exist yet — every existing part resolved through its links, {@code ..} applied to
 *     the real parent — so the caller can refuse a folder that lands inside the package;</li>
 * <li>{@link #open}: creates the folder, checks its real path again, and takes the folder's lock
 *     ({@value #LOCK}, {@link FileChannel#tryLock()}), waiting at most a bounded time for another
 *     run that holds it ({@link Locked} after that); stale temporary files of a killed run are removed;</li>
 * <li>{@link #write}: every report file is written to a new temporary file in the folder (created
 *     exclusively, never through a link), flushed to disk, then moved over the report
 *     ({@link StandardCopyOption#ATOMIC_MOVE}): a report is either the previous one or the new one,
 *     never a truncated one, and a link planted under a report's name is replaced, never written through.</li>
 * </ul>
 * Not thread-safe; one per run.
 */
final class OutputFolder implements Closeable {
    /** The lock file every run takes in its output folder for its write phase. It stays (empty). */
    static final String LOCK = ".evcheck.lock";
    static final String TMP_PREFIX = ".evcheck-";
    static final String TMP_SUFFIX = ".tmp";
    /** How long a run waits for the lock another run holds on the same folder (tests shorten it). */
    static volatile long lockWaitMs = 30_000;

    private final Path dir;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private OutputFolder(Path dir, FileChannel lockChannel, FileLock lock) {
        this.dir = dir;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** The folder lands inside a package. */
    static final class Inside extends IOException {
        final Path real;

        Inside(Path real) {
            super(real.toString());
            this.real = real;
        }
    }

    /** Another run holds the folder's lock. */
    static final class Locked extends IOException {
        final Path lockFile;

        Locked(Path lockFile) {
            super(lockFile.toString());
            this.lockFile = lockFile;
        }
    }

    /**
     * The real path {@code output} names: each existing part resolved (links followed, also a link
     * whose target does not exist yet), {@code ..} taken on the real path reached so far, missing
     * parts appended as named.
     */
    static Path realPath(Path output) throws IOException {
        Path abs = output.toAbsolutePath();
        Deque<String> todo = new ArrayDeque<>();
        for (Path n : abs) todo.addLast(n.toString());
        Path cur = abs.getRoot();
        int links = 0;
        while (!todo.isEmpty()) {
            String n = todo.pollFirst();
            if (n.isEmpty() || n.equals(".")) continue;
            if (n.equals("..")) {
                if (cur.getParent() != null) cur = cur.getParent();
                continue;
            }
            Path next = cur.resolve(n);
            if (Files.isSymbolicLink(next)) {
                if (++links > 40) throw new FileSystemLoopException(output.toString());
                Path target = Files.readSymbolicLink(next);
                List<String> parts = new ArrayList<>();
                for (Path t : target) parts.add(t.toString());
                for (int i = parts.size() - 1; i >= 0; i--) todo.addFirst(parts.get(i));
                if (target.isAbsolute()) cur = target.getRoot();
                continue;
            }
            cur = next;
        }
        return cur;
    }

    /** Whether {@code real} is {@code pkgReal} or below it. */
    static boolean inside(Path real, Path pkgReal) {
        return real.startsWith(pkgReal);
    }

    /**
     * Creates the folder {@code real}, refuses it when its real path is now inside {@code pkgReal}
     * ({@link Inside}), and takes its lock, waiting at most {@code waitMs} ({@link Locked}).
     */
    static OutputFolder open(Path real, Path pkgReal, long waitMs) throws IOException {
        // Checked again before anything is created (a link may have been swapped in since the run
        // began), and once more on what was created.
        if (inside(realPath(real), pkgReal)) throw new Inside(real);
        Files.createDirectories(real);
        Path dir = real.toRealPath();
        if (inside(dir, pkgReal)) throw new Inside(dir);
        Path lockFile = dir.resolve(LOCK);
        FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        try {
            long deadline = System.nanoTime() + waitMs * 1_000_000L;
            FileLock lock;
            while ((lock = tryLock(ch)) == null) {
                if (System.nanoTime() - deadline >= 0) throw new Locked(lockFile);
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new Locked(lockFile);
                }
            }
            OutputFolder f = new OutputFolder(dir, ch, lock);
            f.removeStaleTemporaries();
            return f;
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** The lock, or null while another run (another process, or another run in this JVM) holds it. */
    private static FileLock tryLock(FileChannel ch) throws IOException {
        try {
            return ch.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    /** Temporary files a run left when it was killed while writing (only ever written under the lock). */
    private void removeStaleTemporaries() throws IOException {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, TMP_PREFIX + "*" + TMP_SUFFIX)) {
            for (Path p : ds) {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (a.isRegularFile()) Files.deleteIfExists(p);
            }
        }
    }

    Path dir() {
        return dir;
    }

    /** What writes a report's bytes. */
    @FunctionalInterface
    interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes the report {@code name}: to a temporary file, then moved over the old one at once. */
    void write(String name, Body body) throws IOException {
        if (name.contains("/") || name.contains("\\") || name.startsWith(".")) throw new IllegalArgumentException(name);
        Path tmp = dir.resolve(TMP_PREFIX + name + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong()) + TMP_SUFFIX);
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 64 * 1024);
                body.writeTo(out);
                out.flush();
                ch.force(true);
            }
            Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException | Error e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            if (lock.isValid()) lock.release();
        } finally {
            lockChannel.close();
        }
    }
}
