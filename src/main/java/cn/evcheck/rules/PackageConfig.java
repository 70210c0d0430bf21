package cn.evcheck.rules;

import cn.evcheck.rules.YNode.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * A package's optional {@code evcheck.yaml}: {@code rules: <id or path>}, {@code as_of: DATE},
 * {@code unit: NAME}; on a drive of units ({@code --by-unit}) also {@code units: [folder, …]} (only these
 * folders are units) and {@code exclude: [glob, …]} (folders, or in a single package files and
 * folders, by relative path or name, that are not evidence). Strict like rule sets: unknown keys are
 * errors with a location.
 */
public record PackageConfig(String rules, LocalDate asOf, String unit, List<String> units, List<String> exclude,
                            List<Waiver> waivers) {
    public static final PackageConfig EMPTY = new PackageConfig(null, null, null, List.of(), List.of(), List.of());
    private static final List<String> KEYS = List.of("rules", "as_of", "unit", "units", "exclude", "waivers");
    /** Entries of a units or exclude list at most. */
    static final int MAX_LIST = 2000;

    public PackageConfig {
        units = List.copyOf(units);
        exclude = List.copyOf(exclude);
        waivers = List.copyOf(waivers);
    }

    public PackageConfig(String rules, LocalDate asOf, String unit) {
        this(rules, asOf, unit, List.of(), List.of(), List.of());
    }

    /** The waivers of a file named by {@code --waivers}: a {@code waivers:} list, or the list alone. */
    public static List<Waiver> waiverFile(Path file) throws RuleException {
        String src = file.toString();
        String text = cn.evcheck.util.Text.utf8OrGb18030(RuleLoader.read(file, RuleLoader.MAX_BYTES, "豁免文件", "waivers file"));
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        if (text.isBlank()) return List.of();
        YNode root = YamlTree.parse(text, src);
        if (root instanceof YMap m) {
            for (Entry e : m.entries().values()) {
                if (!e.key().equals("waivers")) {
                    throw new RuleException(src, e.keyLoc(), "豁免文件只能有 waivers 一个键", "a waivers file has the one key 'waivers'");
                }
            }
            Entry w = m.entries().get("waivers");
            return w == null ? List.of() : Waiver.list(w.value(), src);
        }
        return Waiver.list(root, src);
    }
    /** An evcheck.yaml larger than this is refused unread (a real one is three lines). */
    public static final long MAX_BYTES = 64 * 1024;

    public static PackageConfig load(Path dir) throws RuleException {
        Path file = dir.resolve("evcheck.yaml");
        if (!Files.isRegularFile(file)) file = dir.resolve("evcheck.yml");
        if (!Files.isRegularFile(file)) return EMPTY;
        String src = file.toString();
        String text = cn.evcheck.util.Text.utf8OrGb18030(RuleLoader.read(file, MAX_BYTES, "配置文件", "config file"));
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        if (text.isBlank()) return EMPTY;
        YNode root = YamlTree.parse(text, src);
        if (!(root instanceof YMap m)) {
            throw new RuleException(src, root.loc(), "应为“键: 值”形式", "must be a mapping (key: value)");
        }
        String rules = null;
        LocalDate asOf = null;
        String unit = null;
        List<String> units = new java.util.ArrayList<>();
        List<String> exclude = new java.util.ArrayList<>();
        List<Waiver> waivers = List.of();
        for (Entry e : m.entries().values()) {
            if (!KEYS.contains(e.key())) {
                throw new RuleException(src, e.keyLoc(), "未知的键“" + YamlBinder.shown(e.key()) + "”" + RuleLoader.suggestion(e.key(), KEYS, true)
                        + "。可用：" + String.join(", ", KEYS), "unknown key '" + YamlBinder.shown(e.key()) + "'" + RuleLoader.suggestion(e.key(), KEYS, false)
                        + ". Valid: " + String.join(", ", KEYS));
            }
            if (e.key().equals("waivers")) {
                waivers = Waiver.list(e.value(), src);
                continue;
            }
            if (e.key().equals("units") || e.key().equals("exclude")) {
                List<String> into = e.key().equals("units") ? units : exclude;
                List<YNode> values = e.value() instanceof YNode.YList l ? l.values() : List.of(e.value());
                if (values.size() > MAX_LIST) {
                    throw new RuleException(src, e.value().loc(), "“" + e.key() + "”最多 " + MAX_LIST + " 项",
                            "'" + e.key() + "' takes at most " + MAX_LIST + " entries");
                }
                for (YNode v : values) {
                    if (!(v instanceof YScalar vs) || vs.text() == null || vs.text().isBlank()) {
                        throw new RuleException(src, v.loc(), "“" + e.key() + "”应为文件夹名的列表", "'" + e.key() + "' must be a list of folder names");
                    }
                    into.add(vs.text().strip());
                }
                continue;
            }
            if (!(e.value() instanceof YScalar s) || s.text() == null) {
                throw new RuleException(src, e.value().loc(), "“" + e.key() + "”应为单个值", "'" + e.key() + "' must be a single value");
            }
            switch (e.key()) {
                case "rules" -> rules = s.text().strip();
                case "unit" -> unit = s.text().strip();
                default -> {
                    try {
                        asOf = LocalDate.parse(s.text().strip());
                    } catch (DateTimeParseException ex) {
                        throw new RuleException(src, s.loc(), "as_of 应为 YYYY-MM-DD", "as_of must be YYYY-MM-DD");
                    }
                }
            }
        }
        return new PackageConfig(rules, asOf, unit, units, exclude, waivers);
    }

    /**
     * Whether {@code rel} (a path relative to where this file lies, '/'-separated) is excluded: a glob
     * ({@code *}, {@code ?}, {@code **}) matched against the whole path or against its last name.
     */
    public boolean excludes(String rel) {
        String name = rel.substring(rel.lastIndexOf('/') + 1);
        for (String g : exclude) {
            java.util.regex.Pattern p = Waiver.glob(g, true);
            if (p.matcher(rel).matches() || p.matcher(name).matches()) return true;
        }
        return false;
    }
}
