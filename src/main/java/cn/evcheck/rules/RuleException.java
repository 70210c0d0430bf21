package cn.evcheck.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * An invalid rule set (or config, or waivers file): where ({@code file:line:column}, and the key path
 * such as {@code items[3].materials[1].min}) and what, in Chinese and English. A file with several
 * mistakes is one exception holding them all, in file order ({@link #all}), so one run of
 * {@code evcheck rules lint} names every one. Thrown only while loading; a rule set that loads is valid.
 */
public final class RuleException extends Exception {
    private final String source;
    private final YNode.Loc loc;
    private final String zh;
    private final String en;
    private final List<RuleException> all;
    private final int omitted;

    public RuleException(String source, YNode.Loc loc, String zh, String en) {
        this(source, loc, at(loc, zh, false), at(loc, en, true), null, 0);
    }

    private RuleException(String source, YNode.Loc loc, String zh, String en, List<RuleException> all, int omitted) {
        super(source + ":" + loc + ": " + en);
        this.source = source;
        this.loc = loc;
        this.zh = zh;
        this.en = en;
        this.all = all == null ? List.of(this) : all;
        this.omitted = omitted;
    }

    /** The message after its key path: {@code items[3].materials[1].min: …} (a full-width colon in Chinese). */
    private static String at(YNode.Loc loc, String message, boolean english) {
        if (loc == null || loc.path().isEmpty()) return message;
        return loc.path() + (english ? ": " : "：") + message;
    }

    /** All of several problems as one exception, in file order; {@code omitted} more were found but not kept. */
    static RuleException of(List<RuleException> problems, int omitted) {
        List<RuleException> flat = new ArrayList<>();
        for (RuleException p : problems) {
            for (RuleException one : p.all) {
                if (flat.stream().noneMatch(q -> q.loc.equals(one.loc) && q.en.equals(one.en))) flat.add(one);
            }
            omitted += p.omitted;
        }
        if (flat.isEmpty()) throw new IllegalArgumentException("no problems");
        flat.sort(Comparator.comparingInt((RuleException p) -> p.loc.line()).thenComparingInt(p -> p.loc.column()));
        RuleException first = flat.get(0);
        if (flat.size() == 1 && omitted == 0) return first;
        return new RuleException(first.source, first.loc, first.zh, first.en, List.copyOf(flat), omitted);
    }

    static RuleException of(List<RuleException> problems) {
        return of(problems, 0);
    }

    public String source() { return source; }
    public YNode.Loc loc() { return loc; }

    /** Every problem found, in file order: this one alone, or all of a file's. */
    public List<RuleException> all() { return all; }

    /** How many problems there are, those not kept included. */
    public int count() { return all.size() + omitted; }

    /** This problem's message, after its key path, without the file and place. */
    public String message(boolean english) {
        return english ? en : zh;
    }

    /**
     * {@code file:line:column: message} with the file named relative to {@code dir} when it lies in
     * it (a unit's own evcheck.yaml), for a finding; several problems on one line, separated by semicolons.
     */
    public String messageAt(java.nio.file.Path dir, boolean english) {
        String file = source;
        try {
            java.nio.file.Path p = java.nio.file.Path.of(source);
            if (p.isAbsolute() == dir.isAbsolute() && p.startsWith(dir)) file = dir.relativize(p).toString();
        } catch (RuntimeException e) {
            // a built-in rule-set id or another name that is not a path: shown as it is
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(all.size(), 5); i++) {
            if (i > 0) sb.append(english ? "; " : "；");
            RuleException p = all.get(i);
            sb.append(file).append(':').append(p.loc).append(": ").append(english ? p.en : p.zh);
        }
        int more = count() - Math.min(all.size(), 5);
        if (more > 0) sb.append(english ? "; and " + more + " more" : "；另有 " + more + " 处");
        return sb.toString();
    }

    /** The {@code file:line:column: message} lines in the given language, one per problem. */
    public String render(boolean english) {
        StringBuilder sb = new StringBuilder();
        for (RuleException p : all) {
            if (!sb.isEmpty()) sb.append('\n');
            sb.append(p.source).append(':').append(p.loc).append(": ").append(english ? p.en : p.zh);
        }
        if (omitted > 0) {
            sb.append('\n').append(source).append(": ").append(english ? "… and " + omitted + " more, not shown"
                    : "……另有 " + omitted + " 处未列出");
        }
        return sb.toString();
    }

    /** What a run of {@code rules lint} ends with: {@code file: 4 errors}. */
    public String summary(boolean english) {
        int n = count();
        return english ? source + ": " + n + (n == 1 ? " error" : " errors") : source + "：共 " + n + " 处错误";
    }
}
