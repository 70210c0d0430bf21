package cn.evcheck.fix;

import cn.evcheck.fix.PhotoFix.Action;
import cn.evcheck.inspect.JpegInspector;
import cn.evcheck.inspect.PhotoFacts;
import cn.evcheck.testkit.Jpegs;
import com.drew.imaging.jpeg.JpegMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.GpsDirectory;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** One photo's fix, on photos built in the test: what must hold of every fixed copy. */
class PhotoFixTest {
    /** "时间：2019年3月5日 主题：学雷锋义诊" */
    static final String CAPTION = "\u65f6\u95f4\uff1a2019\u5e743\u67085\u65e5 \u4e3b\u9898\uff1a\u5b66\u96f7\u950b\u4e49\u8bca";
    static final String DATE = "2019:03:05 09:30:00";

    static Jpegs.Exif exif() {
        Jpegs.Exif e = new Jpegs.Exif().date(DATE);
        e.xpTitle = CAPTION;
        return e;
    }

    /** A noisy photo (like a phone's), with EXIF date, XP title, XMP, IPTC and a thumbnail. */
    static byte[] bigPhoto(int w, int h, Jpegs.Exif e) {
        BufferedImage img = Jpegs.picture(w, h, 7);
        e.thumbnail = Jpegs.thumbnail(img, 160, 120);
        return Jpegs.withMetadata(Jpegs.encode(img, 0.97f), e, CAPTION, CAPTION);
    }

    static BufferedImage decode(byte[] b) throws Exception {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(b));
        assertNotNull(img, "the copy decodes");
        return img;
    }

    static Set<String> captionTexts(PhotoFacts pf) {
        return Set.copyOf(pf.captions().stream().map(PhotoFacts.Caption::text).toList());
    }

    @Test
    void aTooLargePhotoFitsAtTheHighestQualityAndKeepsItsDateCaptionsAndSize() throws Exception {
        byte[] orig = bigPhoto(1200, 900, exif());
        PhotoFacts before = JpegInspector.inspect(orig, true);
        long budget = orig.length * 6 / 10;
        assertTrue(orig.length > budget);
        PhotoFix.Result r = PhotoFix.fix(orig, true, EnumSet.of(Action.RESIZE), null, budget, budget, 640);
        assertNull(r.problem());
        assertTrue(r.bytes().length <= budget, r.bytes().length + " > " + budget);
        assertEquals(Set.of(Action.RESIZE), r.done());
        BufferedImage img = decode(r.bytes());
        assertEquals(1200, img.getWidth(), "quality alone was enough: no downscale");
        assertEquals(900, img.getHeight());
        PhotoFacts after = JpegInspector.inspect(r.bytes(), true);
        assertNull(after.problem());
        assertEquals(before.exifDate(), after.exifDate());
        assertEquals(captionTexts(before), captionTexts(after));
        assertEquals(before.captions().stream().map(PhotoFacts.Caption::source).toList(),
                after.captions().stream().map(PhotoFacts.Caption::source).toList(), "XMP, EXIF and IPTC all kept");
        assertTrue(JpegInspector.hasThumbnail(r.bytes()), "an upright photo keeps its thumbnail");
        // The highest quality that fits: one step up would not.
        assertTrue(r.quality() >= Encoder.MIN_QUALITY && r.quality() <= Encoder.MAX_QUALITY, "q " + r.quality());
        if (r.quality() < Encoder.MAX_QUALITY) {
            long overhead = r.bytes().length - Encoder.encode(Encoder.rgb(decode(orig)), r.quality()).length;
            assertTrue(Encoder.encode(Encoder.rgb(decode(orig)), r.quality() + 1).length + overhead > budget);
        }
    }

    @Test
    void whenNoQualityFitsThePhotoIsDownscaledNeverUpscaledAndKeepsItsShape() throws Exception {
        byte[] orig = bigPhoto(1200, 900, exif());
        long budget = 70_000;
        PhotoFix.Result r = PhotoFix.fix(orig, true, EnumSet.of(Action.RESIZE), null, budget, budget, 300);
        assertNull(r.problem());
        assertTrue(r.bytes().length <= budget);
        BufferedImage img = decode(r.bytes());
        assertTrue(img.getWidth() < 1200 && img.getWidth() >= 300, "w " + img.getWidth());
        assertEquals(0.75, (double) img.getHeight() / img.getWidth(), 0.01);
        assertEquals(img.getWidth(), r.newWidth());
        assertEquals(1200, r.width());
        assertEquals(DATE.substring(0, 4), JpegInspector.inspect(r.bytes(), true).exifDate().toString().substring(0, 4));
        // Below the rule's low-resolution bound it gives up and says so.
        PhotoFix.Result no = PhotoFix.fix(orig, true, EnumSet.of(Action.RESIZE), null, 20_000, 20_000, 1100);
        assertNull(no.bytes());
        assertEquals("cannot_fit", no.problem());
    }

    @Test
    void theExifOrientationIsAppliedToThePixelsAndResetToOne() throws Exception {
        BufferedImage img = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 400, 300);
        g.setColor(Color.RED);
        g.fillRect(0, 0, 60, 60);   // stored top-left
        g.dispose();
        Jpegs.Exif e = exif();
        e.orientation = 6;          // shown turned 90° clockwise: the red corner is top-right
        e.thumbnail = Jpegs.thumbnail(img, 160, 120);
        byte[] orig = Jpegs.withMetadata(Jpegs.encode(img, 0.9f), e, null, null);
        PhotoFix.Result r = PhotoFix.fix(orig, true, EnumSet.of(Action.RESIZE), null, 1_000_000, 1_000_000, 100);
        assertNull(r.problem());
        assertEquals(6, ExifEdit.orientation(JpegSegments.parse(orig).exif()));
        assertTrue(r.notes().contains("turned_upright"), r.notes().toString());
        BufferedImage out = decode(r.bytes());
        assertEquals(300, out.getWidth());
        assertEquals(400, out.getHeight());
        assertTrue(red(out.getRGB(270, 30)), "the red corner is now top-right");
        assertFalse(red(out.getRGB(30, 30)));
        byte[] tiff = JpegSegments.parse(r.bytes()).exif();
        assertEquals(1, ExifEdit.orientation(tiff));
        assertFalse(JpegInspector.hasThumbnail(r.bytes()), "the stale (unturned) thumbnail is dropped");
        assertEquals(JpegInspector.inspect(orig, true).exifDate(), JpegInspector.inspect(r.bytes(), true).exifDate());
        assertTrue(r.notes().contains("turned_upright"), r.notes().toString());
    }

    private static boolean red(int rgb) {
        return ((rgb >> 16) & 0xFF) > 200 && ((rgb >> 8) & 0xFF) < 60 && (rgb & 0xFF) < 60;
    }

    @Test
    void strippingGpsRemovesTheLocationAndTouchesNothingElse() throws Exception {
        Jpegs.Exif e = exif();
        e.gps = new double[]{34.8, 119.1};
        byte[] orig = Jpegs.withMetadata(Jpegs.image(640, 480, 3, 0.8f), e, CAPTION, null);
        assertTrue(JpegInspector.inspect(orig, true).gps());
        PhotoFix.Result r = PhotoFix.fix(orig, true, EnumSet.of(Action.STRIP_GPS), null, 1_000_000, 1_000_000, 100);
        assertNull(r.problem());
        assertEquals(Set.of(Action.STRIP_GPS), r.done());
        PhotoFacts after = JpegInspector.inspect(r.bytes(), true);
        assertFalse(after.gps());
        Metadata md = JpegMetadataReader.readMetadata(new ByteArrayInputStream(r.bytes()));
        assertNull(md.getFirstDirectoryOfType(GpsDirectory.class), "no GPS directory left");
        assertEquals(JpegInspector.inspect(orig, true).exifDate(), after.exifDate());
        assertEquals(captionTexts(JpegInspector.inspect(orig, true)), captionTexts(after));
        // The compressed image and the XMP packet are the same bytes.
        assertArrayEquals(JpegSegments.parse(orig).rest, JpegSegments.parse(r.bytes()).rest);
        assertArrayEquals(JpegSegments.parse(orig).xmp(), JpegSegments.parse(r.bytes()).xmp());
        // The GPS values themselves are gone from the file, not only unlinked.
        byte[] degrees = {34, 0, 0, 0, 1, 0, 0, 0, 47, 0, 0, 0, 1, 0, 0, 0};   // 34° 47' as rationals
        assertTrue(indexOf(JpegSegments.parse(orig).exif(), degrees) > 0);
        assertEquals(-1, indexOf(JpegSegments.parse(r.bytes()).exif(), degrees), "the latitude's bytes are zeroed");
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }

    @Test
    void aCaptionFromTheSheetIsWrittenIntoXmpAndXpCommentLosslessly() throws Exception {
        byte[] orig = Jpegs.withMetadata(Jpegs.image(640, 480, 4, 0.8f), new Jpegs.Exif().date(DATE), null, null);
        assertTrue(JpegInspector.inspect(orig, true).captions().isEmpty());
        PhotoFix.Result r = PhotoFix.fix(orig, true, EnumSet.of(Action.CAPTION), CAPTION, 1_000_000, 1_000_000, 100);
        assertNull(r.problem());
        PhotoFacts after = JpegInspector.inspect(r.bytes(), true);
        List<PhotoFacts.Caption> caps = after.captions();
        assertEquals(CAPTION, caps.get(0).text());
        assertEquals("XMP dc:description", caps.get(0).source());
        // XPComment holds the same text (the inspector lists a repeated text once): read it directly.
        byte[] tiff = JpegSegments.parse(r.bytes()).exif();
        assertTrue(indexOf(tiff, ExifEdit.xp(CAPTION)) > 0, "XPComment in UTF-16LE");
        assertTrue(new String(JpegSegments.parse(r.bytes()).xmp(), StandardCharsets.UTF_8).contains(CAPTION), "XMP in UTF-8");
        assertEquals(JpegInspector.inspect(orig, true).exifDate(), after.exifDate());
        assertArrayEquals(JpegSegments.parse(orig).rest, JpegSegments.parse(r.bytes()).rest, "the pixels are not re-encoded");
        // A photo without any EXIF gets a new block with XPComment.
        byte[] bare = Jpegs.image(320, 240, 5, 0.8f);
        PhotoFix.Result r2 = PhotoFix.fix(bare, true, EnumSet.of(Action.CAPTION), CAPTION, 1_000_000, 1_000_000, 100);
        assertTrue(indexOf(JpegSegments.parse(r2.bytes()).exif(), ExifEdit.xp(CAPTION)) > 0);
        assertEquals(CAPTION, JpegInspector.inspect(r2.bytes(), true).captions().get(0).text());
    }

    @Test
    void aPngBecomesARealJpegOfTheSameSize() throws Exception {
        BufferedImage img = Jpegs.picture(500, 400, 9);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(img, "png", png);
        PhotoFix.Result r = PhotoFix.fix(png.toByteArray(), false, EnumSet.of(Action.CONVERT, Action.CAPTION), CAPTION,
                1_000_000, 1_000_000, 100);
        assertNull(r.problem());
        assertEquals(EnumSet.of(Action.CONVERT, Action.CAPTION), r.done());
        assertEquals(0xFF, r.bytes()[0] & 0xFF);
        assertEquals(0xD8, r.bytes()[1] & 0xFF);
        BufferedImage out = decode(r.bytes());
        assertEquals(500, out.getWidth());
        assertEquals(400, out.getHeight());
        assertEquals(Encoder.MAX_QUALITY, r.quality());
        assertEquals(CAPTION, JpegInspector.inspect(r.bytes(), true).captions().get(0).text());
    }

    /** 64×48 lossy WebP (VP8X with an ICC profile) drawn by Chromium's canvas: a red-to-blue gradient, a white box in the middle. */
    static final String WEBP = "UklGRgIDAABXRUJQVlA4WAoAAAAgAAAAPwAALwAASUNDUMgBAAAAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABh" +
            "Y3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" +
            "AAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAAB" +
            "UAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAA" +
            "AAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9Y" +
            "WVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAM" +
            "ZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADZWUDggFAEAAPAHAJ0BKkAAMAA+bS6RRaQioZldtABA" +
            "BsSzAE6coKnu/r8v5mNU/xG33Gkhp5hn6/4EYDJnCXTLsrlnttS+2gPfnbAQ6nxXgAD+76Yt3NA3iYIeH9sX/6AL/YAvGmkHn5HP" +
            "/2Ff/4D0COQDRnSOlQZ//kX7qCHRIJ0flEOqQhmTw7osZI5OKZ5wDVySXVLWzaTjVy8PdacU69zoEybkXHYEAq8GtUAcPav2tf16" +
            "zSohJE+4B1KcMy/j4R5mKuA2fXzgA0PznfUzSDQNm59V7AHku2zV1EnpcV3j5abof/4B2n/0JxeMc1k0Bjxz6DRFzxXKocofgQOy" +
            "JD9t0PHkTi5jsMfpOfNzaRKuwwbysSpFbswIAA==";

    @Test
    void aWebpBecomesARealJpeg() throws Exception {
        byte[] webp = java.util.Base64.getDecoder().decode(WEBP);
        PhotoFix.Result r = PhotoFix.fix(webp, false, EnumSet.of(Action.CONVERT), null, 1_000_000, 1_000_000, 100);
        assertNull(r.problem());
        assertEquals(Set.of(Action.CONVERT), r.done());
        assertEquals(0xFF, r.bytes()[0] & 0xFF);
        assertEquals(0xD8, r.bytes()[1] & 0xFF);
        BufferedImage out = decode(r.bytes());
        assertEquals(64, out.getWidth());
        assertEquals(48, out.getHeight());
        java.awt.Color middle = new java.awt.Color(out.getRGB(32, 24));
        java.awt.Color corner = new java.awt.Color(out.getRGB(2, 2));
        assertTrue(middle.getRed() > 220 && middle.getGreen() > 220 && middle.getBlue() > 220, middle.toString());
        assertTrue(corner.getRed() > 150 && corner.getBlue() < 120, corner.toString());
    }

    @Test
    void aCmykJpegBecomesAnRgbJpegWithItsColours() throws Exception {
        byte[] cmyk = Jpegs.cmykRed(320, 240);
        assertEquals(4, JpegSegments.parse(cmyk).components());
        assertEquals(4, JpegSegments.components(cmyk));
        PhotoFix.Result r = PhotoFix.fix(cmyk, true, EnumSet.noneOf(Action.class), null, 1_000_000, 1_000_000, 100);
        assertNull(r.problem());
        assertEquals(Set.of(Action.CONVERT), r.done());
        assertEquals(3, JpegSegments.parse(r.bytes()).components());
        assertTrue(red(decode(r.bytes()).getRGB(160, 120)), "still red");
    }

    @Test
    void aBrokenPhotoIsReportedNotFixed() {
        byte[] orig = Jpegs.image(320, 240, 6, 0.8f);
        byte[] cut = Arrays.copyOf(orig, orig.length / 2);
        PhotoFix.Result r = PhotoFix.fix(cut, true, EnumSet.of(Action.RESIZE), null, 1000, 1000, 100);
        assertNull(r.bytes());
        assertNotNull(r.problem());
        PhotoFix.Result junk = PhotoFix.fix(new byte[]{1, 2, 3, 4, 5}, false, EnumSet.of(Action.CONVERT), null, 1000, 1000, 100);
        assertNull(junk.bytes());
        assertEquals("no_decoder", junk.problem());
    }

    @Test
    void anExifBlockNearItsSizeLimitLosesItsThumbnailToTakeTheCaption() throws Exception {
        Jpegs.Exif e = new Jpegs.Exif().date(DATE);
        e.thumbnail = new byte[65_400];   // with the rest, a few bytes under what one segment holds
        byte[] orig = Jpegs.withMetadata(Jpegs.image(640, 480, 8, 0.8f), e, null, null);
        assertTrue(JpegSegments.parse(orig).exif().length > 65_400);
        PhotoFix.Result r = PhotoFix.fix(orig, true, EnumSet.of(Action.CAPTION), CAPTION, 1_000_000, 1_000_000, 100);
        assertNull(r.problem());
        byte[] tiff = JpegSegments.parse(r.bytes()).exif();
        assertTrue(tiff.length < 2_000, "thumbnail dropped and cut off: " + tiff.length);
        assertTrue(indexOf(tiff, ExifEdit.xp(CAPTION)) > 0);
        assertEquals(JpegInspector.inspect(orig, true).exifDate(), JpegInspector.inspect(r.bytes(), true).exifDate());
    }
}
