package cn.evcheck.check.photo;

import cn.evcheck.check.*;
import cn.evcheck.model.Code;
import cn.evcheck.model.DuplicateGroup;
import cn.evcheck.model.Severity;
import cn.evcheck.util.Messages.Localized;

import java.util.*;

/**
 * 负面清单 I30 弄虚作假: the same photo (same bytes, or re-saved, resized, recompressed, lightly
 * cropped — perceptual hashes within {@link #NEAR_DUPLICATE_BITS}) used more than once anywhere
 * in the unit. In each group the earliest-dated use is the original; every later use is a copy
 * the clerk must replace, and gets the finding, naming the original and its date. Uses of the
 * same date, and undated ones (after every dated one), rank by path and page.
 */
public final class DuplicatePhotoCheck implements Check {
    public static final Code DUPLICATE = Code.of("photo.duplicate", Severity.ERROR, Clauses.FALSIFIED);

    /** Hamming distance of two pHashes at or below which two photos are the same picture. */
    public static final int NEAR_DUPLICATE_BITS = 12;

    /** Original first: by activity date (undated last), then path, then page. */
    static final Comparator<Photo> RANK = Comparator.comparing(Photo::date, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Photo::rel).thenComparing(p -> p.page() == null ? 0 : p.page());

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
                .sorted(Comparator.comparing(Photo::rel).thenComparing(p -> p.page() == null ? 0 : p.page())).toList();
        int n = ps.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) parent[i] = i;
        // Exact copies: the same SHA-256, grouped through a map.
        Map<String, Integer> firstWithSha = new HashMap<>();
        for (int i = 0; i < n; i++) {
            String sha = ps.get(i).sha();
            if (sha == null) continue;
            Integer first = firstWithSha.putIfAbsent(sha, i);
            if (first != null) union(parent, first, i);
        }
        // Near copies: every pair of hashes compared, from primitive arrays (10,000 photos are 50 million pairs).
        long[] hash = new long[n];
        int[] of = new int[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            Long h = ps.get(i).phash();
            if (h == null) continue;
            hash[m] = h;
            of[m++] = i;
        }
        joinNear(parent, hash, of, m, ev.threads());
        Map<Integer, List<Photo>> groups = new TreeMap<>();
        for (int i = 0; i < n; i++) groups.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(ps.get(i));
        int groupNo = 0;
        for (List<Photo> members : groups.values()) {
            if (members.size() < 2) continue;
            List<Photo> g = members.stream().sorted(RANK).toList();
            String group = "dup-" + (++groupNo);
            Photo original = g.get(0);
            boolean identical = g.stream().allMatch(p -> p.sha() != null && p.sha().equals(original.sha()));
            List<Map<String, Object>> files = new ArrayList<>();
            List<DuplicateGroup.Member> list = new ArrayList<>();
            for (Photo p : g) {
                files.add(use(p));
                list.add(new DuplicateGroup.Member(p.rel(), p.page(), p.item().id(), p.category(), p.shownDate()));
            }
            out.duplicates(new DuplicateGroup(group, identical, list));
            String date = original.shownDate();
            String en = original.rel() + (original.page() == null ? "" : " page " + original.page());
            Localized named = new Localized(original.label() + (date == null ? " " : "（" + date + "）"),
                    en + (date == null ? "" : " (" + date + ")"));
            for (Photo copy : g.subList(1, g.size())) {
                boolean same = copy.sha() != null && copy.sha().equals(original.sha());
                Results.Emit e = out.emit(DUPLICATE, copy.item().id(), copy.rel());
                if (copy.page() != null) e.data("page", copy.page());
                e.data("date", copy.shownDate()).data("original", use(original)).data("files", files).data("group", group)
                        .data("identical", same).arg("where", Wording.where(copy.page())).arg("original", named)
                        .arg("count", g.size()).say(same ? "identical" : "near");
            }
        }
    }

    /** Fewer hashes than this are compared on one thread. */
    private static final int PAIRS_ALONE = 2_000;

    /**
     * Joins, in {@code parent}, every two photos whose hashes are within {@link #NEAR_DUPLICATE_BITS} of
     * each other ({@code hash[a]} is photo {@code of[a]}'s, a < m). Each of up to {@code threads} threads
     * takes every threads-th row of the triangle of pairs, so that they have about as many each, and joins
     * what it finds in groups of its own (memory by the photo, not by the pair: 10,000 copies of one
     * picture are 50 million pairs); the groups are then joined into {@code parent}. The groups do not
     * depend on the thread count or the order of joining (a group's root is its smallest member).
     */
    static void joinNear(int[] parent, long[] hash, int[] of, int m, int threads) {
        int shares = m < PAIRS_ALONE ? 1 : Math.max(1, threads);
        int[][] local = new int[shares][];
        cn.evcheck.util.Parallel.run(shares, s -> {
            int[] own = new int[m];
            for (int i = 0; i < m; i++) own[i] = i;
            for (int a = s; a < m; a += shares) {
                long ha = hash[a];
                for (int b = a + 1; b < m; b++) {
                    // Long.bitCount, written out: C1 neither inlines it nor makes it one instruction, and
                    // the call was half the time of the 50 million pairs of 10,000 photos.
                    long x = ha ^ hash[b];
                    x = x - ((x >>> 1) & 0x5555555555555555L);
                    x = (x & 0x3333333333333333L) + ((x >>> 2) & 0x3333333333333333L);
                    x = (x + (x >>> 4)) & 0x0F0F0F0F0F0F0F0FL;
                    if ((int) ((x * 0x0101010101010101L) >>> 56) <= NEAR_DUPLICATE_BITS) union(own, a, b);
                }
            }
            local[s] = own;
        });
        for (int[] own : local) {
            for (int i = 0; i < m; i++) {
                int root = find(own, i);
                if (root != i) union(parent, of[root], of[i]);
            }
        }
    }

    /** One use of the picture, as the finding's data states it. */
    private static Map<String, Object> use(Photo p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", p.rel());
        if (p.page() != null) m.put("page", p.page());
        m.put("item", p.item().id());
        if (p.category() != null) m.put("category", p.category());
        m.put("date", p.shownDate());
        return m;
    }

    /** Joins the groups of {@code i} and {@code j}, the lower root becoming the root (as {@code i < j} joined before). */
    private static void union(int[] parent, int i, int j) {
        int ri = find(parent, i);
        int rj = find(parent, j);
        if (ri == rj) return;
        if (ri < rj) parent[rj] = ri;
        else parent[ri] = rj;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
