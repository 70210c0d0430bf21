package cn.evcheck.inspect;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The 8-connected pieces of a mask: every cell's label and every piece's box are those of a plain flood
 * fill (neighbours visited through two loops, pieces numbered in row order), on masks sparse and dense,
 * one cell wide or tall, and with pieces touching the edges and each other only by a corner.
 */
class PiecesTest {
    @Test
    void labelsAndBoxesAreThoseOfAPlainFloodFill() {
        Random r = new Random(17);
        int[][] sizes = {{1, 1}, {1, 40}, {40, 1}, {7, 5}, {64, 48}, {300, 120}};
        for (int[] size : sizes) {
            for (double density : new double[] {0.05, 0.3, 0.6, 0.95}) {
                int w = size[0], h = size[1];
                boolean[] on = new boolean[w * h];
                for (int i = 0; i < on.length; i++) on[i] = r.nextDouble() < density;
                Pieces p = Pieces.of(on, w, h);
                List<int[]> boxes = new ArrayList<>();
                int[] label = reference(on, w, h, boxes);
                String what = w + "x" + h + " at " + density;
                assertArrayEquals(label, p.label, what);
                assertEquals(boxes.size(), p.boxes.size(), what);
                for (int k = 0; k < boxes.size(); k++) assertArrayEquals(boxes.get(k), p.boxes.get(k), what + " piece " + (k + 1));
            }
        }
        // Two cells touching by a corner are one piece; a gap of one cell makes two.
        boolean[] corner = {true, false, false, true};
        assertEquals(1, Pieces.of(corner, 2, 2).boxes.size());
        boolean[] gap = {true, false, true};
        assertEquals(2, Pieces.of(gap, 3, 1).boxes.size());
    }

    /** Flood fill with the neighbours in two loops, as first written. */
    private static int[] reference(boolean[] on, int w, int h, List<int[]> boxes) {
        int[] label = new int[w * h];
        java.util.ArrayDeque<Integer> stack = new java.util.ArrayDeque<>();
        for (int start = 0; start < on.length; start++) {
            if (!on[start] || label[start] != 0) continue;
            int id = boxes.size() + 1;
            int[] box = {w, h, -1, -1};
            stack.push(start);
            label[start] = id;
            while (!stack.isEmpty()) {
                int i = stack.pop();
                int x = i % w;
                int y = i / w;
                box[0] = Math.min(box[0], x);
                box[1] = Math.min(box[1], y);
                box[2] = Math.max(box[2], x);
                box[3] = Math.max(box[3], y);
                for (int ny = Math.max(0, y - 1); ny <= Math.min(h - 1, y + 1); ny++) {
                    for (int nx = Math.max(0, x - 1); nx <= Math.min(w - 1, x + 1); nx++) {
                        int j = ny * w + nx;
                        if (on[j] && label[j] == 0) {
                            label[j] = id;
                            stack.push(j);
                        }
                    }
                }
            }
            boxes.add(box);
        }
        return label;
    }
}
