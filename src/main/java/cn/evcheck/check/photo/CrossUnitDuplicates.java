package cn.evcheck.check.photo;

import cn.evcheck.inspect.Pixels;
import cn.evcheck.model.Finding;
import cn.evcheck.model.Report.PhotoRecord;
import cn.evcheck.model.Report.UnitResult;
import cn.evcheck.util.Messages;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Photos that two units of a drive both submitted (issue 14 part 1): the same bytes (SHA-256, or size
 * and first and last 64 KiB) or a near-identical picture (perceptual hash within
 * {@link DuplicatePhotoCheck#NEAR_DUPLICATE_BITS} bits), as within one unit. The first unit (in
 * report order) keeps the photo; each use in a later unit gets a {@code photo.duplicate} finding
 * naming the unit and file it repeats. Coverage counts are not changed. Pure and deterministic.
 */
public final class CrossUnitDuplicates {
    private CrossUnitDuplicates() {}

    public static List<UnitResult> apply(List<UnitResult> units) {
        List<int[]> refs = new ArrayList<>();   // {unit, photo index}
        for (int u = 0; u < units.size(); u++) {
            List<PhotoRecord> ps = units.get(u).photos();
            for (int i = 0; i < ps.size(); i++) {
                if (ps.get(i).identity() != null || ps.get(i).phash() != null) refs.add(new int[]{u, i});
            }
        }
        int n = refs.size();
        int[] unit = new int[n];
        long[] hash = new long[n];
        boolean[] hashed = new boolean[n];
        int[] parent = new int[n];
        Map<String, Integer> byIdentity = new HashMap<>();
        for (int k = 0; k < n; k++) {
            PhotoRecord p = photo(units, refs.get(k));
            unit[k] = refs.get(k)[0];
            parent[k] = k;
            if (p.phash() != null) {
                hash[k] = p.phash();
                hashed[k] = true;
            }
            if (p.identity() != null) {
                Integer first = byIdentity.putIfAbsent(p.identity(), k);
                if (first != null && unit[first] != unit[k]) union(parent, first, k);
            }
        }
        for (int a = 0; a < n; a++) {
            if (!hashed[a]) continue;
            for (int b = a + 1; b < n; b++) {
                if (hashed[b] && unit[a] != unit[b] && Pixels.distance(hash[a], hash[b]) <= DuplicatePhotoCheck.NEAR_DUPLICATE_BITS) {
                    union(parent, a, b);
                }
            }
        }
        Map<Integer, List<Integer>> groups = new TreeMap<>();
        for (int k = 0; k < n; k++) groups.computeIfAbsent(find(parent, k), x -> new ArrayList<>()).add(k);
        Map<Integer, List<Finding>> added = new HashMap<>();
        for (List<Integer> g : groups.values()) {
            if (g.stream().map(k -> unit[k]).distinct().count() < 2) continue;
            int original = g.get(0);   // members in report order: the first unit's first file
            PhotoRecord o = photo(units, refs.get(original));
            String oUnit = units.get(unit[original]).name();
            for (int k : g) {
                if (unit[k] == unit[original]) continue;
                PhotoRecord p = photo(units, refs.get(k));
                boolean identical = p.identity() != null && p.identity().equals(o.identity());
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("original_unit", oUnit);
                data.put("original", o.file());
                data.put("identical", identical);
                data.put("across_units", true);
                String key = "photo.duplicate.other_unit." + (identical ? "identical" : "near");
                Object[] args = {"unit", oUnit, "original", o.file()};
                Finding f = new Finding(DuplicatePhotoCheck.DUPLICATE.id(), DuplicatePhotoCheck.DUPLICATE.severity(),
                        units.get(unit[k]).name(), p.item(), p.file(), null, data,
                        Messages.format(Messages.Lang.ZH, "msg." + key, args), Messages.format(Messages.Lang.EN, "msg." + key, args));
                added.computeIfAbsent(unit[k], x -> new ArrayList<>()).add(f);
            }
        }
        if (added.isEmpty()) return units;
        List<UnitResult> out = new ArrayList<>();
        for (int u = 0; u < units.size(); u++) {
            UnitResult r = units.get(u);
            List<Finding> more = added.get(u);
            if (more == null) {
                out.add(r);
                continue;
            }
            out.add(r.withFindings(Map.of(), more));
        }
        return out;
    }

    private static PhotoRecord photo(List<UnitResult> units, int[] ref) {
        return units.get(ref[0]).photos().get(ref[1]);
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
