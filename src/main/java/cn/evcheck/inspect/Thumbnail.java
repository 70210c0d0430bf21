package cn.evcheck.inspect;

import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifThumbnailDirectory;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;

/**
 * The perceptual hash of a JPEG's EXIF thumbnail (IFD1 JPEGInterchangeFormat/Length), which a
 * camera writes into the head of the file: the duplicate hash at the cost of the header, not of a
 * full decode. The thumbnail is trusted only when it agrees with the main image:
 * <ul>
 * <li>it is a JPEG of at most {@link #MAX_PIXELS} pixels lying wholly inside the head;</li>
 * <li>its aspect ratio is the main image's (within {@link #ASPECT_TOLERANCE}), or it is the main
 *     image letterboxed — the picture centred between near-black bars, as cameras do for a 16:9
 *     photo in a 160×120 thumbnail — and then the bars are cropped off before hashing;</li>
 * <li>anything else is distrusted — another shape without black bars (a stale thumbnail of a photo
 *     since cropped), the main image's shape turned a quarter (a thumbnail left in sensor orientation),
 *     a progressive or unreadable one: null, and the caller hashes a decode of the image.</li>
 * </ul>
 * A stale thumbnail of the same shape (a photo edited by a tool that kept the old thumbnail)
 * cannot be told from the head; it hashes as the picture before the edit. Thread-safe.
 */
final class Thumbnail {
    private Thumbnail() {}

    /** A thumbnail larger than this is not a thumbnail. */
    static final long MAX_PIXELS = 1_000_000;

    /** |ln(thumbnail aspect / main aspect)| up to which the shapes agree (about 4 %, a pixel of rounding on 160 px and more). */
    static final double ASPECT_TOLERANCE = 0.04;

    /** Mean grey (0–255) below which a letterbox bar counts as black. */
    static final double BAR_GREY = 20;

    /** The thumbnail's pHash, or null when there is none or it is not trusted. */
    static Long phash(byte[] head, Metadata md, int width, int height) {
        BufferedImage img = image(head, md, width, height, true);   // hashed before the thread decodes another
        return img == null ? null : Pixels.phash(img);
    }

    /** The thumbnail cropped to the main image's picture, or null when there is none or it is not trusted. */
    static BufferedImage image(byte[] head, Metadata md, int width, int height) {
        return image(head, md, width, height, false);
    }

    /** @param scratch decoded into the thread's scratch image ({@link Pixels#decodeThumbnail(byte[], boolean)}) */
    private static BufferedImage image(byte[] head, Metadata md, int width, int height, boolean scratch) {
        byte[] jpeg = bytes(head, md);
        if (jpeg == null || width <= 0 || height <= 0) return null;
        Pixels.Frame f = Pixels.frame(jpeg, jpeg.length);
        if (f == null || f.pixels() > MAX_PIXELS || f.pixels() == 0 || f.progressive()) return null;
        BufferedImage t;
        try {
            t = Pixels.decodeThumbnail(jpeg, scratch);
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
        return crop(t, width, height);
    }

    /**
     * The part of thumbnail {@code t} that shows a {@code width}×{@code height} picture: all of it when
     * the shapes agree, the middle when the rest is black bars, else null.
     */
    static BufferedImage crop(BufferedImage t, int width, int height) {
        int tw = t.getWidth();
        int th = t.getHeight();
        double main = (double) width / height;
        double thumb = (double) tw / th;
        if (Math.abs(Math.log(thumb / main)) <= ASPECT_TOLERANCE) return t;
        // The main image's shape turned a quarter: a thumbnail left in sensor orientation, or the picture
        // pillarboxed — which of the two cannot be told from a dark picture (seen on a Konica camera).
        if (Math.abs(Math.log(thumb * main)) <= ASPECT_TOLERANCE) return null;
        int x0 = 0, y0 = 0, cw = tw, ch = th;
        if (thumb > main) {
            cw = (int) Math.round(th * main);   // bars left and right
            x0 = (tw - cw) / 2;
        } else {
            ch = (int) Math.round(tw / main);   // bars above and below
            y0 = (th - ch) / 2;
        }
        if (cw < 16 || ch < 16) return null;
        // The bars, a pixel short of the picture's edge (JPEG ringing), must be black.
        if (thumb > main) {
            if (x0 < 2 || !dark(t, 0, 0, x0 - 1, th) || !dark(t, x0 + cw + 1, 0, tw - x0 - cw - 1, th)) return null;
        } else {
            if (y0 < 2 || !dark(t, 0, 0, tw, y0 - 1) || !dark(t, 0, y0 + ch + 1, tw, th - y0 - ch - 1)) return null;
        }
        return t.getSubimage(x0, y0, cw, ch);
    }

    /** Whether a bar is black: mean grey below {@link #BAR_GREY}, and almost no pixel (2 %) brighter than 48 (JPEG ringing at the picture's edge stays below). */
    private static boolean dark(BufferedImage t, int x, int y, int w, int h) {
        if (w <= 0 || h <= 0) return true;
        double sum = 0;
        int bright = 0, n = 0;
        for (int j = y; j < y + h && j < t.getHeight(); j++) {
            for (int i = x; i < x + w && i < t.getWidth(); i++) {
                int rgb = t.getRGB(i, j);
                double grey = 0.299 * ((rgb >> 16) & 0xFF) + 0.587 * ((rgb >> 8) & 0xFF) + 0.114 * (rgb & 0xFF);
                sum += grey;
                if (grey > 48) bright++;
                n++;
            }
        }
        return n == 0 || (sum / n < BAR_GREY && bright <= n / 50);
    }

    /** The thumbnail's bytes when they lie wholly inside {@code head} and start like a JPEG, else null. */
    static byte[] bytes(byte[] head, Metadata md) {
        ExifThumbnailDirectory d = md.getFirstDirectoryOfType(ExifThumbnailDirectory.class);
        if (d == null) return null;
        Integer off = d.getAdjustedThumbnailOffset();   // from the start of the APP1 payload ("Exif\0\0")
        Integer len = d.getInteger(ExifThumbnailDirectory.TAG_THUMBNAIL_LENGTH);
        int base = exifPayload(head);
        if (off == null || len == null || base < 0 || off < 0 || len < 4) return null;
        long start = (long) base + off;
        if (start + len > head.length) return null;
        int s = (int) start;
        if ((head[s] & 0xFF) != 0xFF || (head[s + 1] & 0xFF) != 0xD8) return null;
        return java.util.Arrays.copyOfRange(head, s, s + len);
    }

    private static final byte[] EXIF = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);

    /** Where the payload of the first APP1 "Exif" segment starts in {@code b}, or -1. */
    static int exifPayload(byte[] b) {
        int n = b.length;
        if (n < 4 || (b[0] & 0xFF) != 0xFF || (b[1] & 0xFF) != 0xD8) return -1;
        int i = 2;
        while (i + 4 <= n) {
            if ((b[i] & 0xFF) != 0xFF) return -1;
            int marker = b[i + 1] & 0xFF;
            if (marker == 0xFF) {
                i++;
                continue;
            }
            if (marker == 0xDA || marker == 0xD9) return -1;
            int len = ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
            if (len < 2) return -1;
            if (marker == 0xE1 && i + 4 + EXIF.length <= n
                    && java.util.Arrays.equals(b, i + 4, i + 4 + EXIF.length, EXIF, 0, EXIF.length)) {
                return i + 4;
            }
            i += 2 + len;
        }
        return -1;
    }
}
