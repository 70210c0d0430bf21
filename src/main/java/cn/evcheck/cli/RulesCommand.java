package cn.evcheck.cli;

import cn.evcheck.rules.BuiltinRules;
import cn.evcheck.rules.Model.RuleSet;
import cn.evcheck.rules.RuleException;
import cn.evcheck.rules.RuleLoader;
import picocli.CommandLine.*;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code evcheck rules lint FILE}, {@code rules list}, {@code rules show ID} and {@code rules import LIST}. */
@Command(name = "rules", mixinStandardHelpOptions = true, description = {"规则集工具。", "Rule-set tools."},
        subcommands = {RulesCommand.Lint.class, RulesCommand.ListCmd.class, RulesCommand.Show.class, RulesCommand.Import.class})
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

    /**
     * {@code evcheck rules import LIST --id ID --output rules.yaml [--compare REF]}: a draft rule set
     * from a responsibility list (issue 17). The draft is loaded by the rule loader before it is
     * written, so it lints clean; what was inferred carries a {@code # 待确认:} comment.
     */
    @Command(name = "import", mixinStandardHelpOptions = true, description = {
            "从任务分解责任清单（docx/doc/wps/xlsx/xls/csv/txt）生成规则集草稿，推定的值标注“# 待确认”。",
            "Draft a rule set from a responsibility list (docx/doc/wps/xlsx/xls/csv/txt); inferred values are marked '# 待确认'."})
    static final class Import implements Callable<Integer> {
        @Spec
        Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "LIST")
        Path file;

        @Option(names = "--id", required = true, paramLabel = "ID", description = {"规则集编号", "the rule set's id"})
        String id;

        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = {"写入的 YAML 文件（缺省输出到标准输出）",
                "the YAML file to write (default: standard output)"})
        Path output;

        @Option(names = "--compare", paramLabel = "ID|FILE", description = {"与已有规则集逐项比较材料",
                "compare the draft with a rule set, material by material"})
        String compare;

        @Option(names = "--lang", paramLabel = "zh|en")
        String lang = "zh";

        @Override
        public Integer call() {
            boolean en = "en".equalsIgnoreCase(lang);
            java.io.PrintWriter err = spec.commandLine().getErr();
            java.io.PrintWriter out = spec.commandLine().getOut();
            if (!id.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) return fail(err, en, Main.USAGE, "import.bad_id", "id", id);
            if (!java.nio.file.Files.isRegularFile(file)) return fail(err, en, Main.FAILED, "import.missing", "file", file);
            cn.evcheck.draft.DraftFiles.Read read;
            try {
                read = cn.evcheck.draft.DraftFiles.read(file);
            } catch (cn.evcheck.draft.DraftFiles.Unsupported e) {
                return fail(err, en, Main.USAGE, "import.format", "file", file, "ext", e.getMessage().isEmpty() ? "—" : e.getMessage(),
                        "known", String.join(", ", cn.evcheck.draft.DraftFiles.EXTENSIONS));
            } catch (cn.evcheck.draft.DraftFiles.Empty e) {
                return fail(err, en, Main.USAGE, "import.empty", "file", file);
            } catch (cn.evcheck.inspect.WordTables.Encrypted e) {
                return fail(err, en, Main.FAILED, "import.encrypted", "file", file);
            } catch (java.io.IOException | RuntimeException e) {
                return fail(err, en, Main.FAILED, "import.unreadable", "file", file, "reason", reason(e));
            }
            cn.evcheck.draft.Importer.Result r;
            try {
                r = cn.evcheck.draft.Importer.run(id, read.grids(), read.text(), String.valueOf(file.getFileName()));
            } catch (cn.evcheck.draft.Importer.NoTable e) {
                return fail(err, en, Main.USAGE, "import.no_table", "file", file, "tables", e.tables);
            } catch (RuleException e) {
                // The draft does not load: a defect of the importer, said as such with the loader's list.
                err.println("evcheck: " + msg(en, "import.invalid"));
                err.println(e.render(en));
                return Main.FAILED;
            }
            try {
                if (output == null) {
                    out.print(r.yaml());
                    out.flush();
                } else {
                    java.nio.file.Path parent = output.toAbsolutePath().getParent();
                    if (parent != null) java.nio.file.Files.createDirectories(parent);
                    java.nio.file.Files.writeString(output, r.yaml(), java.nio.charset.StandardCharsets.UTF_8);
                }
            } catch (java.io.IOException e) {
                return fail(err, en, Main.FAILED, "import.write", "file", output, "reason", reason(e));
            }
            java.io.PrintWriter say = output == null ? err : out;
            say.println(msg(en, "import.summary", "file", file, "tables", r.tables(), "used", r.tablesUsed(), "items", r.items(),
                    "materials", r.materials(), "doubts", r.draft().doubtLines(), "items_in_doubt", r.draft().itemsInDoubt(),
                    "skipped", r.rowsSkipped()));
            if (output != null) say.println(msg(en, "import.written", "output", output));
            if (compare != null) {
                RuleSet ref;
                try {
                    ref = BuiltinRules.text(compare) != null ? BuiltinRules.load(compare) : RuleLoader.load(Path.of(compare));
                } catch (RuleException e) {
                    err.println(e.render(en));
                    err.println(e.summary(en));
                    return Main.USAGE;
                } catch (java.io.IOException e) {
                    return fail(err, en, Main.FAILED, "import.unreadable", "file", compare, "reason", reason(e));
                }
                cn.evcheck.draft.Comparison.Result c = cn.evcheck.draft.Comparison.compare(r.loaded(), ref);
                say.println(msg(en, "import.compare", "reference", compare, "identical", c.identical(), "total", c.total(),
                        "percent", c.percent()));
                for (cn.evcheck.draft.Comparison.Line l : c.lines()) {
                    say.println("  " + (l.same() ? "= " : "≠ ") + l.item() + " " + l.kind() + (l.same() ? "" : "：" + l.difference()));
                }
                if (!c.extraItems().isEmpty()) say.println(msg(en, "import.compare_extra", "items", c.extraItems()));
            }
            say.flush();
            return Main.OK;
        }

        private static String reason(Exception e) {
            String m = e.getMessage();
            return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.length() > 200 ? m.substring(0, 200) + "…" : m;
        }

        private static int fail(java.io.PrintWriter err, boolean en, int code, String key, Object... kv) {
            err.println("evcheck: " + msg(en, key, kv));
            err.flush();
            return code;
        }

        private static String msg(boolean en, String key, Object... kv) {
            return cn.evcheck.util.Messages.format(en ? cn.evcheck.util.Messages.Lang.EN : cn.evcheck.util.Messages.Lang.ZH, key, kv);
        }
    }
}
