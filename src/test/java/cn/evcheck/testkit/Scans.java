package cn.evcheck.testkit;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Random;

/**
 * Synthetic scans for the scan detectors, deterministic by seed: red-header pages in the GB/T 9704
 * layout, text pages ending in a signature with or without a round red seal, plain text pages, and
 * activity photos full of red (flags, banners, lanterns, people in red). Pages are A4 at 150 dpi
 * (1240×1754) unless a dpi is given; every factory returns TYPE_INT_RGB. All text is drawn with the
 * shipped test font ({@link Fonts#cjk()}), never a system font, so pages are the same on every
 * machine; characters the font lacks are drawn as blocks in the ink colour.
 */
public final class Scans {
    private Scans() {}

    public static final Color RED = new Color(220, 30, 35);
    public static final Color DARK_RED = new Color(165, 20, 30);
    public static final Color PALE_RED = new Color(235, 120, 120);
    public static final Color ORANGE_RED = new Color(230, 90, 40);
    public static final Color FADED_SEAL = new Color(230, 110, 110);

    public static final List<String> AUTHORITIES = List.of(
            "连云港市赣榆区卫生健康委员会文件", "连云港市人民政府文件", "赣榆区精神文明建设指导委员会文件",
            "中共连云港市委宣传部文件", "江苏省民政厅文件", "赣榆区教育局文件", "连云港市文明办文件");

    private static final Font FONT = Fonts.cjk();
    private static final String BODY = "为深入贯彻落实全国文明城市创建工作要求，进一步提升城市文明程度和市民文明素质，"
            + "根据市委、市政府统一部署，结合我区实际，现就做好2020年度创建工作有关事项通知如下。"
            + "各单位要高度重视，成立由主要负责同志任组长的工作领导小组，明确责任分工，细化工作措施，"
            + "确保各项任务落到实处。要广泛开展志愿服务活动，组织党员干部深入社区、走进群众，"
            + "开展义诊、助老、助残、环境整治等志愿服务，全年累计服务时长不少于120小时。"
            + "要加强宣传引导，充分利用报刊、广播、电视和网络等媒体，营造全社会共同参与的良好氛围。"
            + "各镇、街道及区直各部门于每季度末将工作进展情况报区文明办，联系电话：0518-86212345。";
    private static final String[] TITLES = {
            "关于开展2020年度文明城市创建工作的通知", "关于印发志愿服务活动实施方案的通知",
            "关于做好新时代文明实践工作的意见", "关于表彰2019年度先进集体和先进个人的决定",
    };
    private static final String[] BANNERS = {
            "热烈庆祝中华人民共和国成立七十周年", "创建全国文明城市 建设美好幸福家园", "学雷锋志愿服务进社区",
    };

    /** Options of a red-header page; {@link #of} gives the standard one, the withers vary it. */
    public record Header(String authority, String docNumber, String secrecy, boolean rule, Color red,
                         double rotateDegrees, double noise, int dpi, boolean seal) {
        public static Header of(String authority) {
            return new Header(authority, "赣卫〔2020〕44号", null, true, RED, 0, 0, 150, false);
        }

        public Header number(String n) {
            return new Header(authority, n, secrecy, rule, red, rotateDegrees, noise, dpi, seal);
        }

        public Header secrecy(String s) {
            return new Header(authority, docNumber, s, rule, red, rotateDegrees, noise, dpi, seal);
        }

        public Header rule(boolean r) {
            return new Header(authority, docNumber, secrecy, r, red, rotateDegrees, noise, dpi, seal);
        }

        public Header red(Color c) {
            return new Header(authority, docNumber, secrecy, rule, c, rotateDegrees, noise, dpi, seal);
        }

        public Header rotate(double degrees) {
            return new Header(authority, docNumber, secrecy, rule, red, degrees, noise, dpi, seal);
        }

        public Header noise(double sigma) {
            return new Header(authority, docNumber, secrecy, rule, red, rotateDegrees, sigma, dpi, seal);
        }

        public Header dpi(int d) {
            return new Header(authority, docNumber, secrecy, rule, red, rotateDegrees, noise, d, seal);
        }

        public Header seal(boolean s) {
            return new Header(authority, docNumber, secrecy, rule, red, rotateDegrees, noise, dpi, s);
        }
    }

    /** A drawn red-header page and the box, in page pixels, of its document number (null without one). */
    public record HeaderPage(BufferedImage image, Rectangle number) {}

    public static BufferedImage redHeaderPage(long seed, String authority, String docNumber, boolean rule,
                                              Color red, double rotateDegrees, double noise) {
        return redHeader(seed, Header.of(authority).number(docNumber).rule(rule).red(red)
                .rotate(rotateDegrees).noise(noise)).image();
    }

    public static BufferedImage classifiedRedHeaderPage(long seed, String authority, String docNumber, String secrecy) {
        return redHeader(seed, Header.of(authority).number(docNumber).secrecy(secrecy)).image();
    }

    /**
     * GB/T 9704 page 1: optional secrecy marking top left, the authority mark in red (10.5–13 mm glyphs,
     * squeezed to the type width when long), the number two lines below it, the red rule 4 mm under the
     * number across the 156 mm type width (sometimes with a star in the middle), then the title and body.
     */
    public static HeaderPage redHeader(long seed, Header spec) {
        Random rnd = new Random(seed);
        Page p = new Page(spec.dpi(), rnd);
        double y = 37;
        if (spec.secrecy() != null) {
            p.text(spec.secrecy(), 28, y + 5, 5.6, false, Color.BLACK);
            y += 8;
        }
        double markSize = 10.5 + rnd.nextDouble() * 2.5;
        double markBase = y + 10 + rnd.nextDouble() * 6 + markSize * 0.88;
        p.centred(spec.authority(), markBase, markSize, true, spec.red(), 150);
        double numberBase = markBase + 16 + rnd.nextDouble() * 4;
        Rectangle number = null;
        if (spec.docNumber() != null) {
            double width = p.centred(spec.docNumber(), numberBase, 5.6, false, Color.BLACK, 156);
            number = p.box(105 - width / 2, numberBase - 5.2, width, 6.4);
        }
        double ruleY = numberBase + 4 + 0.8;
        if (spec.rule()) drawRule(p, ruleY, 0.5 + rnd.nextDouble() * 0.5, spec.red(), rnd.nextInt(3) == 0);
        double bodyEnd = spec.seal() ? 200 : 262;
        double after = p.body(ruleY + 16, bodyEnd);
        if (spec.seal()) signature(p, after, spec.authority().replace("文件", ""), spec.red(), true, rnd);
        BufferedImage img = p.finish(spec.rotateDegrees(), spec.noise());
        if (number != null && spec.rotateDegrees() != 0) {
            number = AffineTransform.getRotateInstance(Math.toRadians(spec.rotateDegrees()),
                    img.getWidth() / 2.0, img.getHeight() / 2.0).createTransformedShape(number).getBounds();
        }
        return new HeaderPage(img, number);
    }

    private static void drawRule(Page p, double y, double thickness, Color red, boolean star) {
        p.g.setColor(red);
        if (!star) {
            p.g.fill(p.rect(27, y - thickness / 2, 156, thickness));
            return;
        }
        p.g.fill(p.rect(27, y - thickness / 2, 72, thickness));
        p.g.fill(p.rect(111, y - thickness / 2, 72, thickness));
        p.g.fill(star(p.px(105), p.px(y), p.px(3.5), 0));
    }

    public static BufferedImage sealPage(long seed, boolean withSeal, Color red, double rotateDegrees, double noise) {
        return sealPage(seed, withSeal, red, rotateDegrees, noise, 150);
    }

    /** A text page (title, 8–15 body lines) ending in the issuer's name and date; the seal presses on both. */
    public static BufferedImage sealPage(long seed, boolean withSeal, Color red, double rotateDegrees, double noise, int dpi) {
        Random rnd = new Random(seed);
        Page p = new Page(dpi, rnd);
        p.centred(TITLES[rnd.nextInt(TITLES.length)], 50, 7.8, true, Color.BLACK, 156);
        double after = p.body(68, 68 + 10 * (8 + rnd.nextInt(8)));
        String authority = AUTHORITIES.get(rnd.nextInt(AUTHORITIES.size())).replace("文件", "");
        signature(p, after, authority, red, withSeal, rnd);
        return p.finish(rotateDegrees, noise);
    }

    private static void signature(Page p, double y, String authority, Color red, boolean withSeal, Random rnd) {
        double nameBase = y + 20;
        double dateBase = nameBase + 10;
        double right = 183 - 22;
        double nameWidth = p.width(authority, 5.6);
        String date = (2019 + rnd.nextInt(2)) + "年" + (1 + rnd.nextInt(12)) + "月" + (1 + rnd.nextInt(28)) + "日";
        double dateWidth = p.width(date, 5.6);
        double centre = right - Math.max(nameWidth, dateWidth) / 2;
        p.text(authority, centre - nameWidth / 2, nameBase, 5.6, false, Color.BLACK);
        p.text(date, centre - dateWidth / 2, dateBase, 5.6, false, Color.BLACK);
        if (withSeal) {
            double diameter = 40 + rnd.nextDouble() * 4;
            addSeal(p.img, rnd.nextLong(), p.px(centre + rnd.nextDouble() * 6 - 3),
                    p.px(dateBase - 4 - rnd.nextDouble() * 6), p.px(diameter), authority, red);
        }
    }

    /**
     * Presses a round seal (ring, five-pointed star, {@code text} along the upper arc) onto {@code page},
     * multiplied with what is already printed, with uneven ink.
     */
    public static void addSeal(BufferedImage page, long seed, double cx, double cy, double diameter, String text, Color red) {
        Random rnd = new Random(seed);
        int size = (int) Math.ceil(diameter) + 4;
        BufferedImage layer = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = layer.createGraphics();
        smooth(g);
        g.setColor(red);
        double r = diameter / 2;
        double c = size / 2.0;
        double ring = diameter * (0.024 + rnd.nextDouble() * 0.008);
        g.setStroke(new BasicStroke((float) ring));
        g.draw(new Ellipse2D.Double(c - r + ring / 2, c - r + ring / 2, diameter - ring, diameter - ring));
        g.fill(star(c, c, r * 0.32, rnd.nextDouble() * 0.2 - 0.1));
        double glyph = diameter * 0.16;
        double mid = r - ring - diameter * 0.025 - glyph / 2;
        double step = Math.min(Math.toRadians(250) / text.length(), glyph * 1.08 / mid);
        double start = Math.PI / 2 + step * (text.length() - 1) / 2;
        for (int i = 0; i < text.length(); i++) {
            double theta = start - i * step;
            AffineTransform saved = g.getTransform();
            g.translate(c + mid * Math.cos(theta), c - mid * Math.sin(theta));
            g.rotate(Math.PI / 2 - theta);
            String ch = String.valueOf(text.charAt(i));
            double adv = advance(g, ch, glyph, true, 1);
            drawRuns(g, ch, -adv / 2, glyph * 0.38, glyph, true, 1);
            g.setTransform(saved);
        }
        g.dispose();
        multiply(page, layer, (int) Math.round(cx - c), (int) Math.round(cy - c), rnd);
    }

    /** Multiplies the layer's colour into the page where it has ink, with ink strength varying between 60 % and 100 %. */
    private static void multiply(BufferedImage page, BufferedImage layer, int ox, int oy, Random rnd) {
        int cell = Math.max(4, layer.getWidth() / 16);
        int gw = layer.getWidth() / cell + 2;
        double[] ink = new double[gw * gw];
        for (int i = 0; i < ink.length; i++) ink[i] = 0.6 + 0.4 * rnd.nextDouble();
        for (int y = 0; y < layer.getHeight(); y++) {
            for (int x = 0; x < layer.getWidth(); x++) {
                int px = ox + x;
                int py = oy + y;
                if (px < 0 || py < 0 || px >= page.getWidth() || py >= page.getHeight()) continue;
                int s = layer.getRGB(x, y);
                double a = (s >>> 24) / 255.0;
                if (a == 0) continue;
                double fx = x / (double) cell;
                double fy = y / (double) cell;
                int ix = (int) fx;
                int iy = (int) fy;
                double tx = fx - ix;
                double ty = fy - iy;
                a *= (ink[iy * gw + ix] * (1 - tx) + ink[iy * gw + ix + 1] * tx) * (1 - ty)
                        + (ink[(iy + 1) * gw + ix] * (1 - tx) + ink[(iy + 1) * gw + ix + 1] * tx) * ty;
                int d = page.getRGB(px, py);
                int out = 0;
                for (int shift = 16; shift >= 0; shift -= 8) {
                    double dc = (d >> shift) & 0xFF;
                    double sc = (s >> shift) & 0xFF;
                    out |= (int) Math.round(dc * (1 - a * (1 - sc / 255))) << shift;
                }
                page.setRGB(px, py, out);
            }
        }
    }

    /** Title and body text in black only. */
    public static BufferedImage plainTextPage(long seed) {
        Random rnd = new Random(seed);
        Page p = new Page(150, rnd);
        p.centred(TITLES[rnd.nextInt(TITLES.length)], 50, 7.8, true, Color.BLACK, 156);
        p.body(68, 262);
        return p.finish(0, 0);
    }

    /** Luma of every pixel, as a black-and-white scanner would give it. */
    public static BufferedImage greyscale(BufferedImage src) {
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < src.getHeight(); y++) {
            for (int x = 0; x < src.getWidth(); x++) {
                int p = src.getRGB(x, y);
                int v = (299 * ((p >> 16) & 0xFF) + 587 * ((p >> 8) & 0xFF) + 114 * (p & 0xFF)) / 1000;
                out.setRGB(x, y, v << 16 | v << 8 | v);
            }
        }
        return out;
    }

    /** Encodes as JPEG at {@code quality} and decodes again (the result is whatever type ImageIO decodes to). */
    public static BufferedImage jpegRoundTrip(BufferedImage img, float quality) {
        try {
            return ImageIO.read(new ByteArrayInputStream(Jpegs.encode(img, quality)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An outdoor activity photo (sky, building, ground, people, lighting gradient, sensor noise) with
     * much red: {@code "flag"} national flags, {@code "banner"} a wide red banner with white text,
     * {@code "lantern"} filled red lanterns, {@code "crowd"} people in red clothes.
     */
    public static BufferedImage activityPhoto(long seed, String kind) {
        Random rnd = new Random(seed);
        int w = 1600;
        int h = 1200;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        smooth(g);
        int horizon = (int) (h * (0.55 + rnd.nextDouble() * 0.15));
        int skyEnd = (int) (h * (0.2 + rnd.nextDouble() * 0.15));
        g.setPaint(new GradientPaint(0, 0, new Color(95, 150, 215), 0, skyEnd, new Color(180, 210, 240)));
        g.fillRect(0, 0, w, skyEnd);
        Color wall = rnd.nextInt(3) == 0
                ? new Color(236 + rnd.nextInt(16), 236 + rnd.nextInt(16), 232 + rnd.nextInt(16))
                : new Color(200 + rnd.nextInt(30), 185 + rnd.nextInt(25), 150 + rnd.nextInt(30));
        g.setPaint(new GradientPaint(0, skyEnd, wall, w, horizon, wall.darker()));
        g.fillRect(0, skyEnd, w, horizon - skyEnd);
        g.setColor(new Color(70, 90, 110));
        for (int wy = skyEnd + 30; wy < horizon - 60; wy += 90) {
            for (int wx = 40 + rnd.nextInt(40); wx < w - 60; wx += 120) g.fillRect(wx, wy, 60, 50);
        }
        boolean grass = rnd.nextBoolean();
        g.setPaint(new GradientPaint(0, horizon, grass ? new Color(90, 140, 60) : new Color(150, 150, 140),
                0, h, grass ? new Color(50, 95, 35) : new Color(105, 105, 100)));
        g.fillRect(0, horizon, w, h - horizon);
        for (int i = 0; i < 4; i++) {
            g.setColor(new Color(40 + rnd.nextInt(30), 100 + rnd.nextInt(40), 40 + rnd.nextInt(20)));
            int tr = 60 + rnd.nextInt(60);
            g.fillOval(rnd.nextInt(w), horizon - tr - rnd.nextInt(60), tr * 2, tr * 2);
        }
        switch (kind) {
            case "flag" -> flags(g, w, h, horizon, rnd);
            case "banner" -> banner(g, w, skyEnd, horizon, rnd);
            case "lantern" -> lanterns(g, w, skyEnd, rnd);
            case "crowd" -> {}
            default -> throw new IllegalArgumentException(kind);
        }
        people(g, w, h, horizon, kind.equals("crowd") ? 0.85 : 0.2, rnd);
        g.setPaint(new GradientPaint(0, 0, new Color(255, 240, 200, 60), w, h, new Color(0, 0, 30, 70)));
        g.fillRect(0, 0, w, h);
        g.dispose();
        addNoise(img, 6, rnd);
        return img;
    }

    private static void flags(Graphics2D g, int w, int h, int horizon, Random rnd) {
        int n = 1 + rnd.nextInt(3);
        for (int f = 0; f < n; f++) {
            int fw = (int) (w * (0.22 + rnd.nextDouble() * 0.18));
            int fh = fw * 2 / 3;
            int x = rnd.nextInt(Math.max(1, w - fw - 40)) + 20;
            int y = (int) (h * (0.05 + rnd.nextDouble() * 0.2));
            g.setColor(new Color(120, 120, 125));
            g.fillRect(x - 10, y, 10, horizon + 40 - y);
            double phase = rnd.nextDouble() * Math.PI;
            double amp = fh * 0.06;
            for (int sx = 0; sx < fw; sx += 4) {
                double wave = Math.sin(phase + sx * 0.02);
                int shade = (int) (25 * wave);
                g.setColor(new Color(clamp(222 + shade), clamp(41 + shade / 3), clamp(16 + shade / 3)));
                g.fillRect(x + sx, (int) (y + amp * wave), 5, fh);
            }
            g.setColor(new Color(255, 222, 0));
            double unit = fh / 20.0;
            g.fill(star(x + 5 * unit, y + 5 * unit + amp * Math.sin(phase + 5 * unit * 0.02), 3 * unit, 0));
            double[][] small = {{10, 2}, {12, 4}, {12, 7}, {10, 9}};
            for (double[] s : small) {
                double sx = s[0] * unit;
                g.fill(star(x + sx, y + s[1] * unit + amp * Math.sin(phase + sx * 0.02), unit, rnd.nextDouble()));
            }
        }
    }

    private static void banner(Graphics2D g, int w, int skyEnd, int horizon, Random rnd) {
        int bw = (int) (w * (0.6 + rnd.nextDouble() * 0.3));
        int bh = (int) ((horizon - skyEnd) * (0.14 + rnd.nextDouble() * 0.08));
        int x = (w - bw) / 2 + rnd.nextInt(61) - 30;
        int y = skyEnd + 20 + rnd.nextInt(Math.max(1, horizon - skyEnd - bh - 40));
        AffineTransform saved = g.getTransform();
        g.rotate(Math.toRadians(rnd.nextDouble() * 4 - 2), x + bw / 2.0, y + bh / 2.0);
        g.setPaint(new GradientPaint(x, y, new Color(210, 25, 30), x + bw, y, new Color(180, 15, 25)));
        g.fillRect(x, y, bw, bh);
        String text = BANNERS[rnd.nextInt(BANNERS.length)];
        double size = Math.min(bh * 0.7, bw * 0.92 / text.length());
        Color ink = rnd.nextBoolean() ? Color.WHITE : new Color(255, 230, 120);
        g.setColor(ink);
        double adv = advance(g, text, size, true, 1);
        drawRuns(g, text, x + (bw - adv) / 2, y + bh / 2.0 + size * 0.38, size, true, 1);
        g.setTransform(saved);
    }

    private static void lanterns(Graphics2D g, int w, int skyEnd, Random rnd) {
        int n = 2 + rnd.nextInt(5);
        int line = skyEnd / 2 + rnd.nextInt(Math.max(1, skyEnd / 2));
        g.setColor(new Color(60, 50, 40));
        g.setStroke(new BasicStroke(4));
        g.drawLine(0, line, w, line + rnd.nextInt(40) - 20);
        for (int i = 0; i < n; i++) {
            float r = (float) (w * (0.04 + rnd.nextDouble() * 0.05));
            float cx = (float) (w * (i + 0.5) / n + rnd.nextInt(40) - 20);
            float cy = line + r * 1.4f + rnd.nextInt(30);
            g.setPaint(new RadialGradientPaint(cx - r * 0.3f, cy - r * 0.3f, r * 1.3f, new float[]{0f, 0.6f, 1f},
                    new Color[]{new Color(255, 90, 60), new Color(215, 25, 25), new Color(130, 10, 15)}));
            g.fill(new Ellipse2D.Float(cx - r * 1.15f, cy - r, r * 2.3f, r * 2));
            g.setColor(new Color(230, 180, 40));
            g.fill(new Rectangle2D.Float(cx - r * 0.45f, cy - r * 1.12f, r * 0.9f, r * 0.2f));
            g.fill(new Rectangle2D.Float(cx - r * 0.45f, cy + r * 0.92f, r * 0.9f, r * 0.2f));
            g.setStroke(new BasicStroke(3));
            for (int t = -2; t <= 2; t++) g.drawLine((int) (cx + t * r * 0.1), (int) (cy + r * 1.1), (int) (cx + t * r * 0.12), (int) (cy + r * 1.7));
        }
    }

    private static void people(Graphics2D g, int w, int h, int horizon, double redShare, Random rnd) {
        int n = 10 + rnd.nextInt(16);
        for (int i = 0; i < n; i++) {
            double depth = rnd.nextDouble();
            int bw = (int) (w * (0.035 + depth * 0.035));
            int bh = (int) (bw * 2.6);
            int x = rnd.nextInt(w);
            int y = (int) (horizon - bh * 0.5 + depth * (h - horizon) * 0.6);
            Color clothes = rnd.nextDouble() < redShare
                    ? new Color(190 + rnd.nextInt(50), 10 + rnd.nextInt(40), 20 + rnd.nextInt(40))
                    : new Color(rnd.nextInt(200), rnd.nextInt(200), rnd.nextInt(200));
            g.setColor(clothes);
            g.fillRoundRect(x - bw / 2, y, bw, bh, bw / 2, bw / 2);
            g.setColor(new Color(225 + rnd.nextInt(20), 180 + rnd.nextInt(20), 150 + rnd.nextInt(20)));
            g.fillOval(x - bw / 3, y - bw * 3 / 4, bw * 2 / 3, bw * 3 / 4);
            g.setColor(new Color(25, 20, 20));
            g.fillArc(x - bw / 3, y - bw * 3 / 4, bw * 2 / 3, bw * 3 / 4, 0, 180);
        }
    }

    private static Path2D star(double cx, double cy, double r, double turn) {
        Path2D.Double s = new Path2D.Double();
        for (int i = 0; i < 10; i++) {
            double a = -Math.PI / 2 + turn + i * Math.PI / 5;
            double rr = i % 2 == 0 ? r : r * 0.382;
            if (i == 0) s.moveTo(cx + rr * Math.cos(a), cy + rr * Math.sin(a));
            else s.lineTo(cx + rr * Math.cos(a), cy + rr * Math.sin(a));
        }
        s.closePath();
        return s;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    private static void smooth(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    }

    /** Gaussian noise of standard deviation {@code sigma} grey levels, independent per channel. */
    private static void addNoise(BufferedImage img, double sigma, Random rnd) {
        if (sigma <= 0) return;
        int[] table = new int[4096];
        for (int i = 0; i < table.length; i++) table[i] = (int) Math.round(rnd.nextGaussian() * sigma);
        int[] px = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < px.length; i++) {
            int bits = rnd.nextInt();
            int p = px[i];
            int r = clamp(((p >> 16) & 0xFF) + table[bits & 0xFFF]);
            int g = clamp(((p >> 8) & 0xFF) + table[(bits >>> 12) & 0xFFF]);
            int b = clamp((p & 0xFF) + table[(bits >>> 20) & 0xFFF]);
            px[i] = r << 16 | g << 8 | b;
        }
    }

    // ---- text ------------------------------------------------------------------------------------

    /** The font for one character: the shipped test font where it has the glyph, else none (drawn as a block). */
    private static Font fontFor(char c) {
        return FONT.canDisplay(c) ? FONT : null;
    }

    private static double drawRuns(Graphics2D g, String s, double x, double baseline, double size, boolean bold, double squeeze) {
        return runs(g, s, x, baseline, size, bold, squeeze, true);
    }

    private static double advance(Graphics2D g, String s, double size, boolean bold, double squeeze) {
        return runs(g, s, 0, 0, size, bold, squeeze, false);
    }

    /** Draws (or only measures) {@code s} as runs of characters sharing a font; characters without one become blocks. */
    private static double runs(Graphics2D g, String s, double x, double baseline, double size, boolean bold,
                               double squeeze, boolean draw) {
        double start = x;
        int i = 0;
        while (i < s.length()) {
            Font base = fontFor(s.charAt(i));
            int j = i + 1;
            while (j < s.length() && fontFor(s.charAt(j)) == base) j++;
            String run = s.substring(i, j);
            if (base != null) {
                Font f = base.deriveFont(bold ? Font.BOLD : Font.PLAIN, (float) size);
                if (squeeze != 1) f = f.deriveFont(AffineTransform.getScaleInstance(squeeze, 1));
                TextLayout layout = new TextLayout(run, f, g.getFontRenderContext());
                if (draw) layout.draw(g, (float) x, (float) baseline);
                x += layout.getAdvance();
            } else {
                double cell = size * squeeze;
                if (draw) {
                    for (int k = 0; k < run.length(); k++) {
                        g.fill(new Rectangle2D.Double(x + k * cell + cell * 0.15, baseline - size * 0.8, cell * 0.7, size * 0.8));
                    }
                }
                x += cell * run.length();
            }
            i = j;
        }
        return x - start;
    }

    /** An A4 page being drawn, with positions in millimetres. */
    private static final class Page {
        final BufferedImage img;
        final Graphics2D g;
        final double scale;
        final Color paper;
        final Random rnd;

        Page(int dpi, Random rnd) {
            this.rnd = rnd;
            scale = dpi / 25.4;
            img = new BufferedImage((int) Math.round(210 * scale), (int) Math.round(297 * scale), BufferedImage.TYPE_INT_RGB);
            paper = new Color(248 + rnd.nextInt(8), 246 + rnd.nextInt(8), 238 + rnd.nextInt(12));
            g = img.createGraphics();
            smooth(g);
            g.setColor(paper);
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
        }

        double px(double mm) {
            return mm * scale;
        }

        Rectangle2D rect(double x, double y, double w, double h) {
            return new Rectangle2D.Double(px(x), px(y), px(w), px(h));
        }

        Rectangle box(double x, double y, double w, double h) {
            return rect(x, y, w, h).getBounds();
        }

        double width(String s, double sizeMm) {
            return advance(g, s, px(sizeMm), false, 1) / scale;
        }

        void text(String s, double x, double baseline, double sizeMm, boolean bold, Color c) {
            g.setColor(c);
            drawRuns(g, s, px(x), px(baseline), px(sizeMm), bold, 1);
        }

        /** Draws {@code s} centred on the page, squeezed horizontally to at most {@code maxWidth} mm; returns its width in mm. */
        double centred(String s, double baseline, double sizeMm, boolean bold, Color c, double maxWidth) {
            double natural = advance(g, s, px(sizeMm), bold, 1) / scale;
            double squeeze = Math.min(1, maxWidth / natural);
            double width = natural * squeeze;
            g.setColor(c);
            drawRuns(g, s, px(105 - width / 2), px(baseline), px(sizeMm), bold, squeeze);
            return width;
        }

        /** Body text (3号, 28 pt line pitch) from {@code top} to {@code bottom} mm; returns the last baseline. */
        double body(double top, double bottom) {
            double size = 5.6;
            double pitch = 10;
            int pos = rnd.nextInt(BODY.length());
            int paragraph = 0;
            double y = top;
            for (; y <= bottom; y += pitch) {
                StringBuilder line = new StringBuilder();
                double used = paragraph == 0 ? 2 * size : 0;
                boolean last = paragraph >= 3 && rnd.nextInt(3) == 0;
                double limit = last ? 156 * (0.3 + rnd.nextDouble() * 0.5) : 156;
                while (true) {
                    char ch = BODY.charAt(pos % BODY.length());
                    double cw = ch < 128 ? size * 0.55 : size;
                    if (used + cw > limit) break;
                    line.append(ch);
                    used += cw;
                    pos++;
                }
                text(line.toString(), 28 + (paragraph == 0 ? 2 * size : 0), y, size, false, new Color(25, 25, 25));
                paragraph = last ? 0 : paragraph + 1;
            }
            return y - pitch;
        }

        BufferedImage finish(double rotateDegrees, double noise) {
            g.dispose();
            BufferedImage out = img;
            if (rotateDegrees != 0) {
                out = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
                Graphics2D r = out.createGraphics();
                smooth(r);
                r.setColor(paper);
                r.fillRect(0, 0, out.getWidth(), out.getHeight());
                r.rotate(Math.toRadians(rotateDegrees), out.getWidth() / 2.0, out.getHeight() / 2.0);
                r.drawImage(img, 0, 0, null);
                r.dispose();
            }
            addNoise(out, noise, rnd);
            return out;
        }
    }
}
