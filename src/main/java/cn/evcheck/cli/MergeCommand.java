package cn.evcheck.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code evcheck merge shard-1-of-3.json … --format … --output DIR} (issue 14 part 5): one report of a
 * drive checked in N shards ({@code check --by-unit --shard K/N}), the same bytes as one run over the
 * drive. It is the check command fed with the shards' units instead of the drive's files: photos
 * reused across units, waivers (the drive's and units' evcheck.yaml, {@code --waivers}) and the
 * baseline are judged over all units, as one run does; the drive must be reachable at the same path.
 */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = {"合并分片检查（check --by-unit --shard K/N）的结果，输出一份完整报告。",
                "Merge the shard files of a drive checked in shards into one report."})
final class MergeCommand implements Callable<Integer> {
    @Spec
    Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "SHARD", description = "各分片输出文件夹中的 shard-K-of-N.json")
    List<Path> shards;

    @Option(names = "--format", split = ",", paramLabel = "FMT")
    List<String> formats;
    @Option(names = "--output", paramLabel = "DIR")
    Path output;
    @Option(names = "--lang", paramLabel = "zh|en")
    String lang;
    @Option(names = "--group-by", paramLabel = "item|department|unit")
    String groupBy;
    @Option(names = "--fail-on", paramLabel = "LEVEL")
    String failOn;
    @Option(names = "--fail-on-new", paramLabel = "LEVEL")
    String failOnNew;
    @Option(names = "--baseline", paramLabel = "FILE")
    Path baseline;
    @Option(names = "--write-baseline", paramLabel = "FILE")
    Path writeBaseline;
    @Option(names = "--waivers", paramLabel = "FILE")
    Path waivers;
    @Option(names = "--rules", paramLabel = "ID|FILE")
    String rules;
    @Option(names = "--as-of", paramLabel = "DATE")
    String asOf;
    @Option(names = {"-q", "--quiet"})
    boolean quiet;

    @Override
    public Integer call() {
        boolean en = "en".equalsIgnoreCase(lang);
        String pkg;
        try {
            pkg = cn.evcheck.report.ShardFile.read(Files.readAllBytes(shards.get(0))).packagePath();
        } catch (IOException | RuntimeException e) {
            spec.commandLine().getErr().println("evcheck: " + (en ? "cannot read the shard " : "无法读取分片文件 ") + shards.get(0) + ": " + e.getMessage());
            return Main.USAGE;
        }
        List<String> args = new ArrayList<>(List.of(pkg, "--by-unit", "--no-cache"));
        for (Path s : shards) args.addAll(List.of("--merge-shard", s.toString()));
        if (formats != null) args.addAll(List.of("--format", String.join(",", formats)));
        add(args, "--output", output);
        add(args, "--lang", lang);
        add(args, "--group-by", groupBy);
        add(args, "--fail-on", failOn);
        add(args, "--fail-on-new", failOnNew);
        add(args, "--baseline", baseline);
        add(args, "--write-baseline", writeBaseline);
        add(args, "--waivers", waivers);
        add(args, "--rules", rules);
        add(args, "--as-of", asOf);
        if (quiet) args.add("--quiet");
        CommandLine check = new CommandLine(new CheckCommand());
        check.setOut(spec.commandLine().getOut());
        check.setErr(spec.commandLine().getErr());
        check.setExitCodeExceptionMapper(t -> Main.FAILED);
        check.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("evcheck: " + ex.getMessage());
            return Main.USAGE;
        });
        return check.execute(args.toArray(String[]::new));
    }

    private static void add(List<String> args, String option, Object value) {
        if (value != null) args.addAll(List.of(option, value.toString()));
    }

    /**
     * Reads the shard files into {@code units} (in the drive's folder order); why they cannot be merged,
     * or null: every shard 1..N exactly once, all of this drive, rule set and date.
     */
    static String merged(List<Path> mergeShards, Path pkg, List<cn.evcheck.model.Report.UnitResult> units,
                         cn.evcheck.rules.Model.RuleSet ruleSet, java.time.LocalDate date) {
        List<cn.evcheck.report.ShardFile.Shard> shards = new ArrayList<>();
        for (Path f : mergeShards) {
            try {
                shards.add(cn.evcheck.report.ShardFile.read(Files.readAllBytes(f)));
            } catch (IOException | RuntimeException e) {
                return f + ": " + e.getMessage();
            }
        }
        int n = shards.get(0).n();
        java.util.Set<Integer> seen = new java.util.TreeSet<>();
        for (int i = 0; i < shards.size(); i++) {
            cn.evcheck.report.ShardFile.Shard sh = shards.get(i);
            Path f = mergeShards.get(i);
            if (sh.n() != n) return f + ": shard " + sh.k() + "/" + sh.n() + " of another split than " + n;
            if (!seen.add(sh.k())) return f + ": shard " + sh.k() + "/" + n + " given twice";
            if (!sh.packagePath().equals(pkg.toString())) return f + ": a shard of " + sh.packagePath() + ", not " + pkg;
            if (!sh.rulesSha256().equals(ruleSet.sha256())) return f + ": checked with another rule set (" + sh.rules() + ")";
            if (!sh.asOf().equals(date)) return f + ": checked as of " + sh.asOf() + ", not " + date;
            units.addAll(sh.units());
        }
        if (seen.size() != n) return "shards " + seen + " of " + n + " given; every shard 1.." + n + " is needed";
        units.sort(java.util.Comparator.comparing(u -> cn.evcheck.scan.Names.shown(Path.of(u.path()))));
        return null;
    }
}
