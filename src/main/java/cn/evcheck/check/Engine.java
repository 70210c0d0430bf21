package cn.evcheck.check;

import cn.evcheck.inspect.Facts;
import cn.evcheck.inspect.Inspection;
import cn.evcheck.inspect.Inspector;
import cn.evcheck.inspect.Progress;
import cn.evcheck.inspect.Sidecars;
import cn.evcheck.model.Report.UnitResult;
import cn.evcheck.rules.Model.RuleSet;
import cn.evcheck.scan.FileEntry;
import cn.evcheck.scan.Inventory;
import cn.evcheck.scan.PackageScanner;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One unit's run: scan → inspect every file (caption sidecars included) once, in parallel →
 * check. The result does not depend on the thread count: facts are keyed by path and the checker
 * sorts its output.
 */
public final class Engine {
    private Engine() {}

    public static UnitResult run(String unit, Path root, RuleSet rules, LocalDate asOf, int threads,
                                 Progress progress) throws IOException {
        Inventory inv = new PackageScanner(rules).scan(root);
        List<FileEntry> all = new ArrayList<>(inv.files());
        all.addAll(inv.sidecars());
        Set<String> sidecars = new HashSet<>();
        for (FileEntry f : inv.sidecars()) sidecars.add(f.rel());
        progress.start(unit, all.size());
        Map<String, Facts> facts = Inspection.run(all,
                f -> sidecars.contains(f.rel()) ? Inspector.Needs.CAPTIONS : Checker.needs(f, rules), threads, progress);
        return Checker.check(unit, inv, facts, Sidecars.index(inv.sidecars(), facts), rules, asOf);
    }
}
