package cn.evcheck.inspect;

import cn.evcheck.testkit.Jpegs;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The DC image of a JPEG ({@link DcImage}) against a full decode: its pixels are the 8×8 box means of
 * the decoded luminance, its hash is the decoded image's within a few bits, and what it cannot read is
 * null, never an exception.
 */
class DcImageTest {
    private static final String FORMAT = "javax_imageio_jpeg_image_1.0";

    /** Writes {@code img} as a baseline JPEG; {@code samplingOne} makes every component 1×1 (4:4:4); {@code restart} > 0 adds DRI. */
    static byte[] write(BufferedImage img, float quality, boolean samplingOne, int restart) throws Exception {
        ImageWriter w = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam p = w.getDefaultWriteParam();
        p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        p.setCompressionQuality(quality);
        IIOMetadata md = w.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), p);
        IIOMetadataNode root = (IIOMetadataNode) md.getAsTree(FORMAT);
        Element seq = (Element) root.getElementsByTagName("markerSequence").item(0);
        if (samplingOne) {
            NodeList specs = root.getElementsByTagName("componentSpec");
            for (int i = 0; i < specs.getLength(); i++) {
                ((Element) specs.item(i)).setAttribute("HsamplingFactor", "1");
                ((Element) specs.item(i)).setAttribute("VsamplingFactor", "1");
            }
        }
        if (restart > 0) {
            IIOMetadataNode dri = new IIOMetadataNode("dri");
            dri.setAttribute("interval", Integer.toString(restart));
            Node sof = root.getElementsByTagName("sof").item(0);
            seq.insertBefore(dri, sof);
        }
        md.setFromTree(FORMAT, root);
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bos)) {
            w.setOutput(out);
            w.write(null, new IIOImage(img, null, md), p);
        }
        w.dispose();
        return bos.toByteArray();
    }

    static BufferedImage grey(BufferedImage src) {
        BufferedImage g = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D gr = g.createGraphics();
        gr.drawImage(src, 0, 0, null);
        gr.dispose();
        return g;
    }

    /** Whether the JPEG has a marker {@code m} before its first scan. */
    static boolean hasMarker(byte[] b, int m) {
        int i = 2;
        while (i + 4 <= b.length && (b[i] & 0xFF) == 0xFF) {
            int marker = b[i + 1] & 0xFF;
            if (marker == m) return true;
            if (marker == 0xDA) return false;
            i += 2 + (((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF));
        }
        return false;
    }

    /** The luminance of a full decode: 0.299 R + 0.587 G + 0.114 B, or the grey sample itself. */
    static double[] luminance(BufferedImage img) {
        int w = img.getWidth(), h = img.getHeight();
        double[] l = new double[w * h];
        boolean grey = img.getRaster().getNumBands() == 1;
        int[] px = new int[img.getRaster().getNumBands()];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.getRaster().getPixel(x, y, px);
                if (grey) {
                    l[y * w + x] = px[0];
                } else {
                    int rgb = img.getRGB(x, y);
                    l[y * w + x] = 0.299 * ((rgb >> 16) & 0xFF) + 0.587 * ((rgb >> 8) & 0xFF) + 0.114 * (rgb & 0xFF);
                }
            }
        }
        return l;
    }

    /**
     * Asserts the DC image is the 1/8 box-filtered luminance of the full decode (edge blocks averaged over
     * the pixels inside the image) and that the hashes agree; returns the mean absolute difference.
     */
    static double assertMatchesDecode(byte[] jpeg, int blockScale) throws Exception {
        BufferedImage full = ImageIO.read(new ByteArrayInputStream(jpeg));
        DcImage dc = DcImage.read(jpeg);
        assertNotNull(dc, "DC image");
        int w = full.getWidth(), h = full.getHeight(), s = 8 * blockScale;
        assertEquals((w + s - 1) / s, dc.width);
        assertEquals((h + s - 1) / s, dc.height);
        double[] l = luminance(full);
        double[] diffs = new double[dc.width * dc.height];
        double sum = 0;
        for (int by = 0; by < dc.height; by++) {
            for (int bx = 0; bx < dc.width; bx++) {
                double m = 0;
                int c = 0;
                for (int y = by * s; y < Math.min(h, by * s + s); y++) {
                    for (int x = bx * s; x < Math.min(w, bx * s + s); x++) {
                        m += l[y * w + x];
                        c++;
                    }
                }
                double d = Math.abs(m / c - dc.grey[by * dc.width + bx]);
                diffs[by * dc.width + bx] = d;
                sum += d;
            }
        }
        Arrays.sort(diffs);
        double mean = sum / diffs.length;
        assertTrue(diffs[(int) (diffs.length * 0.99)] < 6, "99th percentile " + diffs[(int) (diffs.length * 0.99)]);
        long dcHash = DcImage.phash(jpeg);
        long fullHash = Pixels.phash(full);
        long smallHash = Pixels.phash(Pixels.decodeSmall(jpeg, w, h, 64));
        assertTrue(Pixels.distance(dcHash, fullHash) <= 4, "DC vs full-decode hash " + Pixels.distance(dcHash, fullHash) + " bits");
        assertTrue(Pixels.distance(dcHash, smallHash) <= 8, "DC vs subsampled-decode hash " + Pixels.distance(dcHash, smallHash) + " bits");
        return mean;
    }

    @Test
    void baseline420MatchesTheDecode() throws Exception {
        byte[] jpeg = Jpegs.encode(Jpegs.picture(1203, 805, 1), 0.85f);   // ImageIO's default: Y 2×2, 4:2:0; sizes not multiples of 16
        assertTrue(hasMarker(jpeg, 0xC0));
        assertMatchesDecode(jpeg, 1);
    }

    @Test
    void baseline444MatchesTheDecode() throws Exception {
        byte[] jpeg = write(Jpegs.picture(999, 601, 2), 0.9f, true, 0);
        assertMatchesDecode(jpeg, 1);
    }

    @Test
    void greyscaleMatchesTheDecode() throws Exception {
        byte[] jpeg = write(grey(Jpegs.picture(840, 603, 3)), 0.8f, false, 0);
        assertMatchesDecode(jpeg, 1);
    }

    @Test
    void restartIntervalsMatchTheDecode() throws Exception {
        for (int interval : new int[]{1, 7, 64}) {
            byte[] jpeg = write(Jpegs.picture(1001, 707, 4), 0.85f, false, interval);
            assertTrue(hasMarker(jpeg, 0xDD), "DRI written");
            assertMatchesDecode(jpeg, 1);
            byte[] grey = write(grey(Jpegs.picture(733, 551, 5)), 0.85f, false, interval);
            assertTrue(hasMarker(grey, 0xDD), "DRI written");
            assertMatchesDecode(grey, 1);
        }
    }

    @Test
    void smallAndOddSizes() throws Exception {
        for (int[] wh : new int[][]{{8, 8}, {17, 9}, {1, 1}, {33, 200}}) {
            BufferedImage img = new BufferedImage(wh[0], wh[1], BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < wh[1]; y++) for (int x = 0; x < wh[0]; x++) img.setRGB(x, y, (x * 7 % 256) << 16 | (y * 5 % 256) << 8 | 90);
            byte[] jpeg = Jpegs.encode(img, 0.9f);
            DcImage dc = DcImage.read(jpeg);
            assertNotNull(dc);
            assertEquals((wh[0] + 7) / 8, dc.width);
            assertEquals((wh[1] + 7) / 8, dc.height);
        }
    }

    @Test
    void aSmallPhotoIsLeftToTheDecoder() {
        byte[] jpeg = Jpegs.encode(Jpegs.picture(640, 480, 13), 0.85f);
        assertNotNull(DcImage.read(jpeg));
        assertNull(DcImage.phash(jpeg), "a 80×60 DC image is too coarse to hash");
        assertNotNull(DcImage.phash(Jpegs.encode(Jpegs.picture(640, 512, 13), 0.85f)));
    }

    @Test
    void progressiveIsLeftToTheDecoder() {
        byte[] jpeg = Jpegs.encode(Jpegs.picture(400, 300, 7), 0.85f, true);
        assertNull(DcImage.read(jpeg));
        assertNull(DcImage.phash(jpeg));
    }

    @Test
    void truncatedAndCorruptAreNull() throws Exception {
        byte[] jpeg = Jpegs.encode(Jpegs.picture(800, 600, 8), 0.85f);
        assertNotNull(DcImage.read(jpeg));
        for (int cut : new int[]{2, 100, jpeg.length / 3, jpeg.length / 2, jpeg.length - 600}) {
            assertNull(DcImage.read(Arrays.copyOf(jpeg, cut)), "cut at " + cut);
        }
        assertNull(DcImage.read(new byte[0]));
        assertNull(DcImage.read(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}));
        // Garbage in the entropy-coded data: null or an image, never an exception, never a hang.
        java.util.Random r = new java.util.Random(9);
        for (int k = 0; k < 50; k++) {
            byte[] bad = jpeg.clone();
            for (int j = 0; j < 20; j++) bad[bad.length / 4 + r.nextInt(bad.length / 2)] = (byte) r.nextInt(256);
            DcImage.read(bad);
        }
    }

    @Test
    void hugeFrameWithLittleDataIsRefusedWithoutAllocating() {
        byte[] jpeg = Jpegs.encode(Jpegs.picture(64, 48, 10), 0.85f);
        byte[] big = jpeg.clone();
        for (int i = 2; i + 9 < big.length; i++) {
            if ((big[i] & 0xFF) == 0xFF && (big[i + 1] & 0xFF) == 0xC0) {
                big[i + 5] = 0x27;   // height 10,000
                big[i + 6] = 0x10;
                big[i + 7] = 0x27;   // width 10,000
                big[i + 8] = 0x10;
                break;
            }
        }
        assertNull(DcImage.read(big));
    }

    @Test
    void photoWithoutThumbnailIsHashedFromItsDcImage() throws Exception {
        byte[] jpeg = Jpegs.encode(Jpegs.picture(1600, 1200, 11), 0.85f);
        PhotoFacts pf = JpegInspector.inspect(jpeg, true, true);
        assertEquals(DcImage.phash(jpeg), pf.phash());
        // A progressive photo still hashes, by the subsampled decode.
        byte[] prog = Jpegs.encode(Jpegs.picture(1600, 1200, 11), 0.85f, true);
        PhotoFacts pp = JpegInspector.inspect(prog, true, true);
        assertNotNull(pp.phash());
        assertTrue(Pixels.distance(pp.phash(), pf.phash()) <= 8, Pixels.distance(pp.phash(), pf.phash()) + " bits");
    }
}
