package cn.evcheck.cli;

import cn.evcheck.rules.BuiltinRules;
import cn.evcheck.rules.Model.RuleSet;
import cn.evcheck.rules.RuleException;
import cn.evcheck.rules.RuleLoader;
import picocli.CommandLine.*;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code evcheck rules lint FILE} and {@code evcheck rules list}. */
@Command(name = "rules", mixinStandardHelpOptions = true, description = {"规则集工具。", "Rule-set tools."},
        subcommands = {RulesCommand.Lint.class, RulesCommand.ListCmd.class, RulesCommand.Show.class})
final class RulesCommand implements Callable<Integer> {
    @Spec
    Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return Main.USAGE;
    }

    @Command(name = "lint", mixinStandardHelpOptions = true, description = {
            "检查规则文件（或豁免文件、evcheck.yaml）是否有效，一次列出全部错误。",
            "Validate a rule file (or a waivers file, or an evcheck.yaml), listing every error at once."})
    static final class Lint implements Callable<Integer> {
        @Spec
        Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        @Option(names = "--lang", paramLabel = "zh|en")
        String lang = "zh";

        @Override
        public Integer call() {
            boolean en = "en".equalsIgnoreCase(lang);
            java.io.PrintWriter out = spec.commandLine().getOut();
            try {
                if (isWaivers(file)) {
                    // A waivers file (--waivers) is linted the same way: every key and date, with its place.
                    int n = cn.evcheck.rules.PackageConfig.waiverFile(file).size();
                    out.println(file + ": " + (en ? "OK, " + n + (n == 1 ? " waiver" : " waivers") : "有效，共 " + n + " 条豁免"));
                    return Main.OK;
                }
                if (isPackageConfig(file)) {
                    cn.evcheck.rules.PackageConfig cfg = cn.evcheck.rules.PackageConfig.loadFile(file);
                    out.println(file + ": " + (en ? "OK (evcheck.yaml" + (cfg.rules() == null ? "" : ", rules: " + cfg.rules()) + ")"
                            : "有效（evcheck.yaml" + (cfg.rules() == null ? "" : "，规则集：" + cfg.rules()) + "）"));
                    return Main.OK;
                }
                RuleSet rs = RuleLoader.load(file);
                int n = rs.items().size();
                out.println(file + ": " + (en ? "OK, " + n + (n == 1 ? " item" : " items") + " (" + rs.id() + ")"
                        : "有效，共 " + n + " 个条目（" + rs.id() + "）"));
                return Main.OK;
            } catch (RuleException e) {
                // Every problem of the file, file:line:column: key path: message, then how many.
                java.io.PrintWriter err = spec.commandLine().getErr();
                err.println(e.render(en));
                err.println(e.summary(en));
                return Main.USAGE;
            }
        }
    }

    /** A package's own evcheck.yaml (by its name, unless it starts as a rule set does), linted as a config. */
    static boolean isPackageConfig(Path file) {
        Path name = file.getFileName();
        return name != null && (name.toString().equalsIgnoreCase("evcheck.yaml") || name.toString().equalsIgnoreCase("evcheck.yml"))
                && !firstLine(file).startsWith("evcheck:");
    }

    /** A file whose first key is {@code waivers:} (a waivers file), not a rule set. */
    static boolean isWaivers(Path file) {
        return firstLine(file).startsWith("waivers:");
    }

    /** The first line of a YAML file that is not blank, a comment or a document start; empty when there is none. */
    private static String firstLine(Path file) {
        try (java.io.BufferedReader r = java.nio.file.Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8)) {
            for (int i = 0; i < 200; i++) {
                String line = r.readLine();
                if (line == null) return "";
                String t = line.replace("\uFEFF", "").strip();
                if (t.isEmpty() || t.startsWith("#") || t.equals("---")) continue;
                return t;
            }
        } catch (java.io.IOException | RuntimeException e) {
            return "";   // the loader reports it
        }
        return "";
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = {"输出一个内置规则集的 YAML，可作为编写新规则集的起点。", "Print a built-in rule set as YAML, to start one's own from."})
    static final class Show implements Callable<Integer> {
        @Spec
        Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "ID")
        String id;

        @Override
        public Integer call() {
            try {
                String text = BuiltinRules.text(id);
                if (text == null) {
                    spec.commandLine().getErr().println("evcheck: 没有内置规则集“" + id + "”（no built-in rule set '" + id + "'）；可用 available: "
                            + String.join(", ", BuiltinRules.ids()));
                    return Main.USAGE;
                }
                spec.commandLine().getOut().print(text);
                spec.commandLine().getOut().flush();
                return Main.OK;
            } catch (java.io.IOException e) {
                spec.commandLine().getErr().println("evcheck: " + e.getMessage());
                return Main.FAILED;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = {"列出内置规则集。", "List the built-in rule sets."})
    static final class ListCmd implements Callable<Integer> {
        @Spec
        Model.CommandSpec spec;

        @Override
        public Integer call() {
            for (String id : BuiltinRules.ids()) {
                try {
                    RuleSet rs = BuiltinRules.load(id);
                    spec.commandLine().getOut().println(id + "\t" + rs.items().size() + "\t" + rs.title());
                } catch (RuleException e) {
                    spec.commandLine().getOut().println(id + "\t!\t" + e.render(false));
                }
            }
            return Main.OK;
        }
    }
}
