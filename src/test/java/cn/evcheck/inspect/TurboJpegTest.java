package cn.evcheck.inspect;

import cn.evcheck.testkit.Jpegs;
import cn.evcheck.testkit.Scans;
import com.sun.jna.NativeLibrary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * TurboJPEG gives the pixels ImageIO gives, or declines: on the sample JPEGs, generated photos,
 * thumbnails and pages (progressive too), and every JPEG of the scan corpus; it declines ICC, Adobe,
 * arithmetic and lossless JPEGs, and corrupt ones, which ImageIO then decodes as before. Runs where
 * libturbojpeg is installed (.ci/packages.txt); without it only {@link #shapeDeclinesWhatItIsNotTrustedWith}.
 */
class TurboJpegTest {
    private static boolean present;

    @BeforeAll
    static void library() {
        try {
            NativeLibrary.getInstance("turbojpeg");
            present = true;
        } catch (UnsatisfiedLinkError e) {
            present = false;
        }
    }

    private static void needsLibrary() {
        assumeTrue(present, "libturbojpeg is not installed here");
        assertTrue(TurboJpeg.available(), "the library loads, but TurboJpeg is not used (self-test failed?)");
    }

    /** Decoded by TurboJPEG and by ImageIO to the same pixels; true when TurboJPEG took it. */
    private static boolean same(byte[] jpeg, String what) throws Exception {
        BufferedImage mine = TurboJpeg.decode(jpeg, null);
        if (mine == null) return false;
        BufferedImage theirs = Pixels.imageIo(jpeg, 1, true);
        assertTrue(TurboJpeg.samePixels(mine, theirs), what + ": TurboJPEG's pixels differ from ImageIO's");
        assertEquals(Pixels.phash(theirs), Pixels.phash(mine), what);
        return true;
    }

    @Test
    void samePixelsAsImageIoOnGeneratedImages() throws Exception {
        needsLibrary();
        for (String s : new String[]{"420", "422", "444", "grey"}) {
            byte[] jpeg = TurboJpeg.class.getResourceAsStream("turbojpeg/" + s + ".jpg").readAllBytes();
            assertTrue(same(jpeg, s), s + " is a JPEG TurboJPEG takes");
        }
        for (int seed = 0; seed < 6; seed++) {
            BufferedImage img = Jpegs.picture(161 + seed * 7, 119 + seed * 3, seed);
            assertTrue(same(Jpegs.encode(img, 0.6f + seed * 0.05f), "photo " + seed));
            assertTrue(same(Jpegs.encode(img, 0.85f, true), "progressive photo " + seed));
            assertTrue(same(Jpegs.thumbnail(img, 160, 120), "thumbnail " + seed));
        }
        BufferedImage page = Scans.redHeaderPage(3, "连云港市赣榆区卫生健康委员会文件", "赣卫〔2019〕3号", true, Scans.RED, 0, 2);
        assertTrue(same(Jpegs.encode(page, 0.85f), "page"));
    }

    @Test
    void samePixelsAsImageIoOnTheScanCorpus() throws Exception {
        needsLibrary();
        List<Path> files;
        try (Stream<Path> s = Files.walk(Path.of("src/test/resources/corpus"))) {
            files = s.filter(p -> p.toString().toLowerCase().matches(".*\\.jpe?g")).sorted().toList();
        }
        assertFalse(files.isEmpty());
        int taken = 0;
        for (Path f : files) if (same(Files.readAllBytes(f), f.toString())) taken++;
        assertTrue(taken >= files.size() / 2, taken + " of " + files.size() + " corpus JPEGs taken by TurboJPEG");
    }

    @Test
    void thumbnailDecodesIntoTheScratchImage() throws Exception {
        needsLibrary();
        byte[] a = Jpegs.thumbnail(Jpegs.picture(400, 300, 1), 160, 120);
        byte[] b = Jpegs.thumbnail(Jpegs.picture(400, 300, 2), 160, 120);
        BufferedImage first = Pixels.decodeThumbnail(a, true);
        long hashA = Pixels.phash(first);
        BufferedImage second = Pixels.decodeThumbnail(b, true);
        assertSame(first, second, "the thread's scratch image is decoded into again");
        assertEquals(Pixels.phash(Pixels.imageIo(b, 1, true)), Pixels.phash(second));
        assertEquals(hashA, Pixels.phash(Pixels.imageIo(a, 1, true)));
        assertNotSame(first, Pixels.decodeThumbnail(a, false), "without scratch, a new image");
    }

    @Test
    void corruptAndTruncatedJpegsAreLeftToImageIo() throws Exception {
        needsLibrary();
        byte[] good = Jpegs.encode(Jpegs.picture(320, 240, 5), 0.8f);
        byte[] truncated = Arrays.copyOf(good, good.length * 2 / 3);
        assertNull(TurboJpeg.decode(truncated, null), "libjpeg warns of the missing data: ImageIO decides");
        // ImageIO's answer, as before: the decode through Pixels gives it.
        BufferedImage viaPixels = Pixels.decode(truncated, 1, true);
        assertTrue(TurboJpeg.samePixels(viaPixels, Pixels.imageIo(truncated, 1, true)));
        byte[] garbled = good.clone();
        for (int i = good.length / 2; i < good.length / 2 + 400; i++) garbled[i] = (byte) (i * 31);
        BufferedImage g = TurboJpeg.decode(garbled, null);
        if (g != null) assertTrue(TurboJpeg.samePixels(g, Pixels.imageIo(garbled, 1, true)), "garbled but decoded cleanly: the same pixels");
        assertNull(TurboJpeg.decode(new byte[0], null));
        assertNull(TurboJpeg.decode(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9}, null));
    }

    @Test
    void shapeDeclinesWhatItIsNotTrustedWith() throws Exception {
        byte[] jpeg = Jpegs.encode(Jpegs.picture(64, 48, 7), 0.8f);
        TurboJpeg.Shape s = TurboJpeg.shape(jpeg);
        assertNotNull(s);
        assertEquals(64, s.width());
        assertEquals(48, s.height());
        assertFalse(s.grey());
        assertNull(TurboJpeg.shape(withSegment(jpeg, 0xE2, "ICC_PROFILE\0\1\1")), "an ICC profile: ImageIO gives the image its colour space");
        assertNull(TurboJpeg.shape(withSegment(jpeg, 0xEE, "Adobe\0d\0\0\0\0\1")), "Adobe: transforms, CMYK, YCCK");
        assertNull(TurboJpeg.shape(Jpegs.cmykRed(32, 32)), "CMYK");
        int sof = sofAt(jpeg);
        for (int marker : new int[]{0xC3, 0xC9, 0xCA, 0xC5}) {
            byte[] other = jpeg.clone();
            other[sof + 1] = (byte) marker;
            assertNull(TurboJpeg.shape(other), "SOF " + Integer.toHexString(marker));
        }
        byte[] twelveBit = jpeg.clone();
        twelveBit[sof + 4] = 12;
        assertNull(TurboJpeg.shape(twelveBit), "12-bit samples");
        byte[] h1v2 = jpeg.clone();
        h1v2[sof + 11] = 0x12;   // the luma's sampling factors: 1×2 (a 4:2:2 JPEG turned a quarter)
        assertNull(TurboJpeg.shape(h1v2), "4:4:0");
        assertNull(TurboJpeg.shape(Arrays.copyOf(jpeg, sof)), "no frame before the data ends");
    }

    /** Where the SOF marker (FF Cn) starts. */
    private static int sofAt(byte[] b) {
        int i = 2;
        while (true) {
            int marker = b[i + 1] & 0xFF;
            if (marker >= 0xC0 && marker <= 0xC2) return i;
            i += 2 + (((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF));
        }
    }

    /** {@code jpeg} with a segment {@code marker} holding {@code body} right after SOI. */
    private static byte[] withSegment(byte[] jpeg, int marker, String body) {
        byte[] payload = body.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xD8);
        out.write(0xFF);
        out.write(marker);
        out.write((payload.length + 2) >> 8);
        out.write((payload.length + 2) & 0xFF);
        out.writeBytes(payload);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    @Test
    void largeImagesAreLeftToImageIo() throws Exception {
        needsLibrary();
        // A grey 4000×4001 JPEG (16,004,000 px): over the limit, so no native buffer of its size.
        BufferedImage big = new BufferedImage(4000, 4001, BufferedImage.TYPE_BYTE_GRAY);
        byte[] jpeg = Jpegs.encode(big, 0.5f);
        assertNotNull(TurboJpeg.shape(jpeg));
        assertNull(TurboJpeg.decode(jpeg, null));
        BufferedImage small = new BufferedImage(4000, 3999, BufferedImage.TYPE_BYTE_GRAY);
        assertNotNull(TurboJpeg.decode(Jpegs.encode(small, 0.5f), null), "15,996,000 px: taken");
    }

    @Test
    void generatedImagesAreMostlyTaken() throws Exception {
        needsLibrary();
        List<String> declined = new ArrayList<>();
        for (int seed = 0; seed < 4; seed++) {
            byte[] jpeg = Jpegs.image(200 + seed, 150, seed, 0.8f);
            if (TurboJpeg.decode(jpeg, null) == null) declined.add("image " + seed);
        }
        assertEquals(List.of(), declined);
    }
}
