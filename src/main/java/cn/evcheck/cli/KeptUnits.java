package cn.evcheck.cli;

import cn.evcheck.check.UnitMemo;
import cn.evcheck.inspect.FactsCache;
import cn.evcheck.model.Report.UnitResult;
import cn.evcheck.report.ShardFile;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Unit results kept in the facts cache ({@code --cache}) between runs, one per unit folder, written
 * as a shard file writes them: an unchanged unit is given its kept result, byte for byte what
 * judging it again would give (the test suite checks the reports are the same bytes).
 */
final class KeptUnits implements UnitMemo {
    private final FactsCache cache;
    private final java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger reused = new java.util.concurrent.atomic.AtomicInteger();

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
    public UnitResult get(Path root, String key) {
        asked.incrementAndGet();
        byte[] b = cache.kept(name(root), key);
        if (b == null) return null;
        try {
            UnitResult u = ShardFile.unit(b);
            reused.incrementAndGet();
            return u;
        } catch (IOException | RuntimeException e) {
            return null;   // judged again, and kept anew
        }
    }

    @Override
    public void put(Path root, String key, UnitResult result) {
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
