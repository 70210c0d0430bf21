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

    /** The waivers of a file named by {@code --waivers}: a {@code waivers:} list, or the list alone. Every problem is named. */
    public static List<Waiver> waiverFile(Path file) throws RuleException {
        String src = file.toString();
        String text = cn.evcheck.util.Text.utf8OrGb18030(RuleLoader.read(file, RuleLoader.MAX_BYTES, "豁免文件", "waivers file"));
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        if (text.isBlank()) return List.of();
        YamlBinder b = new YamlBinder(src) {};
        List<RuleException> duplicates = new java.util.ArrayList<>();
        YNode root = YamlTree.parse(text, src, duplicates);
        duplicates.forEach(b::note);
        List<Waiver> out = List.of();
        if (root instanceof YMap m) {
            for (Entry e : m.entries().values()) {
                if (!e.key().equals("waivers")) {
                    b.problem(e.keyLoc().at(""), "豁免文件只能有 waivers 一个键" + YamlBinder.keyHint(e.key(), List.of("waivers"), true)
                                    .replaceFirst("。可用的键：waivers$", ""),
                            "a waivers file has the one key 'waivers'" + YamlBinder.keyHint(e.key(), List.of("waivers"), false)
                                    .replaceFirst("\\. Valid keys: waivers$", ""));
                }
            }
            Entry w = m.entries().get("waivers");
            if (w != null) out = Waiver.list(w.value(), b);
        } else {
            out = Waiver.list(root, b);
        }
        b.finish();
        return out;
    }

    /** An evcheck.yaml larger than this is refused unread (a real one is three lines). */
    public static final long MAX_BYTES = 64 * 1024;

    public static PackageConfig load(Path dir) throws RuleException {
        Path file = dir.resolve("evcheck.yaml");
        if (!Files.isRegularFile(file)) file = dir.resolve("evcheck.yml");
        if (!Files.isRegularFile(file)) return EMPTY;
        return loadFile(file);
    }

    /** An evcheck.yaml named as a file ({@code evcheck rules lint evcheck.yaml}); every problem is named. */
    public static PackageConfig loadFile(Path file) throws RuleException {
        String src = file.toString();
        String text = cn.evcheck.util.Text.utf8OrGb18030(RuleLoader.read(file, MAX_BYTES, "配置文件", "config file"));
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        if (text.isBlank()) return EMPTY;
        YamlBinder b = new YamlBinder(src) {};
        List<RuleException> duplicates = new java.util.ArrayList<>();
        YNode root = YamlTree.parse(text, src, duplicates);
        duplicates.forEach(b::note);
        if (!(root instanceof YMap m)) {
            b.problem(root.loc(), "应为“键: 值”形式", "must be a mapping (key: value)");
            b.finish();
            return EMPTY;
        }
        String rules = null;
        LocalDate asOf = null;
        String unit = null;
        List<String> units = new java.util.ArrayList<>();
        List<String> exclude = new java.util.ArrayList<>();
        List<Waiver> waivers = List.of();
        for (Entry e : m.entries().values()) {
            if (!KEYS.contains(e.key())) {
                b.problem(e.keyLoc().at(""), "未知的键“" + YamlBinder.shown(e.key()) + "”" + YamlBinder.keyHint(e.key(), KEYS, true),
                        "unknown key '" + YamlBinder.shown(e.key()) + "'" + YamlBinder.keyHint(e.key(), KEYS, false));
                continue;
            }
            if (e.key().equals("waivers")) {
                waivers = Waiver.list(e.value(), b);
                continue;
            }
            if (e.key().equals("units") || e.key().equals("exclude")) {
                List<String> into = e.key().equals("units") ? units : exclude;
                List<YNode> values = e.value() instanceof YNode.YList l ? l.values() : List.of(e.value());
                if (values.size() > MAX_LIST) {
                    b.problem(e.value().loc(), "最多 " + MAX_LIST + " 项", "takes at most " + MAX_LIST + " entries");
                    continue;
                }
                for (YNode v : values) {
                    if (!(v instanceof YScalar vs) || vs.text() == null || vs.text().isBlank()) {
                        b.problem(v.loc(), "应为文件夹名的列表", "must be a list of folder names");
                        continue;
                    }
                    into.add(vs.text().strip());
                }
                continue;
            }
            if (!(e.value() instanceof YScalar s) || s.text() == null) {
                b.problem(e.value().loc(), "应为单个值", "must be a single value");
                continue;
            }
            switch (e.key()) {
                case "rules" -> rules = s.text().strip();
                case "unit" -> unit = s.text().strip();
                default -> {
                    try {
                        asOf = LocalDate.parse(s.text().strip());
                    } catch (DateTimeParseException ex) {
                        b.problem(s.loc(), "日期应写成 YYYY-MM-DD（实际为“" + YamlBinder.shown(s.text()) + "”）",
                                "a date must be written YYYY-MM-DD (got \"" + YamlBinder.shown(s.text()) + "\")");
                    }
                }
            }
        }
        b.finish();
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
