package cn.evcheck.check;

import cn.evcheck.inspect.SheetFacts;

import java.text.Normalizer;
import java.util.*;

/**
 * Every readable indicator sheet of a unit (.xlsx/.xls/.csv with columns 指标 and 数值), by
 * normalised metric name; a sheet anywhere in the package serves every item. Immutable.
 */
public final class Values {
    /** A metric's value in a data sheet, and where it was read. */
    public record Value(SheetFacts.Row row, String file) {}

    private final Map<String, List<Value>> byMetric = new TreeMap<>();

    Values(List<Placed> files) {
        for (Placed p : files) {
            if (p.place() == Placed.Place.UNUSABLE || p.sheet() == null || p.sheet().problem() != null) continue;
            for (SheetFacts.Row r : p.sheet().rows()) {
                byMetric.computeIfAbsent(key(r.metric()), k -> new ArrayList<>()).add(new Value(r, p.rel()));
            }
        }
    }

    public boolean isEmpty() {
        return byMetric.isEmpty();
    }

    /** The value of a metric: the same name after normalising, else a name containing the other (4+ characters). */
    public Value lookup(String metric) {
        String k = key(metric);
        List<Value> exact = byMetric.get(k);
        if (exact != null) return exact.get(0);
        for (Map.Entry<String, List<Value>> e : byMetric.entrySet()) {
            if (k.length() >= 4 && e.getKey().length() >= 4 && (e.getKey().contains(k) || k.contains(e.getKey()))) {
                return e.getValue().get(0);
            }
        }
        return null;
    }

    private static String key(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).replaceAll("[\\s\\p{Punct}、，。：；（）“”]", "");
    }
}
