package cn.evcheck.inspect;

import cn.evcheck.util.Limits;
import org.junit.jupiter.api.Test;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue 12: one pixel limit on every path, and progressive JPEGs refused before their decoder takes
 * gigabytes outside the heap (a 1 MB progressive JPEG of 14000×14000 px asked for ~1.2 GB).
 */
class DecodeLimitsTest {
    /** A JPEG header: SOI, a frame header of the given kind and size, and the start of a scan. */
    static byte[] header(int sofMarker, int width, int height) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(new byte[]{(byte) 0xFF, (byte) 0xD8});
        b.writeBytes(new byte[]{(byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0});
        b.writeBytes(new byte[]{(byte) 0xFF, (byte) sofMarker, 0, 17, 8, (byte) (height >> 8), (byte) height,
                (byte) (width >> 8), (byte) width, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1});
        b.writeBytes(new byte[]{(byte) 0xFF, (byte) 0xDA, 0, 12, 3, 1, 0, 2, 0x11, 3, 0x11, 0, 63, 0, 1, 2, 3,
                (byte) 0xFF, (byte) 0xD9});
        return b.toByteArray();
    }

    @Test
    void aLargeProgressiveJpegIsRefusedFromItsHeader() {
        byte[] bomb = header(0xC2, 14000, 14000);   // 196 MP progressive: 1.1 GB of coefficients
        Pixels.Frame f = Pixels.frame(bomb, bomb.length);
        assertTrue(f.progressive());
        assertEquals(14000L * 14000 * 3 * 2, f.progressiveBytes());
        PhotoFacts pf = JpegInspector.inspect(bomb, true, true);
        assertTrue(pf.tooComplex(), "refused, not decoded");
        assertNull(pf.phash());

        byte[] mid = header(0xC2, 8000, 6000);   // 48 MP: under the pixel limit, over the decoder-memory limit
        PhotoFacts p2 = JpegInspector.inspect(mid, true, true);
        assertTrue(p2.tooComplex());
        assertEquals(PhotoFacts.PROGRESSIVE, p2.problem());
        assertThrows(TooComplex.class, () -> Pixels.decode(mid, 8));

        byte[] baseline = header(0xC0, 8000, 6000);   // the same size, baseline: decoded row by row, allowed
        assertFalse(JpegInspector.inspect(baseline, true, false).tooComplex());
    }

    @Test
    void oneLimitForPhotosAndScans() {
        assertEquals(Limits.MAX_PIXELS, JpegInspector.MAX_PIXELS);
        // 150 MP: a scan was allowed twice the photo limit before; now one limit.
        DocFacts d = DocInspector.jpeg(header(0xC0, 15000, 10000), 15000, 10000, false);
        assertEquals("too_complex", d.problem(), d.detail());
    }

    @Test
    void anOrdinaryProgressiveJpegStillDecodes() throws Exception {
        BufferedImage img = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 240; y++) for (int x = 0; x < 320; x++) img.setRGB(x, y, (x * 255 / 320) << 16 | (y * 255 / 240) << 8);
        ImageWriter w = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
            w.setOutput(ios);
            ImageWriteParam p = w.getDefaultWriteParam();
            p.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            w.write(null, new IIOImage(img, null, null), p);
        } finally {
            w.dispose();
        }
        byte[] jpg = out.toByteArray();
        assertTrue(Pixels.frame(jpg, jpg.length).progressive(), "the writer made a progressive JPEG");
        PhotoFacts pf = JpegInspector.inspect(jpg, true, true);
        assertFalse(pf.tooComplex());
        assertNotNull(pf.phash());
    }
}
