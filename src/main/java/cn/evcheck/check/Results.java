package cn.evcheck.check;

import cn.evcheck.model.*;
import cn.evcheck.util.Messages;
import cn.evcheck.util.Messages.Lang;

import java.util.*;

/**
 * What the checks of one unit report: findings (messages from the bundles, severity from the
 * code), the files refused as evidence, coverage calendars and duplicate groups. Checks run one
 * at a time; not thread-safe.
 */
public final class Results {
    private final List<Finding> findings = new ArrayList<>();
    private final Set<String> rejected = new HashSet<>();
    private final Map<String, List<CoverageGrid>> coverage = new HashMap<>();
    private final List<DuplicateGroup> duplicates = new ArrayList<>();
    private Check running;

    void running(Check c) {
        running = c;
    }

    /** Starts a finding of {@code code} on an item (or null) and a file (or null); finish it with {@code say}. */
    public Emit emit(Code code, String item, String file) {
        assert running == null || running.codes().contains(code)
                : running.getClass().getSimpleName() + " emits " + code.id() + " without declaring it";
        return new Emit(code, item, file);
    }

    /** Starts a finding on a placed file (its item and path). */
    public Emit emit(Code code, Placed p) {
        return emit(code, p.itemId(), p.rel());
    }

    /** The file cannot serve as evidence (wrong format, unreadable, over a limit …). */
    public void reject(Placed p) {
        rejected.add(p.rel());
    }

    public boolean rejected(Placed p) {
        return rejected.contains(p.rel());
    }

    public void coverage(String item, CoverageGrid grid) {
        coverage.computeIfAbsent(item, k -> new ArrayList<>()).add(grid);
    }

    public void duplicates(DuplicateGroup g) {
        duplicates.add(g);
    }

    List<Finding> findings() {
        return findings;
    }

    List<CoverageGrid> coverage(String item) {
        return coverage.getOrDefault(item, List.of());
    }

    List<DuplicateGroup> duplicates() {
        return duplicates;
    }

    /**
     * A finding being built. {@code data} is the structured, stable part that JSON, SARIF and
     * baselines carry; {@code arg} adds what only the message needs. Messages come from the bundle key
     * {@code msg.<code>} (or {@code msg.<code>.<variant>}) with data and args as placeholders.
     */
    public final class Emit {
        private final Code code;
        private final String item;
        private final String file;
        private String period;
        private Severity severity;
        private final Map<String, Object> data = new LinkedHashMap<>();
        private final Map<String, Object> args = new LinkedHashMap<>();

        private Emit(Code code, String item, String file) {
            this.code = code;
            this.item = item;
            this.file = file;
            this.severity = code.severity();
        }

        public Emit period(String p) {
            period = p;
            return this;
        }

        public Emit data(String key, Object value) {
            data.put(key, value);
            return this;
        }

        public Emit data(Map<String, ?> more) {
            data.putAll(more);
            return this;
        }

        public Emit arg(String key, Object value) {
            args.put(key, value);
            return this;
        }

        /** The code's lesser grade (only for graded codes). */
        public Emit lesser() {
            if (code.lesser() == null) throw new IllegalStateException(code.id() + " is not graded");
            severity = code.lesser();
            return this;
        }

        public void say() {
            add("msg." + code.id());
        }

        /** The message's variant; null for the plain message. */
        public void say(String variant) {
            add(variant == null ? "msg." + code.id() : "msg." + code.id() + "." + variant);
        }

        private void add(String key) {
            assert Messages.has(key) : "no message " + key;
            Map<String, Object> all = new LinkedHashMap<>(data);
            all.putAll(args);
            assert all.keySet().containsAll(Messages.placeholders(Messages.template(Lang.ZH, key)))
                    && all.keySet().containsAll(Messages.placeholders(Messages.template(Lang.EN, key))) : "unfilled placeholder in " + key;
            String zh = Messages.format(Lang.ZH, key, all);
            String en = Messages.format(Lang.EN, key, all);
            findings.add(new Finding(code.id(), severity, "", item, file, period, data, zh, en));
        }
    }
}
