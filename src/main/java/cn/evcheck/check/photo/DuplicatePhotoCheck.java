package cn.evcheck.check.photo;

import cn.evcheck.check.*;
import cn.evcheck.inspect.Pixels;
import cn.evcheck.model.Code;
import cn.evcheck.model.DuplicateGroup;
import cn.evcheck.model.Severity;
import cn.evcheck.util.Messages.Localized;

import java.util.*;

/**
 * 负面清单 I30 弄虚作假: the same photo (same bytes, or re-saved, resized, recompressed, lightly
 * cropped — perceptual hashes within {@link #NEAR_DUPLICATE_BITS}) used more than once anywhere
 * in the unit. One finding per group, naming every member and the date it was counted for.
 */
public final class DuplicatePhotoCheck implements Check {
    public static final Code DUPLICATE = Code.of("photo.duplicate", Severity.ERROR, Clauses.FALSIFIED);

    /** Hamming distance of two pHashes at or below which two photos are the same picture. */
    public static final int NEAR_DUPLICATE_BITS = 12;

    @Override
    public List<Code> codes() {
        return List.of(DUPLICATE);
    }

    @Override
    public Phase phase() {
        return Phase.UNIT;
    }

    @Override
    public void run(Evidence ev, Results out) {
        List<Photo> ps = ev.photos().stream().filter(p -> p.sha() != null || p.phash() != null)
                .sorted(Comparator.comparing(Photo::label)).toList();
        int n = ps.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) parent[i] = i;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (same(ps.get(i), ps.get(j))) parent[find(parent, j)] = find(parent, i);
            }
        }
        Map<Integer, List<Photo>> groups = new TreeMap<>();
        for (int i = 0; i < n; i++) groups.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(ps.get(i));
        int groupNo = 0;
        for (List<Photo> g : groups.values()) {
            if (g.size() < 2) continue;
            String group = "dup-" + (++groupNo);
            Photo first = g.get(0);
            boolean identical = g.stream().allMatch(p -> p.sha() != null && p.sha().equals(first.sha()));
            List<Map<String, Object>> files = new ArrayList<>();
            List<DuplicateGroup.Member> members = new ArrayList<>();
            List<Localized> named = new ArrayList<>();
            for (Photo p : g) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("file", p.rel());
                if (p.page() != null) m.put("page", p.page());
                m.put("item", p.item().id());
                if (p.category() != null) m.put("category", p.category());
                m.put("date", p.date() == null ? null : p.date().toString());
                files.add(m);
                members.add(new DuplicateGroup.Member(p.rel(), p.page(), p.item().id(), p.category(), p.shownDate()));
                named.add(new Localized(p.label() + "（" + (p.date() == null ? "未计数" : p.shownDate()) + "）",
                        p.label() + " (" + (p.date() == null ? "not counted" : p.shownDate()) + ")"));
            }
            out.duplicates(new DuplicateGroup(group, identical, members));
            out.emit(DUPLICATE, first.item().id(), first.rel()).data("files", files).data("group", group).data("identical", identical)
                    .arg("count", g.size()).arg("members", named).say(identical ? "identical" : "near");
        }
    }

    private static boolean same(Photo a, Photo b) {
        return (a.sha() != null && a.sha().equals(b.sha()))
                || (a.phash() != null && b.phash() != null && Pixels.distance(a.phash(), b.phash()) <= NEAR_DUPLICATE_BITS);
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
