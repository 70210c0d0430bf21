package cn.evcheck.cli;

import cn.evcheck.inspect.Progress;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import cn.evcheck.util.Printable;
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
    /** The terminal's width in columns; a line stays one column short of it (no wrapping). */
    private final int columns;
    /** Display width of what is on the line now: erased exactly. */
    private int shown;
    /** In multi-unit mode: which unit of how many. */
    private int unitNo;
    private int units;

    ProgressBar(PrintWriter err, boolean en) {
        this(err, en, terminalColumns());
    }

    ProgressBar(PrintWriter err, boolean en, int columns) {
        this.err = err;
        this.en = en;
        this.columns = Math.max(20, columns);
    }

    /** How many units the run checks (shown as 单位 3/30); 0 or 1 shows none. */
    void units(int n) {
        this.units = n;
    }

    /** COLUMNS when the shell exported it, else what stty says of the terminal, else 80. */
    static int terminalColumns() {
        try {
            String c = System.getenv("COLUMNS");
            if (c != null && c.strip().matches("\\d{2,4}")) return Integer.parseInt(c.strip());
            if (Files.exists(Path.of("/dev/tty"))) {
                Process p = new ProcessBuilder("stty", "size").redirectInput(new java.io.File("/dev/tty"))
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                if (p.waitFor(2, java.util.concurrent.TimeUnit.SECONDS)) {
                    String[] rc = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII).strip().split("\\s+");
                    if (rc.length == 2 && rc[1].matches("\\d{2,4}")) return Integer.parseInt(rc[1]);
                } else {
                    p.destroyForcibly();
                }
            }
        } catch (Exception e) {
            // not a terminal we can ask
        } 
        return 80;
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
        unitNo++;
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
            String counter = units > 1 ? (en ? "unit " : "单位 ") + unitNo + "/" + units + " " : "";
            String fixed = String.format(Locale.ROOT, en ? "checking [%s] %d/%d files · %.0f/s · about %ds left"
                    : "检查中 [%s] %d/%d 个文件 · %.0f 个/秒 · 约剩 %d 秒", "", n, total, rate, left);
            // The bar narrows on a narrow terminal, leaving the unit's name at least 10 columns.
            int room = columns - 1 - Printable.width(counter + fixed) - (unit.isEmpty() ? 0 : 11);
            int width = Math.max(6, Math.min(24, room));
            int filled = total == 0 ? width : (int) ((long) n * width / total);
            String rest = fixed.replace("[]", "[" + "#".repeat(filled) + ".".repeat(width - filled) + "]");
            int forName = columns - 1 - Printable.width(counter + rest) - 1;
            draw(counter + (unit.isEmpty() ? "" : fit(unit, Math.max(4, forName)) + " ") + rest);
            err.flush();
        }
    }

    /** Draws a line over the last one: cut to the terminal's width, what is left of the last one blanked. */
    private void draw(String line) {
        String l = fit(line, columns - 1);
        int w = Printable.width(l);
        err.print("\r" + l + " ".repeat(Math.max(0, shown - w)));
        shown = w;
    }

    /** {@code s} cut to at most {@code cols} columns, with "…" where it was cut. */
    static String fit(String s, int cols) {
        if (Printable.width(s) <= cols) return s;
        if (cols <= 1) return "";
        StringBuilder b = new StringBuilder();
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            int cw = Printable.width(new String(Character.toChars(c)));
            if (w + cw > cols - 1) break;
            b.appendCodePoint(c);
            w += cw;
            i += Character.charCount(c);
        }
        return b.append('…').toString();
    }

    /** Erases the bar so the report starts on a clean line. */
    synchronized void finish() {
        if (shown == 0) return;
        err.print("\r" + " ".repeat(shown) + "\r");
        err.flush();
        shown = 0;
    }
}
