package cn.evcheck.check.photo;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The near-copy groups of a unit's photos are the same whether their hashes are compared on one thread
 * or several, and the same as comparing every pair one by one: chains of near copies join into one
 * group, and a hash one bit too far joins nothing.
 */
class DuplicatePairsTest {
    @Test
    void theGroupsDoNotDependOnTheThreadsAndMatchEveryPairComparedByHand() {
        Random r = new Random(11);
        int m = 3_000;   // over the size compared on one thread
        long[] hash = new long[m];
        for (int i = 0; i < m; i++) hash[i] = r.nextLong();
        // Planted copies: within the limit, exactly at it, one bit past it, and a chain a—b—c where a and c are too far apart.
        hash[10] = flip(hash[5], 3, r);
        hash[2_900] = flip(hash[7], DuplicatePhotoCheck.NEAR_DUPLICATE_BITS, r);
        hash[2_901] = flip(hash[8], DuplicatePhotoCheck.NEAR_DUPLICATE_BITS + 1, r);
        hash[1_500] = flip(hash[100], 10, r);
        hash[1_501] = awayFrom(hash[1_500], hash[100], 10, r);
        int[] of = new int[m];
        for (int i = 0; i < m; i++) of[i] = 2 * i + 1;   // photo numbers with gaps, as photos without a hash leave
        int[] expected = identity(2 * m + 1);
        for (int a = 0; a < m; a++) {
            for (int b = a + 1; b < m; b++) {
                if (Long.bitCount(hash[a] ^ hash[b]) <= DuplicatePhotoCheck.NEAR_DUPLICATE_BITS) join(expected, of[a], of[b]);
            }
        }
        int[] roots = roots(expected);
        assertTrue(roots[of[10]] == roots[of[5]] && roots[of[2_900]] == roots[of[7]], "copies within the limit are found");
        assertTrue(roots[of[2_901]] != roots[of[8]], "one bit past the limit is not a copy");
        assertTrue(Long.bitCount(hash[1_501] ^ hash[100]) > DuplicatePhotoCheck.NEAR_DUPLICATE_BITS
                && roots[of[1_501]] == roots[of[100]], "a chain of near copies is one group");
        for (int threads : new int[] {1, 2, 3, 8}) {
            int[] parent = identity(2 * m + 1);
            DuplicatePhotoCheck.joinNear(parent, hash, of, m, threads);
            assertArrayEquals(roots, roots(parent), threads + " threads");
        }
    }

    private static long flip(long h, int bits, Random r) {
        long out = h;
        int flipped = 0;
        while (flipped < bits) {
            long bit = 1L << r.nextInt(64);
            if (((out ^ h) & bit) != 0) continue;
            out ^= bit;
            flipped++;
        }
        return out;
    }

    /** A hash {@code bits} from {@code h}, flipped where h and {@code other} agree: as far again from other. */
    private static long awayFrom(long h, long other, int bits, Random r) {
        long out = h;
        int flipped = 0;
        while (flipped < bits) {
            long bit = 1L << r.nextInt(64);
            if (((out ^ h) & bit) != 0 || ((h ^ other) & bit) != 0) continue;
            out ^= bit;
            flipped++;
        }
        return out;
    }

    private static int[] identity(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        return p;
    }

    private static void join(int[] p, int a, int b) {
        int ra = root(p, a);
        int rb = root(p, b);
        if (ra < rb) p[rb] = ra;
        else if (rb < ra) p[ra] = rb;
    }

    private static int root(int[] p, int i) {
        while (p[i] != i) i = p[i];
        return i;
    }

    private static int[] roots(int[] p) {
        int[] out = new int[p.length];
        for (int i = 0; i < p.length; i++) out[i] = root(p, i);
        return out;
    }
}
