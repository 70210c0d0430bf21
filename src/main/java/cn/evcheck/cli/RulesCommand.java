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

    @Command(name = "lint", mixinStandardHelpOptions = true, description = {"检查规则文件是否有效。", "Validate a rule file."})
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
            try {
                if (isWaivers(file)) {
                    // A waivers file (--waivers) is linted the same way: every key and date, with its place.
                    int n = cn.evcheck.rules.PackageConfig.waiverFile(file).size();
                    spec.commandLine().getOut().println(file + ": " + (en ? "OK, " + n + " waivers" : "有效，共 " + n + " 条豁免"));
                    return Main.OK;
                }
                RuleSet rs = RuleLoader.load(file);
                spec.commandLine().getOut().println(file + ": " + (en ? "OK, " + rs.items().size() + " items (" + rs.id() + ")"
                        : "有效，共 " + rs.items().size() + " 个条目（" + rs.id() + "）"));
                return Main.OK;
            } catch (RuleException e) {
                spec.commandLine().getErr().println(e.render(en));
                return Main.USAGE;
            }
        }
    }

    /** A file whose first key is {@code waivers:} (a waivers file), not a rule set. */
    static boolean isWaivers(Path file) {
        try (java.io.BufferedReader r = java.nio.file.Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8)) {
            for (int i = 0; i < 200; i++) {
                String line = r.readLine();
                if (line == null) return false;
                String t = line.replace("\uFEFF", "").strip();
                if (t.isEmpty() || t.startsWith("#") || t.equals("---")) continue;
                return t.startsWith("waivers:");
            }
        } catch (java.io.IOException | RuntimeException e) {
            return false;   // the rule loader reports it
        }
        return false;
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
