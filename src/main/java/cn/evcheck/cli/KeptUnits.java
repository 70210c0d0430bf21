package cn.evcheck.cli;

import cn.evcheck.check.UnitMemo;
import cn.evcheck.inspect.FactsCache;
import cn.evcheck.model.Report.UnitResult;
import cn.evcheck.report.ShardFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Unit results kept in the facts cache ({@code --cache}) between runs, one per unit folder, written
 * as a shard file writes them: an unchanged unit is given its kept result, byte for byte what
 * judging it again would give (the test suite checks the reports are the same bytes).
 *
 * <p>A unit's kept result is read and decoded on a thread of its own while the unit's folder is
 * walked ({@link #ahead}): for a unit of 10,000 photos both take about half a second, and a re-check
 * of an unchanged package is mostly those two.
 */
final class KeptUnits implements UnitMemo {
    private final FactsCache cache;
    private final AtomicInteger asked = new AtomicInteger();
    private final AtomicInteger reused = new AtomicInteger();
    /** Results being read ahead, by unit folder. */
    private final Map<Path, FutureTask<Read>> ahead = new ConcurrentHashMap<>();

    /** A kept result as read: the key it was kept under and the result. */
    private record Read(String key, UnitResult result) {}

    KeptUnits(FactsCache cache) {
        this.cache = cache;
    }

    /** Units looked for, and units whose kept result was given. */
    int asked() {
        return asked.get();
    }

    int reused() {
        return reused.get();
    }

    /** What a run passes to the engine: nothing kept without a cache. */
    UnitMemo memo() {
        return cache == FactsCache.NONE ? UnitMemo.NONE : this;
    }

    @Override
    public void ahead(Path root) {
        FutureTask<Read> task = new FutureTask<>(() -> read(root));
        if (ahead.putIfAbsent(root, task) != null) return;
        Thread t = new Thread(task, "evcheck-kept");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public UnitResult get(Path root, String key) {
        asked.incrementAndGet();
        FutureTask<Read> task = ahead.remove(root);
        Read r;
        if (task == null) {
            r = read(root, key);
        } else {
            try {
                r = task.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            } catch (ExecutionException e) {
                return null;
            }
        }
        if (r == null || !r.key().equals(key)) return null;
        reused.incrementAndGet();
        return r.result();
    }

    /** The result kept for the unit at {@code root}, with its key; null when none is kept or it cannot be read. */
    private Read read(Path root) {
        return read(root, null);
    }

    /** Likewise, and null without decoding it when it was kept under another key than {@code key} (when not null). */
    private Read read(Path root, String key) {
        FactsCache.Kept k = cache.kept(name(root));
        if (k == null || key != null && !key.equals(k.key())) return null;
        try {
            return new Read(k.key(), ShardFile.unit(k.bytes(), k.offset(), k.bytes().length - k.offset()));
        } catch (IOException | RuntimeException e) {
            return null;   // judged again, and kept anew
        }
    }

    @Override
    public void put(Path root, String key, UnitResult result) {
        ahead.remove(root);
        try {
            cache.keep(name(root), key, ShardFile.unit(result));
        } catch (IOException | RuntimeException e) {
            // not kept: judged again next time
        }
    }

    private static String name(Path root) {
        return "unit:" + root.toAbsolutePath().normalize();
    }
}
