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

    @Override
    public Integer call() {
        RuleSet rs;
        try {
            rs = BuiltinRules.resolve(rules, null);
        } catch (RuleException e) {
            spec.commandLine().getErr().println(e.render(false));
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
                Files.writeString(cfg, "rules: " + rs.id() + "\n# as_of: 2020-06-30\n# unit: 单位名称\n", StandardCharsets.UTF_8);
            }
            spec.commandLine().getOut().println("已在 " + folder + " 下创建 " + made + " 个文件夹（" + rs.id() + "）");
            return Main.OK;
        } catch (IOException e) {
            spec.commandLine().getErr().println("evcheck: 无法创建文件夹：" + e.getMessage());
            return Main.FAILED;
        }
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
