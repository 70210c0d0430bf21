package cn.evcheck.check.document;

import cn.evcheck.check.*;
import cn.evcheck.check.Values.Value;
import cn.evcheck.inspect.SheetFacts;
import cn.evcheck.model.Code;
import cn.evcheck.model.Severity;
import cn.evcheck.rules.Describe;
import cn.evcheck.rules.Model.*;
import cn.evcheck.util.Messages.Localized;

import java.util.*;

/**
 * Numeric targets (数据表格, indicator sheets such as seed 004's 56 indicators): the metric's value
 * from any data sheet in the package, judged against the alternatives — any one satisfies. A
 * metric with no value where a sheet is the only source is missing; values only on a scan cannot
 * be checked (a warning); a value below every alternative misses the target.
 */
public final class DataTargetCheck implements Check {
    public static final Code VALUE_MISSING = Code.of("data.value_missing", Severity.ERROR, Clauses.TARGETS);
    public static final Code TARGET_MISSED = Code.of("data.target_missed", Severity.ERROR, Clauses.TARGETS);

    @Override
    public List<Code> codes() {
        return List.of(VALUE_MISSING, TARGET_MISSED, DataSheetCheck.UNVERIFIABLE);
    }

    @Override
    public Phase phase() {
        return Phase.UNIT;
    }

    @Override
    public void run(Evidence ev, Results out) {
        if (ev.values().isEmpty()) return;
        for (Item item : ev.present()) {
            for (Material m : item.materials()) {
                if (m.kind() == Kind.DATA_TABLE) material(ev, item, m, Documents.files(ev, item, m.kind()).isEmpty(), out);
            }
        }
    }

    private static void material(Evidence ev, Item item, Material m, boolean onlySource, Results out) {
        List<String> metrics = m.targets().isEmpty()
                ? List.of(item.indicator().replaceFirst("^\\s*\\d+\\s*", "").strip())
                : m.targets().stream().map(Target::metric).distinct().toList();
        Map<String, Value> found = new LinkedHashMap<>();
        for (String metric : metrics) {
            Value v = ev.values().lookup(metric);
            if (v != null) found.put(metric, v);
        }
        if (found.isEmpty()) {
            if (onlySource) {
                out.emit(VALUE_MISSING, item.id(), null).data("metrics", metrics).arg("names", String.join("、", metrics)).say();
            } else if (!m.targets().isEmpty()) {
                out.emit(DataSheetCheck.UNVERIFIABLE, item.id(), null).data("metrics", metrics)
                        .arg("names", String.join("、", metrics)).say("scan");
            }
            return;
        }
        if (m.targets().isEmpty()) return;
        boolean pass = false;
        boolean fail = false;
        List<String> tried = new ArrayList<>();
        for (Target t : m.targets()) {
            Value v = found.get(t.metric());
            if (v == null) continue;
            Boolean ok = meets(v.row(), t);
            if (ok == null) continue;
            tried.add(Describe.target(t));
            if (ok) pass = true;
            else fail = true;
        }
        if (pass) return;
        Value shown = found.values().iterator().next();
        Results.Emit e = out.emit(fail ? TARGET_MISSED : VALUE_MISSING, item.id(), shown.file())
                .data("metric", shown.row().metric()).data("value", shown.row().raw())
                .data("targets", m.targets().stream().map(Describe::target).toList()).data("sheet", shown.file())
                .data("row", shown.row().row());
        if (fail) {
            e.arg("tried", new Localized(String.join(" 或 ", tried), String.join(" or ", tried))).say();
        } else {
            e.say("unjudged");
        }
    }

    /** Whether a row meets a target: true, false, or null when it cannot be judged. */
    static Boolean meets(SheetFacts.Row r, Target t) {
        if (t.op().equals("improves")) return r.value() == null || r.previous() == null ? null : r.value() > r.previous();
        if (t.op().equals("decreases")) return r.value() == null || r.previous() == null ? null : r.value() < r.previous();
        if (r.value() == null) return null;
        double v = r.value();
        double x = t.value();
        return switch (t.op()) {
            case ">=" -> v >= x;
            case ">" -> v > x;
            case "<=" -> v <= x;
            case "<" -> v < x;
            default -> Math.abs(v - x) < 1e-9;
        };
    }
}
