package cn.evcheck.cli;

import cn.evcheck.inspect.FactsCache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Future;

/**
 * The facts cache of a run and the unit results kept in it. The cache opens on a thread of its own
 * while the rules load and the package is walked: a re-check whose reports are current never waits
 * for it, others wait when they first ask ({@link #cache}).
 */
final class RunCache {
    private Future<FactsCache> opening;
    private FactsCache cache = FactsCache.NONE;
    private KeptUnits kept = new KeptUnits(FactsCache.NONE);

    private RunCache(Future<FactsCache> opening) {
        this.opening = opening;
    }

    /** No cache (before a run has decided on one, or with none). */
    static RunCache none() {
        return new RunCache(null);
    }

    /** Starts opening the cache in {@code dir}; none when {@code dir} is null. */
    static RunCache open(Path dir) {
        return dir == null ? none() : new RunCache(Background.start("evcheck-cache-open", () -> FactsCache.open(dir)));
    }

    /**
     * Where a run's facts cache lies: {@code explicit} (--cache DIR), else the user's cache folder when
     * evcheck runs from its jar ($XDG_CACHE_HOME or ~/.cache, %LOCALAPPDATA% on Windows, then /evcheck);
     * null with --no-cache, when run from class folders (tests, development) without --cache, or when
     * the folder would lie inside the package.
     */
    static Path dir(Path explicit, boolean noCache, Path pkgReal) {
        if (noCache) return null;
        Path dir = explicit;
        if (dir == null) {
            boolean fromJar;
            try {
                fromJar = !Files.isDirectory(Path.of(RunCache.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
            } catch (Exception e) {
                fromJar = false;
            }
            if (!fromJar) return null;
            String base = System.getenv("LOCALAPPDATA");
            if (base == null) base = System.getenv("XDG_CACHE_HOME");
            dir = base != null ? Path.of(base, "evcheck") : Path.of(System.getProperty("user.home"), ".cache", "evcheck");
        }
        try {
            if (OutputFolder.inside(OutputFolder.realPath(dir), pkgReal)) return null;
        } catch (IOException e) {
            return null;
        }
        return dir;
    }

    /** The facts cache, once it is open. */
    FactsCache cache() {
        if (opening != null) {
            cache = Background.get(opening, FactsCache.NONE);
            kept = new KeptUnits(cache);
            opening = null;
        }
        return cache;
    }

    /** The unit results kept in the cache. */
    KeptUnits kept() {
        cache();
        return kept;
    }

    /** Closes the cache (once open): the store is locked while it is open. Its counts stay readable. */
    void close() {
        cache().close();
    }
}
