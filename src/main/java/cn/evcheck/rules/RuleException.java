package cn.evcheck.rules;

/**
 * An invalid rule set: where ({@code file:line:column}) and what, in Chinese and English.
 * Thrown only while loading; a rule set that loads is valid.
 */
public final class RuleException extends Exception {
    private final String source;
    private final YNode.Loc loc;
    private final String zh;
    private final String en;

    public RuleException(String source, YNode.Loc loc, String zh, String en) {
        super(source + ":" + loc + ": " + en);
        this.source = source;
        this.loc = loc;
        this.zh = zh;
        this.en = en;
    }

    public String source() { return source; }
    public YNode.Loc loc() { return loc; }

    /**
     * {@code file:line:column: message} with the file named relative to {@code dir} when it lies in
     * it (a unit's own evcheck.yaml), for a finding.
     */
    public String messageAt(java.nio.file.Path dir, boolean english) {
        String file = source;
        try {
            java.nio.file.Path p = java.nio.file.Path.of(source);
            if (p.isAbsolute() == dir.isAbsolute() && p.startsWith(dir)) file = dir.relativize(p).toString();
        } catch (RuntimeException e) {
            // a built-in rule-set id or another name that is not a path: shown as it is
        }
        return file + ":" + loc + ": " + (english ? en : zh);
    }

    /** The {@code file:line:column: message} line in the given language. */
    public String render(boolean english) {
        return source + ":" + loc + ": " + (english ? en : zh);
    }
}
