package cn.evcheck.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What changed since an earlier run (issue 14, part 3): each finding of this run is new or still
 * there, and the earlier findings that are gone are fixed. Findings are matched by a stable
 * fingerprint — code, unit, item, file and period, never the message — counted as a multiset: two
 * findings with one fingerprint before and three now are two still there and one new.
 */
public final class Baseline {
    public enum State { NEW, UNCHANGED }

    /** A finding of the earlier run, as its report or baseline file states it. */
    public record Entry(String fingerprint, String code, Severity severity, String unit, String item, String file,
                        String period, String message) {}

    /** No baseline given. */
    public static final Baseline NONE = new Baseline(null, Map.of(), List.of());

    private final String source;
    /** New findings, by value (a finding and its copy in its item's list are equal), with how many. */
    private final Map<Finding, Integer> fresh;
    private final List<Entry> fixed;

    private Baseline(String source, Map<Finding, Integer> fresh, List<Entry> fixed) {
        this.source = source;
        this.fresh = Map.copyOf(fresh);
        this.fixed = List.copyOf(fixed);
    }

    /**
     * The fingerprint of a finding with these fields: code, unit, item, file, period and, from its data,
     * the category, caption field and page that tell apart findings of one file and period (SARIF's
     * {@code partialFingerprints} carry the same). 16 bytes of SHA-256, hex.
     */
    public static String fingerprint(String code, String unit, String item, String file, String period, Map<String, ?> data) {
        String key = String.join("\u0000", nz(code), nz(unit), nz(item), nz(file), nz(period),
                value(data, "category"), value(data, "field"), value(data, "page"));
        return cn.evcheck.util.Hashes.sha256(key.getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(0, 32);
    }

    public static String fingerprint(Finding f) {
        return fingerprint(f.code(), f.unit(), f.item(), f.file(), f.period(), f.data());
    }

    /**
     * This run's findings ({@code now}, in report order) against the earlier run's: the first
     * findings of each fingerprint, as many as there were before, are still there; the rest are new;
     * earlier ones left over are fixed (in their earlier order).
     *
     * @param source the baseline as the user named it
     */
    public static Baseline compare(String source, List<Entry> before, List<Finding> now) {
        Map<String, Integer> left = new HashMap<>();
        for (Entry e : before) left.merge(e.fingerprint(), 1, Integer::sum);
        Map<Finding, Integer> fresh = new HashMap<>();
        for (Finding f : now) {
            String fp = fingerprint(f);
            int n = left.getOrDefault(fp, 0);
            if (n > 0) left.put(fp, n - 1);
            else fresh.merge(f, 1, Integer::sum);
        }
        List<Entry> fixed = new ArrayList<>();
        Map<String, Integer> gone = new LinkedHashMap<>(left);
        for (Entry e : before) {
            int n = gone.getOrDefault(e.fingerprint(), 0);
            if (n > 0) {
                fixed.add(e);
                gone.put(e.fingerprint(), n - 1);
            }
        }
        return new Baseline(source, fresh, fixed);
    }

    /** Whether a baseline was given. */
    public boolean present() {
        return source != null;
    }

    public String source() {
        return source;
    }

    /** NEW or UNCHANGED; null without a baseline. */
    public State state(Finding f) {
        if (source == null) return null;
        return fresh.containsKey(f) ? State.NEW : State.UNCHANGED;
    }

    /** Earlier findings that are gone. */
    public List<Entry> fixed() {
        return fixed;
    }

    /** This run's new findings among {@code all} (this run's, in report order), in their order. */
    public List<Finding> fresh(List<Finding> all) {
        if (source == null) return List.of();
        Map<Finding, Integer> left = new HashMap<>(fresh);
        List<Finding> out = new ArrayList<>();
        for (Finding f : all) {
            int n = left.getOrDefault(f, 0);
            if (n > 0) {
                out.add(f);
                left.put(f, n - 1);
            }
        }
        return out;
    }

    /** How many of this run's findings are new. */
    public int freshCount() {
        return fresh.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static String value(Map<String, ?> data, String key) {
        return String.valueOf(data.containsKey(key) ? data.get(key) : "");
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
