package cn.evcheck.inspect;

/**
 * Round red seals (印章) in a page's red cells (see {@link ScanDetector}): red components, after
 * closing small gaps, of seal size, nearly square, ring-shaped and covering their outer band all
 * round. Pure.
 */
final class SealFinder {
    private SealFinder() {}

    private static final int SEAL_CLOSING = 2;
    private static final double SEAL_MIN = 0.10;
    private static final double SEAL_MAX = 0.30;
    private static final double SEAL_MAX_ASPECT = 1.33;
    private static final double SEAL_MAX_FILL = 0.5;
    private static final double SEAL_RING_INNER = 0.75;
    private static final double SEAL_MIN_RING_SHARE = 0.3;
    private static final int SEAL_SECTORS = 36;
    private static final int SEAL_MIN_SECTORS = 26;

    static int countSeals(byte[] red, int w, int h) {
        boolean[] closed = dilate(red, w, h, SEAL_CLOSING);
        Pieces pieces = Pieces.of(closed, w, h);
        int seals = 0;
        for (int k = 0; k < pieces.boxes.size(); k++) {
            int[] b = pieces.boxes.get(k);
            double size = (b[2] - b[0] + b[3] - b[1] + 2) / 2.0 - 2 * SEAL_CLOSING;
            if (size >= SEAL_MIN * w && size <= SEAL_MAX * w && isRing(red, pieces.label, k + 1, w, b[0], b[1], b[2], b[3])) seals++;
        }
        return seals;
    }

    private static boolean[] dilate(byte[] red, int w, int h, int radius) {
        boolean[] rows = new boolean[w * h];
        for (int y = 0; y < h; y++) {
            int o = y * w;
            for (int x = 0; x < w; x++) {
                if (red[o + x] == 0) continue;
                for (int k = Math.max(0, x - radius); k <= Math.min(w - 1, x + radius); k++) rows[o + k] = true;
            }
        }
        boolean[] out = new boolean[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (!rows[y * w + x]) continue;
                for (int k = Math.max(0, y - radius); k <= Math.min(h - 1, y + radius); k++) out[k * w + x] = true;
            }
        }
        return out;
    }

    private static boolean isRing(byte[] red, int[] label, int id, int w, int x0, int y0, int x1, int y1) {
        int minX = x1, minY = y1, maxX = x0, maxY = y0;
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                int i = y * w + x;
                if (label[i] == id && red[i] != 0) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        double rx = (maxX - minX + 1) / 2.0;
        double ry = (maxY - minY + 1) / 2.0;
        double size = rx + ry;
        if (size < SEAL_MIN * w || size > SEAL_MAX * w || Math.max(rx, ry) > SEAL_MAX_ASPECT * Math.min(rx, ry)) return false;
        double cx = (minX + maxX) / 2.0;
        double cy = (minY + maxY) / 2.0;
        int n = 0;
        int ring = 0;
        int[] sectors = new int[SEAL_SECTORS];
        for (int y = minY; y <= maxY; y++) {
            for (int x = minX; x <= maxX; x++) {
                int i = y * w + x;
                if (label[i] != id || red[i] == 0) continue;
                n++;
                double dx = (x - cx) / rx;
                double dy = (y - cy) / ry;
                if (dx * dx + dy * dy < SEAL_RING_INNER * SEAL_RING_INNER) continue;
                ring++;
                int s = (int) ((Math.atan2(dy, dx) + Math.PI) / (2 * Math.PI) * SEAL_SECTORS);
                sectors[Math.min(SEAL_SECTORS - 1, s)]++;
            }
        }
        int covered = 0;
        for (int c : sectors) if (c > 0) covered++;
        return n <= SEAL_MAX_FILL * Math.PI * rx * ry && ring >= SEAL_MIN_RING_SHARE * n && covered >= SEAL_MIN_SECTORS;
    }
}
