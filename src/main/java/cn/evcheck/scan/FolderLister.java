package cn.evcheck.scan;

import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * Lists a folder for {@link PackageScanner}'s walk: its entries, each with the name it is shown by,
 * sorted by it, and their attributes (not through a link), a large folder's read by
 * {@link #STATTERS} threads; and lists a package's folders ahead of its walk ({@link #listAhead}).
 * Never opens a file. One lister per walk (its threads end with {@link #close}).
 */
final class FolderLister implements AutoCloseable {
    /** Folders with at least this many entries have their entries' attributes read {@link #STATTERS} at a time. */
    static final int PARALLEL_STAT = 64;
    /** Attribute reads at once: on a cold disk or a share each is mostly a wait for an inode. */
    static final int STATTERS = 8;

    private ExecutorService statPool;

    /** A folder's entries (each with the name it is shown by, sorted by it) and their attributes (or the IOException met). */
    record Listing(List<Map.Entry<String, Path>> children, Object[] attrs) {}

    /** {@code dir} listed, or the exception that listing it met. */
    Object list(Path dir) {
        // Each child with the name it is shown by, decoded once (not once per comparison of the sort).
        List<Map.Entry<String, Path>> children = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) children.add(Map.entry(Names.shown(p), p));
        } catch (IOException | DirectoryIteratorException e) {
            return e;
        }
        children.sort(Map.Entry.comparingByKey());
        return new Listing(children, attributes(children));
    }

    @Override
    public void close() {
        if (statPool != null) statPool.shutdownNow();
        statPool = null;
    }

    /**
     * The attributes of each entry (not through a link), or the IOException that reading them met: a
     * folder of many photos has them read by {@link #STATTERS} threads (on a dropped page cache the walk
     * of the benchmark's 10,700 files took 0.24–0.32 s, against 0.14–0.22 s from a warm one).
     */
    private Object[] attributes(List<Map.Entry<String, Path>> children) {
        int n = children.size();
        Object[] out = new Object[n];
        if (n < PARALLEL_STAT) {
            for (int i = 0; i < n; i++) out[i] = attributes(children.get(i).getValue());
            return out;
        }
        if (statPool == null) {
            statPool = java.util.concurrent.Executors.newFixedThreadPool(STATTERS, r -> {
                Thread t = new Thread(r, "evcheck-stat");
                t.setDaemon(true);
                return t;
            });
        }
        List<java.util.concurrent.Future<?>> done = new ArrayList<>(STATTERS);
        int chunk = (n + STATTERS - 1) / STATTERS;
        for (int from = 0; from < n; from += chunk) {
            int a = from;
            int b = Math.min(n, from + chunk);
            done.add(statPool.submit(() -> {
                for (int i = a; i < b; i++) out[i] = attributes(children.get(i).getValue());
            }));
        }
        for (java.util.concurrent.Future<?> f : done) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while walking the package", e);
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof RuntimeException re) throw re;
                if (e.getCause() instanceof Error err) throw err;
                throw new IllegalStateException(e.getCause());
            }
        }
        return out;
    }

    private static Object attributes(Path p) {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return e;
        }
    }

    private static final Map<Path, Ahead> AHEAD = new java.util.concurrent.ConcurrentHashMap<>();

    /** See {@link PackageScanner#listAhead}. */
    static void listAhead(Path root) {
        Ahead a = new Ahead(root);
        AHEAD.put(root, a);
        Thread t = new Thread(a::run, "evcheck-list");
        t.setDaemon(true);
        t.start();
    }

    /** The listing started ahead for {@code root}, taken for its walk (once); null when none was started. */
    static Ahead aheadOf(Path root) {
        return AHEAD.remove(root);
    }

    /** Waits until the listing started ahead for {@code root} has ended; false when none was started (tests). */
    static boolean awaitListedAhead(Path root) throws InterruptedException {
        Ahead a = AHEAD.get(root);
        if (a == null) return false;
        synchronized (a) {
            while (!a.finished) a.wait();
        }
        return true;
    }

    /** A package's folders listed ahead of its walk, in the order the walk goes. */
    static final class Ahead {
        private final Path root;
        /** Each folder's {@link Listing}, or the exception its listing met; guarded by this. */
        private final Map<Path, Object> listed = new HashMap<>();
        private boolean finished;

        Ahead(Path root) {
            this.root = root;
        }

        void run() {
            try (FolderLister lister = new FolderLister()) {
                cn.evcheck.rules.PackageConfig config;
                try {
                    config = cn.evcheck.rules.PackageConfig.load(root);
                } catch (cn.evcheck.rules.RuleException e) {
                    config = cn.evcheck.rules.PackageConfig.EMPTY;
                }
                if (Files.isDirectory(root)) list(lister, root, config);
            } catch (RuntimeException | Error e) {
                // what is not listed here, the walk lists itself
            } finally {
                synchronized (this) {
                    finished = true;
                    notifyAll();
                }
            }
        }

        private void list(FolderLister lister, Path dir, cn.evcheck.rules.PackageConfig config) {
            Object got = lister.list(dir);
            synchronized (this) {
                listed.put(dir, got);
                notifyAll();
            }
            if (!(got instanceof Listing l)) return;
            for (int c = 0; c < l.children().size(); c++) {
                if (l.attrs()[c] instanceof BasicFileAttributes a && a.isDirectory() && !a.isSymbolicLink()) {
                    Path p = l.children().get(c).getValue();
                    if (PackageScanner.entered(l.children().get(c).getKey(), p, config, root)) list(lister, p, config);
                }
            }
        }

        /** What was listed of {@code dir} (a {@link Listing} or an exception), waiting for it; null when it will not be. */
        synchronized Object take(Path dir) {
            while (!listed.containsKey(dir) && !finished) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                }
            }
            return listed.remove(dir);
        }
    }
}
