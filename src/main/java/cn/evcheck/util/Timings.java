package cn.evcheck.util;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Wall time per phase of this process (scan, inspect, checks, reports…), summed over units, for
 * {@code --verbose}: where a run's time goes, shown on stderr, never in a report. Thread-safe.
 */
public final class Timings {
    private Timings() {}

    private static final Map<String, long[]> NANOS = new LinkedHashMap<>();

    /** Adds the time since {@code startNanos} (a {@link System#nanoTime()}) to {@code phase}; returns now. */
    public static long since(String phase, long startNanos) {
        long now = System.nanoTime();
        synchronized (NANOS) {
            NANOS.computeIfAbsent(phase, k -> new long[1])[0] += now - startNanos;
        }
        return now;
    }

    /** Forgets what was summed (a new run in the same process). */
    public static void reset() {
        synchronized (NANOS) {
            NANOS.clear();
        }
    }

    /** Milliseconds per phase, in the order the phases first ended. */
    public static Map<String, Long> millis() {
        Map<String, Long> out = new LinkedHashMap<>();
        synchronized (NANOS) {
            NANOS.forEach((k, v) -> out.put(k, v[0] / 1_000_000));
        }
        return out;
    }
}
