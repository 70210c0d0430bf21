package cn.evcheck.inspect;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Whether a picture embedded in a report is an electronic seal (电子公章): mostly red ink, in a
 * roughly square, ring-shaped figure on a light or transparent background. Reports need no
 * seal ("不需要单位落款和加盖公章"). Decodes a small copy only. Thread-safe.
 */
public final class SealImage {
    private SealImage() {}

    public static boolean looksLikeSeal(byte[] bytes) {
        if (bytes.length > 8L * 1024 * 1024) return false;
        try {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(bytes));
            if (img == null || img.getWidth() < 40 || img.getHeight() < 40) return false;
            if ((long) img.getWidth() * img.getHeight() > 40_000_000L) return false;
            return ringOfRed(img);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    static boolean ringOfRed(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        int step = Math.max(1, Math.max(w, h) / 160);
        int ink = 0;
        int red = 0;
        int minX = Integer.MAX_VALUE, minY = Integer.MAX_VALUE, maxX = -1, maxY = -1;
        for (int y = 0; y < h; y += step) {
            for (int x = 0; x < w; x += step) {
                int argb = img.getRGB(x, y);
                if ((argb >>> 24) < 64) continue;   // transparent
                int r = (argb >> 16) & 0xFF;
                int g = (argb >> 8) & 0xFF;
                int b = argb & 0xFF;
                if (r > 225 && g > 225 && b > 225) continue;   // paper
                ink++;
                if (r > 140 && r - g > 60 && r - b > 60) {
                    red++;
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        if (red < 30 || red < ink * 0.6) return false;
        double bw = maxX - minX + 1;
        double bh = maxY - minY + 1;
        double aspect = bw / bh;
        if (aspect < 0.8 || aspect > 1.25) return false;
        // Ring-ness: the middle of a filled red shape is red; a seal's is mostly paper or a small star.
        double cx = (minX + maxX) / 2.0;
        double cy = (minY + maxY) / 2.0;
        double radius = Math.min(bw, bh) / 2;
        int inner = 0;
        int innerRed = 0;
        for (int y = minY; y <= maxY; y += step) {
            for (int x = minX; x <= maxX; x += step) {
                double d = Math.hypot(x - cx, y - cy) / radius;
                if (d > 0.55 && d < 0.75) {
                    inner++;
                    int argb = img.getRGB(x, y);
                    int r = (argb >> 16) & 0xFF;
                    int g = (argb >> 8) & 0xFF;
                    int b = argb & 0xFF;
                    if ((argb >>> 24) >= 64 && r > 140 && r - g > 60 && r - b > 60) innerRed++;
                }
            }
        }
        return inner > 0 && innerRed < inner * 0.6;
    }
}
