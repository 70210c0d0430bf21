package cn.evcheck.cli;

import cn.evcheck.inspect.Progress;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A one-line progress bar on stderr (files inspected / total, rate, time left), redrawn at most
 * five times a second and erased at the end. Only on a terminal: never in CI, never when stderr
 * is redirected, never with --quiet. Thread-safe.
 */
final class ProgressBar implements Progress {
    private final PrintWriter err;
    private final boolean en;
    private final AtomicInteger done = new AtomicInteger();
    private volatile int total;
    private volatile String unit = "";
    private volatile long started;
    private volatile long lastDraw;

    ProgressBar(PrintWriter err, boolean en) {
        this.err = err;
        this.en = en;
    }

    /** Whether stderr is an interactive terminal and no CI server is watching. */
    static boolean wanted() {
        if (System.getenv("CI") != null) return false;
        Path fd2 = Path.of("/proc/self/fd/2");
        if (Files.exists(fd2)) {
            try {
                String target = Files.readSymbolicLink(fd2).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            } catch (Exception e) {
                return false;
            }
        }
        return System.console() != null;
    }

    @Override
    public void start(String unit, int files) {
        this.unit = unit;
        this.total = files;
        done.set(0);
        started = System.nanoTime();
        lastDraw = 0;
    }

    @Override
    public void advance() {
        int n = done.incrementAndGet();
        long now = System.nanoTime();
        if (n < total && now - lastDraw < 200_000_000L) return;
        synchronized (this) {
            lastDraw = now;
            double secs = Math.max(1e-3, (now - started) / 1e9);
            double rate = n / secs;
            long left = rate > 0 ? Math.round((total - n) / rate) : 0;
            int width = 24;
            int filled = total == 0 ? width : (int) ((long) n * width / total);
            String bar = "#".repeat(filled) + ".".repeat(width - filled);
            String who = unit.isEmpty() ? "" : unit + " ";
            err.print(String.format(Locale.ROOT, en ? "\r%schecking [%s] %d/%d files · %.0f/s · about %ds left  "
                    : "\r%s检查中 [%s] %d/%d 个文件 · %.0f 个/秒 · 约剩 %d 秒  ", who, bar, n, total, rate, left));
            err.flush();
        }
    }

    /** Erases the bar so the report starts on a clean line. */
    synchronized void finish() {
        if (total == 0) return;
        err.print("\r" + " ".repeat(78) + "\r");
        err.flush();
    }
}
