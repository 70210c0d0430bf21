package cn.evcheck.inspect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The 8-connected pieces of a w×h mask, found by flood fill in row order: each cell's piece
 * ({@link #label}, numbered from 1 in the order their first cell comes; 0 off the mask) and each
 * piece's bounding box. Used for the seals' rings ({@link SealFinder}) and for a 文号 band's rule
 * ({@link HeaderBands#withoutRule}).
 */
final class Pieces {
    /** Each cell's piece, 1-based; 0 where the mask is off. */
    final int[] label;
    /** Box of piece {@code id} at {@code id - 1}: minX, minY, maxX, maxY. */
    final List<int[]> boxes;

    private Pieces(int[] label, List<int[]> boxes) {
        this.label = label;
        this.boxes = boxes;
    }

    static Pieces of(boolean[] on, int w, int h) {
        int[] label = new int[w * h];
        List<int[]> boxes = new ArrayList<>();
        int[] stack = new int[64];
        for (int start = 0; start < on.length; start++) {
            if (!on[start] || label[start] != 0) continue;
            int id = boxes.size() + 1;
            int[] box = {w, h, -1, -1};
            int top = 0;
            stack[top++] = start;
            label[start] = id;
            while (top > 0) {
                int i = stack[--top];
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
                            if (top == stack.length) stack = Arrays.copyOf(stack, top * 2);
                            stack[top++] = j;
                        }
                    }
                }
            }
            boxes.add(box);
        }
        return new Pieces(label, boxes);
    }
}
