package cn.evcheck.testkit;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Marks a clerk puts on a printed page before scanning it (标注): a highlighter stroke over a line
 * of text, a pen box or ring round a passage, a pen underline, a bar in the margin. Draws on a copy
 * of a page from {@link Scans}, finding the text lines on it first, with a hand's wobble
 * (deterministic by seed). Highlighter ink multiplies with the print (text stays black under it);
 * pen ink covers it.
 */
public final class Marker {
    private Marker() {}

    public static final Color BLUE_PEN = new Color(35, 60, 190);
    public static final Color RED_PEN = new Color(205, 30, 40);
    public static final Color GREEN_PEN = new Color(30, 140, 60);
    public static final Color PURPLE_PEN = new Color(120, 50, 170);
    public static final Color YELLOW_HIGHLIGHTER = new Color(255, 238, 60);
    public static final Color GREEN_HIGHLIGHTER = new Color(150, 240, 110);
    public static final Color PINK_HIGHLIGHTER = new Color(250, 140, 200);

    /** A printed line of text: its box in page pixels. */
    public record Line(Rectangle box) {}

    /**
     * The text lines of a page below {@code fromY} (a fraction of the page height): rows holding dark
     * pixels, grouped, each with the horizontal extent of its dark pixels.
     */
    public static List<Line> lines(BufferedImage page, double fromY) {
        int w = page.getWidth();
        int h = page.getHeight();
        List<Line> out = new ArrayList<>();
        int start = -1;
        int minX = w;
        int maxX = -1;
        for (int y = (int) (fromY * h); y < h; y++) {
            int dark = 0;
            int lo = w;
            int hi = -1;
            for (int x = 0; x < w; x++) {
                int p = page.getRGB(x, y);
                int v = ((p >> 16 & 0xFF) + (p >> 8 & 0xFF) + (p & 0xFF)) / 3;
                int chroma = Math.max(p >> 16 & 0xFF, Math.max(p >> 8 & 0xFF, p & 0xFF))
                        - Math.min(p >> 16 & 0xFF, Math.min(p >> 8 & 0xFF, p & 0xFF));
                if (v < 110 && chroma < 60) {
                    dark++;
                    lo = Math.min(lo, x);
                    hi = Math.max(hi, x);
                }
            }
            if (dark >= 3) {
                if (start < 0) {
                    start = y;
                    minX = w;
                    maxX = -1;
                }
                minX = Math.min(minX, lo);
                maxX = Math.max(maxX, hi);
            } else if (start >= 0) {
                if (y - start >= h / 200) out.add(new Line(new Rectangle(minX, start, maxX - minX + 1, y - start)));
                start = -1;
            }
        }
        return out;
    }

    public static BufferedImage copy(BufferedImage page) {
        BufferedImage out = new BufferedImage(page.getWidth(), page.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(page, 0, 0, null);
        g.dispose();
        return out;
    }

    /** A highlighter stroke over {@code from}–{@code to} (fractions) of a text line. */
    public static void highlight(BufferedImage page, Line line, double from, double to, Color ink, long seed) {
        Random rnd = new Random(seed);
        Rectangle b = line.box();
        int pad = Math.max(2, b.height / 6);
        int x0 = b.x + (int) (from * b.width);
        int x1 = b.x + (int) (to * b.width);
        double drift = (rnd.nextDouble() - 0.5) * b.height * 0.3;
        for (int x = x0; x <= x1; x++) {
            double t = (x - x0) / (double) Math.max(1, x1 - x0);
            int top = (int) Math.round(b.y - pad + drift * t + rnd.nextGaussian() * 0.6);
            int bottom = (int) Math.round(b.y + b.height + pad + drift * t + rnd.nextGaussian() * 0.6);
            for (int y = Math.max(0, top); y < Math.min(page.getHeight(), bottom); y++) {
                if (x < 0 || x >= page.getWidth()) continue;
                int p = page.getRGB(x, y);
                int r = (p >> 16 & 0xFF) * ink.getRed() / 255;
                int g = (p >> 8 & 0xFF) * ink.getGreen() / 255;
                int bl = (p & 0xFF) * ink.getBlue() / 255;
                page.setRGB(x, y, r << 16 | g << 8 | bl);
            }
        }
    }

    /** A pen box round the lines {@code first}..{@code last} (inclusive), a little wobbly. */
    public static void box(BufferedImage page, List<Line> lines, int first, int last, Color ink, long seed) {
        Rectangle b = new Rectangle(lines.get(first).box());
        for (int i = first + 1; i <= last; i++) b.add(lines.get(i).box());
        int m = Math.max(4, b.height / 8);
        Random rnd = new Random(seed);
        Graphics2D g = pen(page, ink);
        Path2D path = new Path2D.Double();
        double[][] corners = {{b.x - m, b.y - m}, {b.x + b.width + m, b.y - m}, {b.x + b.width + m, b.y + b.height + m},
                {b.x - m, b.y + b.height + m}};
        path.moveTo(corners[0][0], corners[0][1]);
        for (int i = 1; i <= 4; i++) {
            double[] c = corners[i % 4];
            double[] p = corners[i - 1];
            for (int k = 1; k <= 8; k++) {
                double t = k / 8.0;
                path.lineTo(p[0] + (c[0] - p[0]) * t + rnd.nextGaussian() * 1.2, p[1] + (c[1] - p[1]) * t + rnd.nextGaussian() * 1.2);
            }
        }
        g.draw(path);
        g.dispose();
    }

    /** A pen ring round {@code from}–{@code to} (fractions) of a text line. */
    public static void ring(BufferedImage page, Line line, double from, double to, Color ink, long seed) {
        Rectangle b = line.box();
        Random rnd = new Random(seed);
        double x0 = b.x + from * b.width;
        double x1 = b.x + to * b.width;
        double cx = (x0 + x1) / 2;
        double cy = b.y + b.height / 2.0;
        double rx = (x1 - x0) / 2 + b.height * 0.4;
        double ry = b.height * 0.95;
        Graphics2D g = pen(page, ink);
        Path2D path = new Path2D.Double();
        for (int k = 0; k <= 40; k++) {
            double a = 2 * Math.PI * k / 36;   // a little more than a full turn, as a hand draws it
            double wob = 1 + rnd.nextGaussian() * 0.02;
            double x = cx + rx * wob * Math.cos(a);
            double y = cy + ry * wob * Math.sin(a);
            if (k == 0) path.moveTo(x, y);
            else path.lineTo(x, y);
        }
        g.draw(path);
        g.dispose();
    }

    /** A pen underline below {@code from}–{@code to} (fractions) of a text line. */
    public static void underline(BufferedImage page, Line line, double from, double to, Color ink, long seed) {
        Rectangle b = line.box();
        Random rnd = new Random(seed);
        double x0 = b.x + from * b.width;
        double x1 = b.x + to * b.width;
        double y = b.y + b.height + Math.max(3, b.height * 0.2);
        Graphics2D g = pen(page, ink);
        Path2D path = new Path2D.Double();
        path.moveTo(x0, y);
        double slope = (rnd.nextDouble() - 0.5) * 0.02;
        for (int k = 1; k <= 20; k++) {
            double x = x0 + (x1 - x0) * k / 20;
            path.lineTo(x, y + slope * (x - x0) + rnd.nextGaussian() * 0.8);
        }
        g.draw(path);
        g.dispose();
    }

    /** A pen bar in the left margin beside the lines {@code first}..{@code last}. */
    public static void marginBar(BufferedImage page, List<Line> lines, int first, int last, Color ink, long seed) {
        Rectangle a = lines.get(first).box();
        Rectangle z = lines.get(last).box();
        Random rnd = new Random(seed);
        double x = a.x - Math.max(8, a.height * 0.8);
        Graphics2D g = pen(page, ink);
        Path2D path = new Path2D.Double();
        path.moveTo(x, a.y);
        for (int k = 1; k <= 12; k++) path.lineTo(x + rnd.nextGaussian() * 0.8, a.y + (z.y + z.height - a.y) * k / 12.0);
        g.draw(path);
        g.dispose();
    }

    /** A ballpoint, about 0.5 mm wide on an A4 page whatever its resolution. */
    private static Graphics2D pen(BufferedImage page, Color ink) {
        Graphics2D g = page.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(ink);
        float width = (float) Math.max(1.5, page.getWidth() / 210.0 * 0.5);
        g.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        return g;
    }
}
