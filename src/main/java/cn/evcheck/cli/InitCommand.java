package cn.evcheck.cli;

import cn.evcheck.rules.BuiltinRules;
import cn.evcheck.rules.Model.Item;
import cn.evcheck.rules.Model.Kind;
import cn.evcheck.rules.Model.Material;
import cn.evcheck.rules.Model.RuleSet;
import cn.evcheck.rules.RuleException;
import picocli.CommandLine.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code evcheck init <folder> --rules ID}: the empty folder tree a rule set expects. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"按规则集生成空的材料包文件夹结构。", "Create the empty folder tree a rule set expects."})
final class InitCommand implements Callable<Integer> {
    @Spec
    Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FOLDER")
    Path folder;

    @Option(names = "--rules", required = true, paramLabel = "ID|FILE")
    String rules;

    @Option(names = "--unit", paramLabel = "NAME", description = "单位名称，写入 evcheck.yaml 的 unit")
    String unit;

    @Option(names = "--lang", paramLabel = "zh|en", description = "输出语言 (message language): zh | en")
    String lang = "zh";

    @Override
    public Integer call() {
        boolean en = "en".equals(lang);
        RuleSet rs;
        try {
            rs = BuiltinRules.resolve(rules, null);
        } catch (RuleException e) {
            spec.commandLine().getErr().println(e.render(en));
            return Main.USAGE;
        }
        try {
            int made = 0;
            for (Item item : rs.items()) {
                String title = lastPart(item.indicator());
                Path dir = folder.resolve(safe(item.id() + (title.isEmpty() ? "" : " " + title)));
                for (Material m : item.materials()) {
                    Path role = dir.resolve(m.kind().zh);
                    if (m.kind() == Kind.PHOTOS && !item.categories().isEmpty()) {
                        for (String c : item.categories()) made += mk(role.resolve(safe(c)));
                    } else {
                        made += mk(role);
                    }
                }
            }
            Path cfg = folder.resolve("evcheck.yaml");
            if (!Files.exists(cfg)) {
                // What check will accept: a built-in set by its id; a rule file by where it is, seen from
                // the new folder (its id is not a built-in one).
                String ref = BuiltinRules.ids().contains(rules) ? rules : relative(folder, Path.of(rules));
                String unitLine = unit == null || unit.isBlank() ? "# unit: 单位名称\n" : "unit: " + quoted(unit.strip()) + "\n";
                Files.writeString(cfg, "rules: " + quoted(ref) + "\n# as_of: 2020-06-30\n" + unitLine, StandardCharsets.UTF_8);
            }
            spec.commandLine().getOut().println(en ? "created " + made + " folder" + (made == 1 ? "" : "s") + " under " + folder + " (" + rs.id() + ")"
                    : "已在 " + folder + " 下创建 " + made + " 个文件夹（" + rs.id() + "）");
            return Main.OK;
        } catch (IOException e) {
            spec.commandLine().getErr().println(en ? "evcheck: cannot create the folders: " + e.getMessage() : "evcheck: 无法创建文件夹：" + e.getMessage());
            return Main.FAILED;
        }
    }

    /** {@code target} as a path from {@code from} ('/'-separated), or absolute when on another root. */
    static String relative(Path from, Path target) {
        Path a = from.toAbsolutePath().normalize();
        Path b = target.toAbsolutePath().normalize();
        try {
            return a.relativize(b).toString().replace('\\', '/');
        } catch (IllegalArgumentException e) {
            return b.toString();
        }
    }

    /** A YAML scalar in double quotes (a path or name with ':', '#' or spaces stays one value). */
    static String quoted(String v) {
        return "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static int mk(Path p) throws IOException {
        if (Files.isDirectory(p)) return 0;
        Files.createDirectories(p);
        return 1;
    }

    private static String lastPart(String indicator) {
        int slash = indicator.lastIndexOf('/');
        String s = slash >= 0 ? indicator.substring(slash + 1).strip() : indicator;
        return s.replaceFirst("^[ⅠⅡⅢIVX]+-?\\d+\\s*", "");
    }

    private static String safe(String s) {
        return s.replaceAll("[\\\\/:*?\"<>|\\n\\r\\t]", " ").strip();
    }
}
