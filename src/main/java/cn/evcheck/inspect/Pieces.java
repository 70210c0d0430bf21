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
                int y = i / w;
                int x = i - y * w;
                if (x < box[0]) box[0] = x;
                if (y < box[1]) box[1] = y;
                if (x > box[2]) box[2] = x;
                if (y > box[3]) box[3] = y;
                // The eight neighbours without loops (C1 runs this for every dark pixel of a 文号 band):
                // room for all of them first, then each one on the mask and not yet labelled is labelled
                // and pushed.
                if (top + 8 > stack.length) stack = Arrays.copyOf(stack, Math.max(stack.length * 2, top + 8));
                boolean left = x > 0;
                boolean right = x < w - 1;
                if (y > 0) top = row(on, label, stack, top, i - w, left, right, id);
                top = row(on, label, stack, top, i, left, right, id);
                if (y < h - 1) top = row(on, label, stack, top, i + w, left, right, id);
            }
            boxes.add(box);
        }
        return new Pieces(label, boxes);
    }

    /**
     * Labels and pushes the cells left of, at and right of {@code j} (the popped cell's own, already
     * labelled, is skipped by its label) that are on the mask and unlabelled; returns the new stack top.
     */
    private static int row(boolean[] on, int[] label, int[] stack, int top, int j, boolean left, boolean right, int id) {
        if (left && on[j - 1] && label[j - 1] == 0) {
            label[j - 1] = id;
            stack[top++] = j - 1;
        }
        if (on[j] && label[j] == 0) {
            label[j] = id;
            stack[top++] = j;
        }
        if (right && on[j + 1] && label[j + 1] == 0) {
            label[j + 1] = id;
            stack[top++] = j + 1;
        }
        return top;
    }
}
