package cn.evcheck.cli;

import cn.evcheck.check.Checks;
import cn.evcheck.check.Engine;
import cn.evcheck.fix.FixLog;
import cn.evcheck.fix.Fixer;
import cn.evcheck.inspect.Progress;
import cn.evcheck.model.Report;
import cn.evcheck.model.Severity;
import cn.evcheck.report.Renderer;
import cn.evcheck.report.Renderers;
import cn.evcheck.report.Thumbnails;
import cn.evcheck.rules.BuiltinRules;
import cn.evcheck.rules.Model.RuleSet;
import cn.evcheck.rules.PackageConfig;
import cn.evcheck.rules.RuleException;
import cn.evcheck.util.Messages;
import picocli.CommandLine.*;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.*;
import java.util.concurrent.Callable;

/**
 * {@code evcheck fix <package> --into DIR}: an upload-ready copy of the package, {@code DIR/<package
 * folder name>}, with every mechanical fix done to its photos (size, format, GPS, captions into the
 * file); beside it in DIR the fix log ({@value #LOG_TXT}, {@value #LOG_JSON}) and the HTML report of
 * the copy's check. The package is never written: DIR may not be in it (through links too), the copy
 * is built in DIR under a temporary name and renamed when whole, and an existing copy is never replaced.
 */
@Command(name = "fix", mixinStandardHelpOptions = true,
        description = {"生成材料包的修正副本：压缩过大的照片、转换格式、去除位置信息、把图片说明写入照片；原材料包不作任何改动。",
                "Write an upload-ready copy of the package with the mechanical fixes done; the package itself is never changed."},
        exitCodeListHeading = "%n退出码 Exit codes:%n",
        exitCodeList = {"0:副本中没有达到 --fail-on 级别的问题 (the copy is ready)",
                "1:副本中仍有达到 --fail-on 级别的问题 (findings remain in the copy)",
                "2:用法错误或规则无效 (usage / invalid rules)", "3:未能完成 (could not complete)"})
final class FixCommand implements Callable<Integer> {
    static final String LOG_TXT = "fix-log.txt";
    static final String LOG_JSON = "fix-log.json";

    @Spec
    Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PACKAGE", description = "材料包文件夹 (the package folder)")
    Path pkg;

    @Option(names = "--into", required = true, paramLabel = "DIR",
            description = "副本和修正日志写入的文件夹（不能在材料包内）；副本为 DIR/<材料包文件夹名>")
    Path into;

    @Option(names = "--dry-run", description = "只列出将要做的修正，不写入任何文件 (print the plan only)")
    boolean dryRun;

    @Option(names = "--strip-gps", description = "去除照片中的位置信息（GPS） (remove location tags)")
    boolean stripGps;

    @Option(names = "--combine-pdf", description = "每个图片文件夹合并为一个 PDF（每页一张照片，下方印图片说明），代替单张照片 (one PDF per photo folder)")
    boolean combinePdf;

    @Option(names = "--font", paramLabel = "FILE", description = "合并 PDF 用的中文字体文件（TTF/TTC）；默认在系统字体中查找")
    Path font;

    @Option(names = "--rules", paramLabel = "ID|FILE", description = "规则集：内置 id 或 YAML 文件；默认取材料包中 evcheck.yaml 的 rules")
    String rules;

    @Option(names = "--as-of", paramLabel = "DATE", description = "截至日期 YYYY-MM-DD（默认今天，不超过规则期间末）")
    String asOf;

    @Option(names = "--fail-on", paramLabel = "LEVEL", description = "error|warning|info|never，默认 error（按副本的检查结果）")
    String failOn = "error";

    @Option(names = "--lang", paramLabel = "zh|en", description = "日志语言，默认 zh")
    String lang = "zh";

    @Option(names = {"-q", "--quiet"}, description = "不在标准输出打印修正日志 (no log on stdout)")
    boolean quiet;

    @Option(names = "--threads", paramLabel = "N", description = "并行线程数，默认为 CPU 核数")
    int threads = Runtime.getRuntime().availableProcessors();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean en = "en".equalsIgnoreCase(lang);
        if (!en && !"zh".equalsIgnoreCase(lang)) return usage(err, en ? "--lang must be zh or en" : "--lang 只能是 zh 或 en");
        Severity threshold = Severity.of(failOn);   // null: never
        if (threshold == null && !"never".equalsIgnoreCase(failOn)) {
            return usage(err, en ? "--fail-on must be error, warning, info or never" : "--fail-on 只能是 error、warning、info 或 never");
        }
        if (!Files.isDirectory(pkg)) {
            err.println("evcheck: " + (en ? "the package folder does not exist or cannot be read: " : "材料包文件夹不存在或无法读取：") + pkg);
            return Main.FAILED;
        }
        Path pkgReal;
        Path outReal;
        try {
            pkgReal = pkg.toRealPath();
            outReal = OutputFolder.realPath(into);
        } catch (IOException e) {
            return usage(err, msg(en, "cli.output_path", "output", into.toString(), "reason", String.valueOf(e.getMessage())));
        }
        if (OutputFolder.inside(outReal, pkgReal)) {
            return usage(err, msg(en, "cli.output_inside", "output", into.toString(), "package", pkgReal.toString()));
        }
        String name = pkgReal.getFileName() == null ? "package" : pkgReal.getFileName().toString();
        Path copy = outReal.resolve(name);
        if (Files.exists(copy, LinkOption.NOFOLLOW_LINKS)) {
            return usage(err, msg(en, "cli.fix_exists", "copy", copy.toString()));
        }

        RuleSet ruleSet;
        LocalDate date;
        String unit;
        Engine.Outcome before;
        try {
            PackageConfig cfg = PackageConfig.load(pkg);
            LocalDate cliAsOf = null;
            if (asOf != null) {
                try {
                    cliAsOf = LocalDate.parse(asOf);
                } catch (DateTimeParseException e) {
                    return usage(err, en ? "--as-of must be YYYY-MM-DD" : "--as-of 应为 YYYY-MM-DD");
                }
            }
            date = cliAsOf != null ? cliAsOf : cfg.asOf() != null ? cfg.asOf() : CheckCommand.today();
            String ruleArg = rules != null ? rules : cfg.rules();
            if (ruleArg == null) {
                return usage(err, en ? "no rule set: pass --rules or put 'rules:' in the package's evcheck.yaml. Built-in: "
                        + String.join(", ", BuiltinRules.ids())
                        : "没有指定规则集：请用 --rules，或在材料包的 evcheck.yaml 中写 rules:。内置规则集：" + String.join("、", BuiltinRules.ids()));
            }
            ruleSet = BuiltinRules.resolve(ruleArg, rules != null ? null : pkg);
            unit = cfg.unit() != null ? cfg.unit() : "";
            before = Engine.examine(unit, pkg, ruleSet, date, threads, Progress.NONE);
        } catch (RuleException e) {
            err.println(e.render(en));
            return Main.USAGE;
        } catch (IOException e) {
            err.println("evcheck: " + (en ? "the check could not complete: " : "检查未能完成：") + e.getMessage());
            return Main.FAILED;
        }

        List<Fixer.Job> jobs = Fixer.plan(before, new Fixer.Options(stripGps));
        if (dryRun) {
            List<Fixer.Done> planned = jobs.stream().map(j -> new Fixer.Done(j, j.file().size(), null)).toList();
            FixLog log = new FixLog(Main.version(), pkg.toString(), copy.toString(), ruleSet.id(), date.toString(), planned, null,
                    before.result(), null);
            out.print(log.text(en));
            out.flush();
            return Main.OK;
        }

        Report after;
        FixLog log;
        try (OutputFolder folder = OutputFolder.open(outReal, pkgReal, OutputFolder.lockWaitMs)) {
            if (Files.exists(copy, LinkOption.NOFOLLOW_LINKS)) return usage(err, msg(en, "cli.fix_exists", "copy", copy.toString()));
            List<Fixer.Done> done = Fixer.run(jobs, ruleSet, threads);
            Fixer.Combined combined = Fixer.Combined.NONE;
            if (combinePdf) {
                Path f = Fixer.pdfFont(font);
                if (f == null) {
                    err.println("evcheck: " + msg(en, font != null ? "cli.fix_font_unusable" : "cli.fix_no_font", "font", String.valueOf(font)));
                } else {
                    combined = Fixer.combine(before, done, ruleSet, f);
                }
            }
            Path stage = Files.createDirectory(folder.dir().resolve(OutputFolder.TMP_PREFIX + "fix-"
                    + Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong())));
            Fixer.Copied copied;
            try {
                copied = Fixer.copy(pkg, stage, done, combined);
                Files.move(stage, copy, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException | RuntimeException e) {
                deleteTree(stage);
                throw e;
            }
            Engine.Outcome checked = Engine.examine(unit, copy, ruleSet, date, threads, Progress.NONE);
            after = new Report(Main.version(), ruleSet, date, copy.toString(), List.of(checked.result()), Checks.codes());
            log = new FixLog(Main.version(), pkg.toString(), copy.toString(), ruleSet.id(), date.toString(), done, copied,
                    before.result(), checked.result()).combined(combined);
            byte[] json = log.json(en);
            byte[] text = log.text(en).getBytes(StandardCharsets.UTF_8);
            byte[] html = Renderers.HTML.render(after, new Renderer.Options(en, cn.evcheck.report.Grouping.ITEM, Thumbnails.of(after)));
            folder.write(LOG_JSON, o -> o.write(json));
            folder.write(LOG_TXT, o -> o.write(text));
            folder.write(Renderers.HTML.fileName(), o -> o.write(html));
            if (!quiet) out.print(new String(text, StandardCharsets.UTF_8));
            out.flush();
            if (!quiet) {
                for (String f : List.of(name + "/", LOG_TXT, LOG_JSON, Renderers.HTML.fileName())) {
                    err.println("evcheck: " + (en ? "wrote " : "已写入 ") + outReal.resolve(f));
                }
            }
        } catch (OutputFolder.Inside e) {
            return usage(err, msg(en, "cli.output_inside", "output", into.toString(), "package", pkgReal.toString()));
        } catch (OutputFolder.Locked e) {
            err.println("evcheck: " + msg(en, "cli.output_locked", "output", outReal.toString(), "lock", e.lockFile.toString(),
                    "seconds", (OutputFolder.lockWaitMs + 999) / 1000));
            return Main.FAILED;
        } catch (IOException e) {
            err.println("evcheck: " + msg(en, "cli.output_write", "reason", String.valueOf(e.getMessage())));
            return Main.FAILED;
        }
        if (threshold == null) return Main.OK;
        final Severity t = threshold;
        return after.allFindings().stream().anyMatch(x -> x.severity().atLeast(t) && !cn.evcheck.check.file.Waivers.waived(x))
                ? Main.FINDINGS : Main.OK;
    }

    /** Removes a half-built copy (only ever one this run created). */
    private static void deleteTree(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // Left for the user; the log says where.
                }
            });
        } catch (IOException ignored) {
            // Nothing more to do.
        }
    }

    private static int usage(PrintWriter err, String message) {
        err.println("evcheck: " + message);
        return Main.USAGE;
    }

    private static String msg(boolean en, String key, Object... kv) {
        return Messages.format(en ? Messages.Lang.EN : Messages.Lang.ZH, key, kv);
    }
}
