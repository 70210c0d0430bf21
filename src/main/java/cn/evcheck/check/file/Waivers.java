package cn.evcheck.check.file;

import cn.evcheck.model.Finding;
import cn.evcheck.model.Report.UnitResult;
import cn.evcheck.rules.Waiver;
import cn.evcheck.util.Messages;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies waivers to a run's findings (issue 14 part 4): a finding a waiver in force matches keeps its
 * code and severity and is marked — {@code data.waived} (reason, approved_by, expires, where the waiver
 * is written) and 已豁免 with the reason after its message — and no longer counts toward the exit
 * code. A waiver that has expired applies to nothing and is itself a finding ({@code waiver.expired});
 * one in force that matched nothing is {@code waiver.unused}. The first waiver (in file order) that
 * matches a finding is the one shown. Pure and deterministic.
 */
public final class Waivers {
    private Waivers() {}

    /** Whether a finding was waived. */
    public static boolean waived(Finding f) {
        return f.data().containsKey("waived");
    }

    public static List<UnitResult> apply(List<UnitResult> units, List<Waiver> waivers, LocalDate today) {
        if (waivers.isEmpty() || units.isEmpty()) return units;
        int[] used = new int[waivers.size()];
        List<UnitResult> out = new ArrayList<>();
        for (UnitResult u : units) {
            Map<Finding, Finding> marked = new HashMap<>();
            for (Finding f : u.findings()) {
                for (int w = 0; w < waivers.size(); w++) {
                    Waiver wv = waivers.get(w);
                    if (wv.expired(today) || !wv.matches(f.code(), u.name(), f.item(), f.file(), f.period())) continue;
                    used[w]++;
                    marked.put(f, mark(f, wv));
                    break;
                }
            }
            out.add(marked.isEmpty() ? u : u.withFindings(marked, List.of()));
        }
        // Waivers that no longer do their job: on the unit they name, else the first.
        Map<Integer, List<Finding>> problems = new LinkedHashMap<>();
        for (int w = 0; w < waivers.size(); w++) {
            Waiver wv = waivers.get(w);
            boolean expired = wv.expired(today);
            if (!expired && used[w] > 0) continue;
            int at = 0;
            for (int i = 0; i < out.size(); i++) if (wv.unit() != null && wv.unit().equals(out.get(i).name())) at = i;
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("waiver", wv.source());
            data.put("waived_code", wv.code());
            data.put("expires", wv.expires().toString());
            String key = expired ? "msg.waiver.expired" : "msg.waiver.unused";
            Object[] args = {"source", wv.source(), "code", wv.code(), "expires", wv.expires().toString(), "reason", wv.reason()};
            problems.computeIfAbsent(at, k -> new ArrayList<>()).add(new Finding(
                    (expired ? WaiverCheck.EXPIRED : WaiverCheck.UNUSED).id(), (expired ? WaiverCheck.EXPIRED : WaiverCheck.UNUSED).severity(),
                    out.get(at).name(), wv.item(), null, null, data,
                    Messages.format(Messages.Lang.ZH, key, args), Messages.format(Messages.Lang.EN, key, args)));
        }
        for (Map.Entry<Integer, List<Finding>> e : problems.entrySet()) {
            out.set(e.getKey(), out.get(e.getKey()).withFindings(Map.of(), e.getValue()));
        }
        return out;
    }

    private static Finding mark(Finding f, Waiver w) {
        Map<String, Object> data = new LinkedHashMap<>(f.data());
        Map<String, Object> waived = new LinkedHashMap<>();
        waived.put("reason", w.reason());
        waived.put("approved_by", w.approvedBy());
        waived.put("expires", w.expires().toString());
        waived.put("waiver", w.source());
        data.put("waived", waived);
        Object[] args = {"reason", w.reason(), "by", w.approvedBy(), "expires", w.expires().toString()};
        return new Finding(f.code(), f.severity(), f.unit(), f.item(), f.file(), f.period(), data,
                f.zh() + Messages.format(Messages.Lang.ZH, "report.waived", args), f.en() + Messages.format(Messages.Lang.EN, "report.waived", args));
    }
}
