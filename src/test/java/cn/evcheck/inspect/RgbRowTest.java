package cn.evcheck.inspect;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** {@link Pixels#rgbRow} gives every row exactly as {@link BufferedImage#getRGB} does, whatever the image's layout. */
class RgbRowTest {
    private static BufferedImage random(int type, long seed) {
        BufferedImage img = new BufferedImage(37, 23, type);
        Random r = new Random(seed);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) img.setRGB(x, y, r.nextInt());
        }
        return img;
    }

    private static void sameAsGetRgb(BufferedImage img) {
        lumaAsGetRgb(img);
        int w = img.getWidth();
        int[] fast = new int[w];
        int[] slow = new int[w];
        for (int y = 0; y < img.getHeight(); y++) {
            Pixels.rgbRow(img, y, fast);
            img.getRGB(0, y, w, 1, slow, 0, w);
            assertArrayEquals(slow, fast, "row " + y + " of " + img);
        }
    }

    @Test
    void everyLayoutGivesWhatGetRgbGives() throws Exception {
        BufferedImage bgr = random(BufferedImage.TYPE_3BYTE_BGR, 1);
        sameAsGetRgb(bgr);
        sameAsGetRgb(bgr.getSubimage(5, 3, 20, 10));   // a view: its origin is inside the parent's bytes
        sameAsGetRgb(bgr.getSubimage(5, 3, 20, 10).getSubimage(2, 4, 9, 5));
        sameAsGetRgb(random(BufferedImage.TYPE_BYTE_GRAY, 2));
        sameAsGetRgb(random(BufferedImage.TYPE_INT_RGB, 3));
        sameAsGetRgb(random(BufferedImage.TYPE_4BYTE_ABGR, 4));
        // A colour JPEG as the JDK decodes it: the scans' own case.
        java.io.ByteArrayOutputStream jpeg = new java.io.ByteArrayOutputStream();
        ImageIO.write(random(BufferedImage.TYPE_INT_RGB, 5), "jpg", jpeg);
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(jpeg.toByteArray()));
        assertEquals(BufferedImage.TYPE_3BYTE_BGR, decoded.getType());
        sameAsGetRgb(decoded);
        sameAsGetRgb(decoded.getSubimage(0, 7, 37, 9));
    }

    /**
     * A page scan is decoded into an image whose bytes are in R, G, B order (the reader then copies
     * rows whole): the same samples as the default BGR decode, read in place by {@link Pixels#rgbRow}
     * and by the scan detector, at full size and subsampled, and the same analysis of the page.
     */
    @Test
    void aScanDecodedInRgbOrderHasTheSamePixelsAndTheSameAnalysis() throws Exception {
        BufferedImage page = cn.evcheck.testkit.Scans.redHeaderPage(3, cn.evcheck.testkit.Scans.AUTHORITIES.get(0),
                "\u8d63\u536b\u3014 2020\u3015 44\u53f7", true, cn.evcheck.testkit.Scans.RED, 0, 2);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        ImageIO.write(page, "jpg", out);
        byte[] jpeg = out.toByteArray();
        for (int s : new int[]{1, 2, 3}) {
            BufferedImage bgr = Pixels.decode(jpeg, s);
            BufferedImage rgb = Pixels.decode(jpeg, s, true);
            assertEquals(BufferedImage.TYPE_3BYTE_BGR, bgr.getType());
            assertEquals(BufferedImage.TYPE_CUSTOM, rgb.getType(), "R, G, B order");
            assertArrayEquals(new int[]{0, 1, 2}, ((java.awt.image.PixelInterleavedSampleModel) rgb.getSampleModel()).getBandOffsets());
            assertEquals(bgr.getWidth(), rgb.getWidth());
            assertEquals(bgr.getHeight(), rgb.getHeight());
            sameAsGetRgb(rgb);
            sameAsGetRgb(rgb.getSubimage(10, 20, 100, 30));
            int w = bgr.getWidth();
            int[] a = new int[w];
            int[] b = new int[w];
            for (int y = 0; y < bgr.getHeight(); y++) {
                Pixels.rgbRow(bgr, y, a);
                Pixels.rgbRow(rgb, y, b);
                assertArrayEquals(a, b, "row " + y + " at 1/" + s);
            }
            assertEquals(ScanDetector.analysis(bgr).result(), ScanDetector.analysis(rgb).result());
            // The same page as packed ints: the detector's other reader sums the same blocks.
            BufferedImage ints = new BufferedImage(bgr.getWidth(), bgr.getHeight(), BufferedImage.TYPE_INT_RGB);
            ints.createGraphics().drawImage(bgr, 0, 0, null);
            ScanDetector.Analysis fromInts = ScanDetector.analysis(ints);
            ScanDetector.Analysis fromBytes = ScanDetector.analysis(rgb);
            assertEquals(fromInts.result(), fromBytes.result());
            assertArrayEquals(fromInts.cells().rgb(), fromBytes.cells().rgb(), "every cell's average colour");
        }
        // An EXIF thumbnail is decoded the same way, to the same pHash as the default decode's.
        BufferedImage small = new BufferedImage(160, 120, BufferedImage.TYPE_INT_RGB);
        small.createGraphics().drawImage(page, 0, 0, 160, 120, null);
        out.reset();
        ImageIO.write(small, "jpg", out);
        BufferedImage thumb = Pixels.decodeThumbnail(out.toByteArray());
        assertEquals(BufferedImage.TYPE_CUSTOM, thumb.getType(), "R, G, B order");
        BufferedImage usual = ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
        assertEquals(BufferedImage.TYPE_3BYTE_BGR, usual.getType());
        sameAsGetRgb(thumb);
        assertEquals(Pixels.phash(usual), Pixels.phash(thumb));
        BufferedImage grey = new BufferedImage(40, 30, BufferedImage.TYPE_BYTE_GRAY);
        out.reset();
        ImageIO.write(grey, "jpg", out);
        assertEquals(BufferedImage.TYPE_BYTE_GRAY, Pixels.decode(out.toByteArray(), 1, true).getType(), "a grey scan stays grey");
    }

    @Test
    void thousandthsIsTheDivisionOverEveryLuminance() {
        for (int x = 0; x <= 255_000; x++) assertEquals(x / 1000, Pixels.thousandths(x), "x = " + x);
    }

    /** {@link Pixels#luma}: (299 R + 587 G + 114 B) / 1000 of each pixel as getRGB gives it. */
    private static void lumaAsGetRgb(BufferedImage img) {
        byte[] luma = Pixels.luma(img);
        for (int y = 0, i = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++, i++) {
                int c = img.getRGB(x, y);
                assertEquals((299 * ((c >> 16) & 0xFF) + 587 * ((c >> 8) & 0xFF) + 114 * (c & 0xFF)) / 1000, luma[i] & 0xFF,
                        "(" + x + ", " + y + ") of " + img);
            }
        }
    }
}
