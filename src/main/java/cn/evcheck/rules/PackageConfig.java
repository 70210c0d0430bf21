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
 * {@code unit: NAME}. Strict like rule sets: unknown keys are errors with a location.
 */
public record PackageConfig(String rules, LocalDate asOf, String unit) {
    public static final PackageConfig EMPTY = new PackageConfig(null, null, null);
    private static final List<String> KEYS = List.of("rules", "as_of", "unit");
    /** An evcheck.yaml larger than this is refused unread (a real one is three lines). */
    public static final long MAX_BYTES = 64 * 1024;

    public static PackageConfig load(Path dir) throws RuleException {
        Path file = dir.resolve("evcheck.yaml");
        if (!Files.isRegularFile(file)) file = dir.resolve("evcheck.yml");
        if (!Files.isRegularFile(file)) return EMPTY;
        String src = file.toString();
        String text = new String(RuleLoader.read(file, MAX_BYTES, "配置文件", "config file"), StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        if (text.isBlank()) return EMPTY;
        YNode root = YamlTree.parse(text, src);
        if (!(root instanceof YMap m)) {
            throw new RuleException(src, root.loc(), "应为“键: 值”形式", "must be a mapping (key: value)");
        }
        String rules = null;
        LocalDate asOf = null;
        String unit = null;
        for (Entry e : m.entries().values()) {
            if (!KEYS.contains(e.key())) {
                throw new RuleException(src, e.keyLoc(), "未知的键“" + YamlBinder.shown(e.key()) + "”" + RuleLoader.suggestion(e.key(), KEYS, true)
                        + "。可用：" + String.join(", ", KEYS), "unknown key '" + YamlBinder.shown(e.key()) + "'" + RuleLoader.suggestion(e.key(), KEYS, false)
                        + ". Valid: " + String.join(", ", KEYS));
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
        return new PackageConfig(rules, asOf, unit);
    }
}
