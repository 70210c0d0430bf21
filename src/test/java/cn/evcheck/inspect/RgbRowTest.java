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
}
