package cn.evcheck.cli;

import cn.evcheck.model.*;
import cn.evcheck.check.Engine;
import cn.evcheck.inspect.Progress;
import cn.evcheck.report.*;
import cn.evcheck.model.Report.UnitResult;
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
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.*;
import java.util.concurrent.Callable;

/** {@code evcheck check <package>}: the gap report. Never writes into the package. */
@Command(name = "check", mixinStandardHelpOptions = true, modelTransformer = CheckCommand.FormatHelp.class,
        description = {"检查材料包并输出缺口报告。", "Check a package and write the gap report."},
        exitCodeListHeading = "%n退出码 Exit codes:%n",
        exitCodeList = {"0:没有达到 --fail-on 级别的问题 (ready)", "1:有达到 --fail-on 级别的问题 (findings)",
                "2:用法错误或规则无效 (usage / invalid rules)", "3:检查未能完成 (could not complete)"})
final class CheckCommand implements Callable<Integer> {
    @Spec
    Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PACKAGE", description = "材料包文件夹 (the package folder)")
    Path pkg;

    @Option(names = "--rules", paramLabel = "ID|FILE", description = "规则集：内置 id 或 YAML 文件；默认取材料包中 evcheck.yaml 的 rules")
    String rules;

    @Option(names = "--as-of", paramLabel = "DATE", description = "截至日期 YYYY-MM-DD（默认今天，不超过规则期间末）")
    String asOf;

    /** The format used without --format, and printed to standard output even with --output. */
    static final String DEFAULT_FORMAT = "text";

    @Option(names = "--format", split = ",", paramLabel = "FMT", description = "（由 FormatHelp 按 Renderers 生成）")
    List<String> formats = new ArrayList<>(List.of(DEFAULT_FORMAT));

    @Option(names = "--output", paramLabel = "DIR", description = "报告输出文件夹（不能在材料包内）")
    Path output;

    @Option(names = "--fail-on", paramLabel = "LEVEL", description = "error|warning|info|never，默认 error")
    String failOn = "error";

    @Option(names = "--lang", paramLabel = "zh|en", description = "报告语言，默认 zh")
    String lang = "zh";

    @Option(names = "--by-unit", description = "多单位模式：每个一级文件夹是一个单位的材料包")
    boolean byUnit;

    @Option(names = "--group-by", paramLabel = "item|department|unit",
            description = "文本、HTML、Markdown、Excel 报告的分组：条目（默认）、牵头科室或责任单位")
    String groupBy = "item";

    @Option(names = "--color", paramLabel = "auto|always|never",
            description = "文本报告是否着色：auto（默认，终端上着色；设置 NO_COLOR 时不着色）、always、never")
    String color = "auto";

    @Option(names = {"-q", "--quiet"}, description = "不显示进度条和提示 (no progress bar, no notes)")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "在标准错误输出中显示各阶段耗时和提示 (timings and notes on stderr)")
    boolean verbose;

    @Option(names = "--threads", paramLabel = "N", description = "并行线程数，默认为 CPU 核数")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--cache", paramLabel = "DIR", description = "文件检查结果缓存文件夹（不能在材料包内）；默认在用户缓存目录")
    Path cache;

    @Option(names = "--no-cache", description = "不使用缓存，重新读取每个文件")
    boolean noCache;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "与上次的基线文件（--write-baseline）或 JSON 报告比较，标出新增、仍存在和已修复的问题")
    Path baseline;

    @Option(names = "--write-baseline", paramLabel = "FILE", description = "把本次的问题写成基线文件，供下次 --baseline 使用（不能在材料包内）")
    Path writeBaseline;

    @Option(names = "--waivers", paramLabel = "FILE", description = "豁免文件（waivers: 列表）；也可写在 evcheck.yaml 中")
    Path waiversFile;

    @Option(names = "--shard", paramLabel = "K/N", description = "只检查第 K 份单位（共 N 份，按单位名称的哈希划分；需要 --by-unit 和 --output），供 evcheck merge 合并")
    String shard;

    /** Set by {@code evcheck merge}: the shard files whose units this run reports instead of reading the drive. */
    @Option(names = "--merge-shard", hidden = true)
    List<Path> mergeShards = new ArrayList<>();

    @Option(names = "--fail-on-new", paramLabel = "LEVEL", description = "error|warning|info：只按新增问题决定退出码（需要 --baseline）")
    String failOnNew;

    /** The output folder's run.json, being read (null without --output). */
    private java.util.concurrent.FutureTask<Map<String, Object>> earlierRun;

    /** Describes --format from the registry: the names in order, the default, and which need --output. */
    static final class FormatHelp implements IModelTransformer {
        @Override
        public Model.CommandSpec transform(Model.CommandSpec spec) {
            Model.OptionSpec old = spec.findOption("--format");
            String names = String.join(",", Renderers.names());
            List<String> needOut = Renderers.all().stream().filter(r -> !r.toStdout()).map(Renderer::name).toList();
            String description = "输出格式：" + names + "（可多选）；默认 " + DEFAULT_FORMAT
                    + (needOut.isEmpty() ? "" : "；" + String.join("、", needOut) + " 需要 --output")
                    + " (formats, comma-separated; default " + DEFAULT_FORMAT
                    + (needOut.isEmpty() ? "" : "; " + String.join(", ", needOut) + " need" + (needOut.size() == 1 ? "s" : "") + " --output") + ")";
            spec.remove(old);
            spec.addOption(Model.OptionSpec.builder(old).description(description).build());
            return spec;
        }
    }

    @Override
    public Integer call() {
        try {
            return check();
        } finally {
            runCache.close();   // also when the run stopped early: the store is locked while open
        }
    }

    private Integer check() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean en = "en".equalsIgnoreCase(lang);
        if (!en && !"zh".equalsIgnoreCase(lang)) return usage(err, en, "--lang 只能是 zh 或 en", "--lang must be zh or en");
        if (!List.of("auto", "always", "never").contains(color.toLowerCase(Locale.ROOT))) {
            return usage(err, en, "--color 只能是 auto、always 或 never", "--color must be auto, always or never");
        }
        Severity threshold = Severity.of(failOn);   // null: never
        if (threshold == null && !"never".equalsIgnoreCase(failOn)) {
            return usage(err, en, "--fail-on 只能是 error、warning、info 或 never", "--fail-on must be error, warning, info or never");
        }
        Severity newThreshold = null;
        if (failOnNew != null) {
            newThreshold = Severity.of(failOnNew);
            if (newThreshold == null) {
                return usage(err, en, "--fail-on-new 只能是 error、warning 或 info", "--fail-on-new must be error, warning or info");
            }
            if (baseline == null) {
                return usage(err, en, "--fail-on-new 需要用 --baseline 指定上次的基线文件",
                        "--fail-on-new needs --baseline FILE (the earlier run's baseline or JSON report)");
            }
        }
        int shardK = 0;
        int shardN = 0;
        if (shard != null) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,4})/(\\d{1,4})").matcher(shard.strip());
            if (m.matches()) {
                shardK = Integer.parseInt(m.group(1));
                shardN = Integer.parseInt(m.group(2));
            }
            if (shardN < 1 || shardK < 1 || shardK > shardN) {
                return usage(err, en, "--shard 应为 K/N，1 ≤ K ≤ N，例如 2/4", "--shard must be K/N with 1 ≤ K ≤ N, e.g. 2/4");
            }
            if (!byUnit || output == null) {
                return usage(err, en, "--shard 需要 --by-unit 和 --output（分片文件写在输出文件夹中）",
                        "--shard needs --by-unit and --output (the shard file is written there)");
            }
        }
        List<cn.evcheck.model.Baseline.Entry> before = null;
        if (baseline != null) {
            if (!Files.exists(baseline)) {
                // The first night of a job: nothing to compare with yet; every finding is new.
                err.println("evcheck: " + (en ? "no baseline at " + baseline + " yet: every finding counts as new"
                        : "基线文件还不存在：" + baseline + "；本次的问题都算作新增"));
                before = List.of();
            } else {
                try {
                    if (Files.size(baseline) > cn.evcheck.report.BaselineFile.MAX_BYTES) {
                        throw new cn.evcheck.report.BaselineFile.Invalid("larger than " + cn.evcheck.report.BaselineFile.MAX_BYTES / 1024 / 1024 + " MB");
                    }
                    before = cn.evcheck.report.BaselineFile.read(Files.readAllBytes(baseline), en);
                } catch (IOException | cn.evcheck.report.BaselineFile.Invalid e) {
                    return usage(err, en, "无法读取基线文件 " + baseline + "：" + e.getMessage(),
                            "cannot read the baseline " + baseline + ": " + e.getMessage());
                }
            }
        }
        List<String> fmts = formats.stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).distinct().toList();
        List<Renderer> renderers = new ArrayList<>();
        for (String f : fmts) {
            Renderer r = Renderers.byName(f);
            if (r == null) {
                String all = String.join(", ", Renderers.names());
                return usage(err, en, "不支持的格式“" + f + "”，可用：" + all, "unsupported format '" + f + "'; available: " + all);
            }
            renderers.add(r);
        }
        Grouping grouping = Grouping.parse(groupBy);
        if (grouping == null) {
            return usage(err, en, "--group-by 只能是 item、department 或 unit", "--group-by must be item, department or unit");
        }
        for (Renderer r : renderers) {
            if (output == null && !r.toStdout()) {
                return usage(err, en, r.name() + " 格式需要 --output 指定文件夹", "the " + r.name() + " format needs --output DIR");
            }
        }
        if (output == null && renderers.size() > 1) {
            return usage(err, en, "输出多种格式时需要 --output 指定文件夹", "several formats need --output DIR");
        }
        if (!Files.isDirectory(pkg)) {
            err.println("evcheck: " + (en ? "the package folder does not exist or cannot be read: " : "材料包文件夹不存在或无法读取：") + pkg);
            return Main.FAILED;
        }
        Path pkgReal;
        try {
            pkgReal = pkg.toRealPath();
            // A folder the user may not list is a check that cannot be done (exit 3), not a package
            // whose every item is missing.
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(pkg)) {
                ds.iterator().hasNext();
            }
        } catch (IOException | DirectoryIteratorException e) {
            err.println("evcheck: " + (en ? "cannot read the package: " : "无法读取材料包：") + pkg + "（"
                    + (e instanceof java.nio.file.AccessDeniedException || e.getCause() instanceof java.nio.file.AccessDeniedException
                    ? (en ? "permission denied" : "没有读取权限") : e.getClass().getSimpleName()) + "）");
            return Main.FAILED;
        }
        // The facts cache's key needs it soon; the probe may start a process. Its answer is kept in the cache's folder.
        cn.evcheck.inspect.Ocr.probeAhead(RunCache.dir(cache, noCache, pkgReal));
        // The output folder's real path, also when it does not exist yet: never inside the package
        // (in --by-unit mode the drive root holds every unit), also when reached through a link.
        Path outReal = null;
        if (output != null) {
            try {
                outReal = OutputFolder.realPath(output);
            } catch (IOException e) {
                return usage(err, en, msg(en, "cli.output_path", "output", output.toString(), "reason", e.getMessage()));
            }
            if (OutputFolder.inside(outReal, pkgReal)) {
                return usage(err, en, msg(en, "cli.output_inside", "output", output.toString(), "package", pkgReal.toString()));
            }
            // The earlier run's record, read (and the JSON library loaded) while the rules load and the package is walked.
            Path dir = outReal;
            earlierRun = Background.start("evcheck-run-json", () -> UpToDate.runJson(dir));
        }

        Path baselineOut = null;
        if (writeBaseline != null) {
            try {
                baselineOut = OutputFolder.realPath(writeBaseline);   // through links too: never into the package
            } catch (IOException e) {
                return usage(err, en, msg(en, "cli.output_path", "output", writeBaseline.toString(), "reason", e.getMessage()));
            }
            if (OutputFolder.inside(baselineOut, pkgReal)) {
                return usage(err, en, msg(en, "cli.output_inside", "output", writeBaseline.toString(), "package", pkgReal.toString()));
            }
        }

        Report report;
        ProgressBar bar = !quiet && ProgressBar.wanted() ? new ProgressBar(err, en) : null;
        Progress progress = bar != null ? bar : Progress.NONE;
        long t0 = System.nanoTime();
        cn.evcheck.util.Timings.reset();
        try {
            PackageConfig rootCfg = PackageConfig.load(pkg);
            // The package's folders are listed while the rules load (a drive's units are walked one by one).
            if (!byUnit) cn.evcheck.scan.PackageScanner.listAhead(pkg);
            LocalDate cliAsOf = null;
            if (asOf != null) {
                try {
                    cliAsOf = LocalDate.parse(asOf);
                } catch (DateTimeParseException e) {
                    return usage(err, en, "--as-of 应为 YYYY-MM-DD", "--as-of must be YYYY-MM-DD");
                }
            }
            LocalDate date = cliAsOf != null ? cliAsOf : rootCfg.asOf() != null ? rootCfg.asOf() : today();
            String ruleArg = rules != null ? rules : rootCfg.rules();
            // A drive of units: the folders that are units, each with its own evcheck.yaml read once.
            List<Path> dirs = new ArrayList<>();
            Map<Path, PackageConfig> cfgs = new HashMap<>();
            Map<Path, Messages.Localized> problems = new HashMap<>();
            if (byUnit) {
                // A unit folder that is a link is not followed: it may lead anywhere. System folders
                // ($RECYCLE.BIN …), hidden ones, those the drive's evcheck.yaml excludes, and — when it
                // lists units: — any other folder are not units.
                try (DirectoryStream<Path> ds = Files.newDirectoryStream(pkg, p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))) {
                    for (Path d : ds) {
                        String shown = cn.evcheck.scan.Names.shown(d);
                        if (shown.startsWith(".") || cn.evcheck.scan.PackageScanner.isSystemFolder(shown) || rootCfg.excludes(shown)) continue;
                        if (!rootCfg.units().isEmpty() && !rootCfg.units().contains(shown)) continue;
                        dirs.add(d);
                    }
                }
                dirs.sort(Comparator.comparing(cn.evcheck.scan.Names::shown));
                for (String listed : rootCfg.units()) {
                    if (dirs.stream().noneMatch(d -> cn.evcheck.scan.Names.shown(d).equals(listed)) && !quiet) {
                        err.println("evcheck: " + (en ? "note: evcheck.yaml lists the unit folder '" + listed + "', which is not on the drive"
                                : "提示：evcheck.yaml 的 units 列出的文件夹“" + listed + "”不在总目录中"));
                    }
                }
                for (Path d : dirs) {
                    try {
                        cfgs.put(d, PackageConfig.load(d));
                    } catch (RuleException e) {
                        cfgs.put(d, PackageConfig.EMPTY);
                        problems.put(d, new Messages.Localized(e.messageAt(d, false), e.messageAt(d, true)));
                    }
                }
                // Without a drive-wide rule set, the units' own evcheck.yaml name theirs.
                if (ruleArg == null) {
                    ruleArg = dirs.stream().map(d -> cfgs.get(d).rules()).filter(java.util.Objects::nonNull).findFirst().orElse(null);
                }
            }
            if (ruleArg == null) {
                return usage(err, en, "没有指定规则集：请用 --rules，或在材料包的 evcheck.yaml 中写 rules:。内置规则集："
                                + String.join("、", BuiltinRules.ids()),
                        "no rule set: pass --rules or put 'rules:' in the package's evcheck.yaml. Built-in: "
                                + String.join(", ", BuiltinRules.ids()));
            }
            Path ruleBase = rules != null ? null : rootCfg.rules() != null ? pkg
                    : dirs.stream().filter(d -> cfgs.get(d).rules() != null).findFirst().orElse(pkg);
            long tPhase = System.nanoTime();
            RuleSet ruleSet = BuiltinRules.resolve(ruleArg, ruleBase);
            tPhase = cn.evcheck.util.Timings.since("rules", tPhase);
            List<UnitResult> units = new ArrayList<>();
            List<cn.evcheck.rules.Waiver> waivers = new ArrayList<>(rootCfg.waivers());
            if (waiversFile != null) waivers.addAll(PackageConfig.waiverFile(waiversFile));
            Path cacheDir = RunCache.dir(cache, noCache, pkgReal);
            runCache = RunCache.open(cacheDir);
            // What run.json records of this run's reports, and the earlier run's record when it was made
            // from the same options: then units whose keys match it are only walked (UpToDate).
            boolean recordable = outReal != null && cacheDir != null && shard == null
                    && mergeShards.isEmpty() && writeBaseline == null;
            List<Path> configFolders = new ArrayList<>();
            configFolders.add(pkg);
            configFolders.addAll(dirs);
            // Computed once the first unit is walked: the build's key waits for the OCR probe, a process
            // started as the run began (0.17 s from a dropped page cache).
            if (recordable) {
                String rulesArg = ruleArg;
                List<cn.evcheck.rules.Waiver> driveWaivers = List.copyOf(waivers);
                inputs = new Once<>(() -> UpToDate.inputs(pkg.toString(), byUnit, rulesArg, ruleSet, date, today(), fmts, en,
                        grouping.toString(), driveWaivers, configFolders, baseline));
            }
            java.util.function.Supplier<UpToDate.Record> earlier = inputs == null || earlierRun == null ? null : () -> {
                UpToDate.Record r = UpToDate.read(Background.get(earlierRun, null));
                return r != null && r.inputs().equals(inputs.get()) ? r : null;
            };
            unitRuns = new UpToDate.Units(earlier, cacheDir != null, () -> runCache.kept().memo(), runCache::cache, threads, progress,
                    (root, done, secs) -> {
                unitSeconds.put(root.toString(), secs);
                if (byUnit && bar == null && !quiet) RunFiles.unitLine(err, en, done, secs);   // a nightly job's log: one line per unit
            });
            cn.evcheck.util.Timings.since("cache", tPhase);
            if (byUnit) {
                Map<String, List<String>> claims = new HashMap<>();
                Map<Path, String> names = new HashMap<>();
                for (Path d : dirs) {
                    PackageConfig cfg = cfgs.get(d);
                    String name = cfg.unit() != null ? cfg.unit() : cn.evcheck.scan.Names.shown(d);
                    names.put(d, name);
                    claims.computeIfAbsent(name, k -> new ArrayList<>()).add(cn.evcheck.scan.Names.shown(d));
                }
                if (!mergeShards.isEmpty()) {
                    // evcheck merge: the units come from the shards, checked as this run would have checked them.
                    String problem = MergeCommand.merged(mergeShards, pkg, units, ruleSet, date);
                    if (problem != null) return usage(err, en, "无法合并分片：" + problem, "cannot merge the shards: " + problem);
                    for (UnitResult u : units) {
                        for (Path d : dirs) {
                            if (!d.toString().equals(u.path())) continue;
                            for (cn.evcheck.rules.Waiver w : cfgs.get(d).waivers()) {
                                waivers.add(new cn.evcheck.rules.Waiver(w.code(), u.name(), w.item(), w.file(), w.period(), w.reason(),
                                        w.approvedBy(), w.expires(), w.source()));
                            }
                        }
                    }
                }
                if (bar != null) {
                    int mine = 0;
                    for (Path d : dirs) if (shardN == 0 || cn.evcheck.report.ShardFile.mine(names.get(d), shardK, shardN)) mine++;
                    bar.units(mine);
                }
                for (Path d : mergeShards.isEmpty() ? dirs : List.<Path>of()) {
                    if (shardN > 0 && !cn.evcheck.report.ShardFile.mine(names.get(d), shardK, shardN)) continue;
                    // One unit's bad evcheck.yaml is that unit's finding (config.invalid); it is checked
                    // with the drive's rules and date, and the other units are not held up. Its own
                    // rules and as_of, when it names them, are its own (--rules and --as-of win).
                    PackageConfig cfg = cfgs.get(d);
                    RuleSet rs = ruleSet;
                    Messages.Localized problem = problems.get(d);
                    if (problem == null && cfg.rules() != null && rules == null) {
                        try {
                            rs = BuiltinRules.resolve(cfg.rules(), d);
                        } catch (RuleException e) {
                            problem = new Messages.Localized(e.messageAt(d, false), e.messageAt(d, true));
                        }
                    }
                    LocalDate unitDate = cliAsOf != null ? cliAsOf : cfg.asOf() != null ? cfg.asOf() : date;
                    String name = names.get(d);
                    String folder = cn.evcheck.scan.Names.shown(d);
                    List<String> others = claims.get(name).stream().filter(f -> !f.equals(folder)).toList();
                    cn.evcheck.check.UnitClaim claim = new cn.evcheck.check.UnitClaim(folder, cfg.unit(), others);
                    for (cn.evcheck.rules.Waiver w : cfg.waivers()) {   // a unit's own waivers are for that unit only
                        waivers.add(new cn.evcheck.rules.Waiver(w.code(), name, w.item(), w.file(), w.period(), w.reason(),
                                w.approvedBy(), w.expires(), w.source()));
                    }
                    unitRuns.run(name, d, rs, unitDate, problem, claim);
                }
                Integer code = reusedReports(outReal, pkgReal, renderers, threshold, newThreshold, out, err, en, bar, t0);
                if (code != null) return code;
                units.addAll(unitRuns.results());
                if (shardN > 0) {
                    // What evcheck merge needs: these units as checked, before what depends on the whole drive.
                    shardFile = cn.evcheck.report.ShardFile.write(new cn.evcheck.report.ShardFile.Shard(shardK, shardN, Main.version(),
                            ruleArg, ruleBase == null ? null : ruleBase.toString(), ruleSet.sha256(), date, pkg.toString(), units));
                }
                // A photo two units both submitted is found as one unit's reuse is.
                units = new ArrayList<>(cn.evcheck.check.photo.CrossUnitDuplicates.apply(units));
            } else {
                String name = rootCfg.unit() != null ? rootCfg.unit() : "";
                unitRuns.run(name, pkg, ruleSet, date, null, null);
                Integer code = reusedReports(outReal, pkgReal, renderers, threshold, newThreshold, out, err, en, bar, t0);
                if (code != null) return code;
                units.addAll(unitRuns.results());
            }
            tPhase = System.nanoTime();
            runCache.close();
            tPhase = cn.evcheck.util.Timings.since("cache", tPhase);
            // Where a waiver is written, as the report shows it: relative to the package when inside it.
            String prefix = pkg.toString() + pkg.getFileSystem().getSeparator();
            waivers.replaceAll(w -> !w.source().startsWith(prefix) ? w : new cn.evcheck.rules.Waiver(w.code(), w.unit(), w.item(),
                    w.file(), w.period(), w.reason(), w.approvedBy(), w.expires(),
                    w.source().substring(prefix.length()).replace(pkg.getFileSystem().getSeparator(), "/")));
            units = cn.evcheck.check.file.Waivers.apply(units, waivers, today());
            report = new Report(Main.version(), ruleSet, date, pkg.toString(), units, cn.evcheck.check.Checks.codes());
            if (before != null) report = report.against(baseline.toString(), before);
            if (bar != null) bar.finish();
            cn.evcheck.util.Timings.since("result", tPhase);
            notes(err, en, report, t0);
        } catch (RuleException e) {
            err.println(e.render(en));
            if (e.count() > 1) err.println(e.summary(en));
            return Main.USAGE;
        } catch (IOException e) {
            err.println("evcheck: " + (en ? "the check could not complete: " : "检查未能完成：") + e.getMessage());
            return Main.FAILED;
        }

        long tReports = System.nanoTime();
        Map<String, String> thumbnails = renderers.stream().anyMatch(Renderer::usesThumbnails) ? Thumbnails.of(report) : Map.of();
        Renderer.Options options = new Renderer.Options(en, grouping, thumbnails);
        // The write phase: under the output folder's lock, each report written whole or not at all.
        try (OutputFolder folder = outReal == null ? null : OutputFolder.open(outReal, pkgReal, OutputFolder.lockWaitMs)) {
            Map<String, String> sums = new LinkedHashMap<>();
            for (Renderer r : renderers) {
                byte[] body = r.render(report, options);
                sums.put(r.fileName(), UpToDate.sum(r.byteOrderMark() ? Renderer.BOM : new byte[0], body));
                if (folder != null) folder.write(r.fileName(), o -> {
                    if (r.byteOrderMark()) o.write(Renderer.BOM);
                    o.write(body);
                });
                if (folder == null || r.name().equals(DEFAULT_FORMAT)) {
                    String text = new String(body, StandardCharsets.UTF_8);
                    boolean colour = r.name().equals(DEFAULT_FORMAT)
                            && ConsoleText.colour(color, System.getenv(), System.console() != null, System.getProperty("os.name", ""));
                    out.print(colour ? ConsoleText.coloured(text) : text);
                }
            }
            if (folder != null) {
                List<String> keys = unitRuns.keys();
                UpToDate.Record rec = inputs == null || keys == null || keys.size() != report.units().size() ? null
                        : UpToDate.Record.of(inputs.get(), keys, report, sums, en);
                byte[] run = RunFiles.runRecord(report, started, unitSeconds, rec);
                folder.write("run.json", o -> o.write(run));
            }
            if (shardFile != null) {
                byte[] sf = shardFile;
                folder.write(cn.evcheck.report.ShardFile.name(shardK, shardN), o -> o.write(sf));
            }
            out.flush();
            cn.evcheck.util.Timings.since("reports", tReports);
            if (verbose) phases(err, en);
            if (folder != null && !quiet) {
                // Say what was written, and the summary when no text report on stdout said it.
                for (Renderer r : renderers) err.println("evcheck: " + (en ? "wrote " : "已写入 ") + outReal.resolve(r.fileName()));
                if (renderers.stream().noneMatch(r -> r.name().equals(DEFAULT_FORMAT))) {
                    err.println("evcheck: " + (en ? "Summary: " : "汇总：") + Renderers.summary(report, en));
                }
            }
        } catch (OutputFolder.Inside e) {
            return usage(err, en, msg(en, "cli.output_inside", "output", output.toString(), "package", pkgReal.toString()));
        } catch (OutputFolder.Locked e) {
            err.println("evcheck: " + msg(en, "cli.output_locked", "output", outReal.toString(), "lock", e.lockFile.toString(),
                    "seconds", (OutputFolder.lockWaitMs + 999) / 1000));
            return Main.FAILED;
        } catch (IOException e) {
            err.println("evcheck: " + msg(en, "cli.output_write", "reason", String.valueOf(e.getMessage())));
            return Main.FAILED;
        }
        if (baselineOut != null) {
            try {
                RunFiles.writeAtomically(baselineOut, cn.evcheck.report.BaselineFile.write(report));
            } catch (IOException e) {
                err.println("evcheck: " + msg(en, "cli.output_write", "reason", String.valueOf(e.getMessage())));
                return Main.FAILED;
            }
        }
        if (newThreshold != null) {
            // The nightly job's question: did anything get worse? Only new findings decide.
            final Severity nt = newThreshold;
            return report.baseline().fresh(report.allFindings()).stream()
                    .anyMatch(x -> x.severity().atLeast(nt) && !cn.evcheck.check.file.Waivers.waived(x))
                    ? Main.FINDINGS : Main.OK;
        }
        if (threshold == null) return Main.OK;
        final Severity t = threshold;
        return report.allFindings().stream().anyMatch(x -> x.severity().atLeast(t) && !cn.evcheck.check.file.Waivers.waived(x))
                ? Main.FINDINGS : Main.OK;
    }

    /** Where the run's time went (--verbose): the JVM's start, then each phase, in seconds. */
    private static void phases(PrintWriter err, boolean en) {
        List<String> parts = new ArrayList<>();
        // The JVM's own start, to the millisecond (the process's start time on Linux is counted from a
        // boot time known to the second, which made this figure up to a second too long).
        long jvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        parts.add(String.format(Locale.ROOT, en ? "start %.2f s" : "启动 %.2f 秒", (MAIN_STARTED.toEpochMilli() - jvmStart) / 1000.0));
        Map<String, String> zh = Map.of("rules", "规则", "cache", "缓存", "scan", "扫描", "key", "核对文件是否变化", "kept", "读取上次结果",
                "inspect", "读取文件", "copies", "核对相同文件", "checks", "检查", "result", "汇总", "reports", "写报告");
        cn.evcheck.util.Timings.millis().forEach((phase, ms) -> parts.add(String.format(Locale.ROOT, en ? "%s %.2f s" : "%s %.2f 秒",
                en ? phase : zh.getOrDefault(phase, phase), ms / 1000.0)));
        err.println(en ? "evcheck: phases: " + String.join(", ", parts) : "evcheck：各阶段：" + String.join("，", parts));
    }

    /** When this class was first used: about when evcheck's own code began to run. */
    private static final java.time.Instant MAIN_STARTED = java.time.Instant.now();

    /** When this run started, and how long each unit took (by its folder): for run.json. */
    private final java.time.Instant started = java.time.Instant.now();
    private final Map<String, Double> unitSeconds = new HashMap<>();

    /** This shard's units (--shard), written beside the reports. */
    private byte[] shardFile;

    /** The facts cache of the run and the unit results kept in it (closed once the files are inspected). */
    private RunCache runCache = RunCache.none();

    /** What this run's reports are made from besides the units' files (UpToDate), or null when no record is kept. */
    private Once<String> inputs;

    /** A value computed when first asked for, once. */
    private static final class Once<T> implements java.util.function.Supplier<T> {
        private java.util.function.Supplier<T> make;
        private T value;

        Once(java.util.function.Supplier<T> make) {
            this.make = make;
        }

        @Override
        public synchronized T get() {
            if (make != null) {
                value = make.get();
                make = null;
            }
            return value;
        }
    }

    /** The units of this run, walked and finished. */
    private UpToDate.Units unitRuns;

    /**
     * When every unit was only walked (its key is the earlier run's), and the output folder's reports
     * still have the bytes that run recorded: leaves them as they are, says what the run says, and
     * gives the exit code. Null when anything differs (then the units put aside are finished).
     */
    private Integer reusedReports(Path outReal, Path pkgReal, List<Renderer> renderers, Severity threshold, Severity newThreshold,
                                  PrintWriter out, PrintWriter err, boolean en, ProgressBar bar, long t0) throws IOException {
        if (!unitRuns.unchanged()) {
            unitRuns.differs();
            return null;
        }
        long tReports = System.nanoTime();
        List<String> names = renderers.stream().map(Renderer::fileName).toList();
        try (OutputFolder folder = OutputFolder.open(outReal, pkgReal, OutputFolder.lockWaitMs)) {
            // Read again under the lock: another run may have written the folder since.
            Map<String, Object> runJson = UpToDate.runJson(folder.dir());
            UpToDate.Record rec = UpToDate.read(runJson);
            if (rec == null || !rec.equals(unitRuns.record()) || !UpToDate.reportsIntact(rec, folder.dir(), names)) {
                unitRuns.differs();
                return null;
            }
            runCache.close();   // nothing more is read from it (a re-check whose reports are current waits here for it to open)
            byte[] run = UpToDate.rewritten(runJson, started, unitRuns.asideSeconds());
            folder.write("run.json", o -> o.write(run));
            if (bar != null) bar.finish();
            for (Renderer r : renderers) {
                if (!r.name().equals(DEFAULT_FORMAT)) continue;
                byte[] body = Files.readAllBytes(folder.dir().resolve(r.fileName()));
                int from = r.byteOrderMark() && body.length >= Renderer.BOM.length ? Renderer.BOM.length : 0;
                String text = new String(body, from, body.length - from, StandardCharsets.UTF_8);
                boolean colour = ConsoleText.colour(color, System.getenv(), System.console() != null, System.getProperty("os.name", ""));
                out.print(colour ? ConsoleText.coloured(text) : text);
            }
            out.flush();
            for (int i = 0; i < rec.units().size(); i++) {
                if (byUnit && bar == null && !quiet) RunFiles.unitLine(err, en, rec.units().get(i), unitRuns.asideSeconds().get(i));
            }
            cn.evcheck.util.Timings.since("reports", tReports);
            if (verbose) phases(err, en);
            if (!quiet) {
                err.println(en ? "evcheck: the package, rules, date and options are unchanged since the run that wrote " + outReal
                        + ": its reports are current and were left as they are (--no-cache checks again)"
                        : "evcheck：材料包、规则、日期和选项自上次写入 " + outReal + " 以来未变，其中的报告仍是最新的，未重写（--no-cache 可重新检查）");
                if (rec.ocrMissed()) ocrNote(err, en);
                if (rec.links() > 0 || rec.special() > 0) {
                    err.println((en ? "evcheck: note: " : "evcheck：提示：") + msg(en, "cli.skipped", "links", rec.links(), "special", rec.special()));
                }
                for (String n : names) err.println("evcheck: " + (en ? "current: " : "已是最新：") + outReal.resolve(n));
                if (renderers.stream().noneMatch(r -> r.name().equals(DEFAULT_FORMAT))) {
                    err.println("evcheck: " + (en ? "Summary: " : "汇总：") + rec.summary());
                }
            }
            return rec.exitCode(threshold, newThreshold);
        } catch (OutputFolder.Inside | OutputFolder.Locked e) {
            unitRuns.differs();   // said by the write phase, as any run says it
            return null;
        }
    }

    /** Said once per run on stderr (not with --quiet): what the report cannot show by itself. */
    private void notes(PrintWriter err, boolean en, Report report, long t0) {
        if (quiet) return;
        KeptUnits keptUnits = runCache.kept();
        cn.evcheck.inspect.FactsCache cacheUsed = runCache.cache();
        if (keptUnits.reused() > 0) {
            err.println(keptUnits.asked() == 1
                    ? (en ? "evcheck: the package is unchanged since an earlier run with these rules and date: its result came from the cache (--no-cache checks it again)"
                    : "evcheck：材料包自上次以相同规则和日期检查以来未变，直接使用缓存的结果（--no-cache 可重新检查）")
                    : (en ? "evcheck: " + keptUnits.reused() + " of " + keptUnits.asked() + " units unchanged since an earlier run with these rules and date: their results came from the cache (--no-cache checks them again)"
                    : "evcheck：" + keptUnits.reused() + " / " + keptUnits.asked() + " 个单位自上次以相同规则和日期检查以来未变，直接使用缓存的结果（--no-cache 可重新检查）"));
        }
        if (cacheUsed.hits() > 0) {
            err.println(en ? "evcheck: " + cacheUsed.hits() + " of " + (cacheUsed.hits() + cacheUsed.misses())
                    + " files unchanged since an earlier run: their facts came from the cache (--no-cache reads them again)"
                    : "evcheck：" + cacheUsed.hits() + " / " + (cacheUsed.hits() + cacheUsed.misses())
                    + " 个文件自上次检查以来未变，直接使用缓存的检查结果（--no-cache 可重新读取）");
        } else if (cacheUsed.state().startsWith("unavailable")) {
            err.println(en ? "evcheck: note: the cache could not be used (" + cacheUsed.state() + "); every file was read"
                    : "evcheck：提示：缓存无法使用（" + cacheUsed.state() + "），已重新读取全部文件");
        }
        if (report.units().stream().anyMatch(UnitResult::ocrMissed)) ocrNote(err, en);
        int links = report.units().stream().mapToInt(u -> u.skipped().links()).sum();
        int special = report.units().stream().mapToInt(u -> u.skipped().special()).sum();
        if (links > 0 || special > 0) {
            err.println((en ? "evcheck: note: " : "evcheck：提示：") + msg(en, "cli.skipped", "links", links, "special", special));
        }
        if (verbose) {
            int files = report.units().stream().mapToInt(UnitResult::filesInspected).sum();
            double secs = (System.nanoTime() - t0) / 1e9;
            err.println(String.format(Locale.ROOT, en ? "evcheck: %d files in %.2f s with %d threads (%.0f files/s)"
                    : "evcheck：%d 个文件，用时 %.2f 秒，%d 个线程（每秒 %.0f 个）", files, secs, threads, files / Math.max(secs, 1e-3)));
        }
    }

    /** That OCR was not there (or switched off) where a scan needed it. */
    private static void ocrNote(PrintWriter err, boolean en) {
        boolean off = cn.evcheck.inspect.Ocr.availability() == cn.evcheck.inspect.Ocr.Availability.DISABLED;
        err.println(en ? "evcheck: note: " + (off ? "OCR is switched off (EVCHECK_OCR=off)" : "OCR (Tesseract with chi_sim) is not installed")
                + "; document numbers and secrecy marks on scans were looked for only in file names, text layers and caption sheets"
                : "evcheck：提示：" + (off ? "文字识别已关闭（EVCHECK_OCR=off）" : "本机未安装文字识别（Tesseract 及简体中文模型 chi_sim）")
                + "，扫描件上的文号和密级标志只从文件名、PDF 文字层和图片说明表中查找");
    }

    static LocalDate today() {
        String epoch = System.getenv("SOURCE_DATE_EPOCH");
        if (epoch != null && epoch.matches("\\d+")) {
            return java.time.Instant.ofEpochSecond(Long.parseLong(epoch)).atZone(ZoneId.of("Asia/Shanghai")).toLocalDate();
        }
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    private static int usage(PrintWriter err, boolean en, String zh, String english) {
        return usage(err, en, en ? english : zh);
    }

    private static int usage(PrintWriter err, boolean en, String message) {
        err.println("evcheck: " + message);
        return Main.USAGE;
    }

    /** A message of the bundles ({@code cli.*}) in the run's language. */
    private static String msg(boolean en, String key, Object... kv) {
        return Messages.format(en ? Messages.Lang.EN : Messages.Lang.ZH, key, kv);
    }
}
