package cn.evcheck.inspect;

import cn.evcheck.check.photo.DuplicatePhotoCheck;
import cn.evcheck.testkit.Jpegs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue 13: a photo is read header first — head and tail, not every byte — and what it says is what
 * a whole-file read says: metadata, dimensions, the end-of-image verdict; the duplicate hash comes
 * from the EXIF thumbnail when it can be trusted.
 */
class HeaderFirstTest {
    static BufferedImage main;
    static byte[] photo;   // 1600×1200 with caption, date, GPS and a 160×120 thumbnail of itself

    @BeforeAll
    static void build() {
        main = Jpegs.picture(1600, 1200, 3);
        photo = withExif(Jpegs.encode(main, 0.92f), Jpegs.thumbnail(main, 160, 120));
    }

    static byte[] withExif(byte[] jpeg, byte[] thumbnail) {
        Jpegs.Exif e = new Jpegs.Exif();
        e.xpComment = "时间：2019年5月5日 单位：青口中心卫生院 服务对象：空巢老人";
        e.dateTimeOriginal = "2019:05:05 10:00:00";
        e.gps = new double[]{34.5, 119.2};
        e.thumbnail = thumbnail;
        return Jpegs.withMetadata(jpeg, e, "义诊活动现场", null);
    }

    /** A channel over bytes that counts what is read. */
    static final class Counting implements SeekableByteChannel {
        final byte[] b;
        long pos, read;

        Counting(byte[] b) {
            this.b = b;
        }

        @Override
        public int read(ByteBuffer dst) {
            if (pos >= b.length) return -1;
            int n = (int) Math.min(dst.remaining(), b.length - pos);
            dst.put(b, (int) pos, n);
            pos += n;
            read += n;
            return n;
        }

        @Override
        public int write(ByteBuffer src) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long position() {
            return pos;
        }

        @Override
        public SeekableByteChannel position(long p) {
            pos = p;
            return this;
        }

        @Override
        public long size() {
            return b.length;
        }

        @Override
        public SeekableByteChannel truncate(long size) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {}
    }

    static PhotoFacts headFirst(byte[] b, boolean hash, long[] read) throws IOException {
        Counting c = new Counting(b);
        PhotoFacts pf = JpegReader.headFirst(c, b.length, hash);
        if (read != null) read[0] = c.read;
        return pf;
    }

    /** A thumbnail decoded into the thread's scratch image has the pixels of one decoded anew, whatever was decoded there before. */
    @Test
    void aThumbnailDecodedIntoTheScratchImageIsTheSame() throws IOException {
        byte[] a = Jpegs.thumbnail(Jpegs.picture(1600, 1200, 3), 160, 120);
        byte[] b = Jpegs.thumbnail(Jpegs.picture(1600, 1200, 4), 160, 120);
        for (byte[] t : List.of(a, b, a, b)) {
            BufferedImage fresh = Pixels.decodeThumbnail(t, false);
            BufferedImage scratch = Pixels.decodeThumbnail(t, true);
            assertNotSame(fresh, scratch);
            for (int y = 0; y < 120; y += 7) {
                for (int x = 0; x < 160; x += 5) assertEquals(fresh.getRGB(x, y), scratch.getRGB(x, y), x + "," + y);
            }
            assertEquals(Pixels.phash(fresh), Pixels.phash(scratch));
        }
        assertNotEquals(Pixels.phash(Pixels.decodeThumbnail(a, false)), Pixels.phash(Pixels.decodeThumbnail(b, false)));
        assertSame(Pixels.decodeThumbnail(a, true), Pixels.decodeThumbnail(b, true), "one scratch image a thread");
    }

    /** The hash reads 8-bit RGB rasters a row at a time: the same bits as through each pixel's colour. */
    @Test
    void theRasterFastPathHashesAsTheColourModelDoes() {
        BufferedImage picture = Jpegs.picture(333, 251, 5);
        for (int type : new int[]{BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_INT_RGB}) {
            BufferedImage fast = new BufferedImage(333, 251, type);
            fast.createGraphics().drawImage(picture, 0, 0, null);
            BufferedImage slow = new BufferedImage(333, 251, BufferedImage.TYPE_INT_ARGB);
            slow.createGraphics().drawImage(fast, 0, 0, null);
            assertEquals(Pixels.phash(slow), Pixels.phash(fast), "type " + type);
            // A cropped view (a letterboxed thumbnail's) starts inside its parent's raster.
            assertEquals(Pixels.phash(slow.getSubimage(7, 11, 300, 200)), Pixels.phash(fast.getSubimage(7, 11, 300, 200)), "crop of " + type);
        }
    }

    @Test
    void theHeadAloneGivesCaptionsDateGpsAndTheThumbnailHash() throws IOException {
        assertTrue(photo.length > 2 * JpegReader.MAX_HEAD, "the test photo is large: " + photo.length);
        long[] read = new long[1];
        PhotoFacts head = headFirst(photo, true, read);
        PhotoFacts whole = JpegInspector.inspect(photo, true, true);
        assertEquals(JpegReader.HEAD + Fingerprint.TAIL_SPAN, read[0], "only the head and the tail are read");
        assertNull(head.problem());
        assertEquals(whole.captions(), head.captions());
        assertEquals(2, head.captions().size(), head.captions().toString());
        assertEquals(whole.exifDate(), head.exifDate());
        assertEquals("2019-05-05T10:00", String.valueOf(head.exifDate()));
        assertTrue(head.gps());
        assertEquals(1600, head.width());
        assertEquals(1200, head.height());
        assertEquals(whole.fingerprint(), head.fingerprint());
        assertNull(head.sha256(), "no hash of every byte from a head-first read");
        // The thumbnail's hash stands in for the decode's.
        assertEquals(JpegInspector.thumbnailHash(photo), head.phash());
        assertTrue(Pixels.distance(head.phash(), whole.phash()) <= DuplicatePhotoCheck.NEAR_DUPLICATE_BITS,
                "thumbnail " + Pixels.distance(head.phash(), whole.phash()) + " bits from the full decode");
    }

    @Test
    void withoutAThumbnailTheFileIsDecodedAsBefore() throws IOException {
        byte[] bare = withExif(Jpegs.encode(main, 0.92f), null);
        long[] read = new long[1];
        PhotoFacts head = headFirst(bare, true, read);
        assertNull(JpegInspector.thumbnailHash(bare));
        assertEquals(JpegInspector.inspect(bare, true, true).phash(), head.phash());
        assertTrue(read[0] >= bare.length, "read whole for the decode");
        // Without a hash wanted, the head and tail suffice.
        headFirst(bare, false, read);
        assertTrue(read[0] < bare.length / 2);
    }

    @Test
    void aTruncatedPhotoIsStillTruncated() throws IOException {
        for (int cut : new int[]{photo.length / 2, photo.length - 2, photo.length - 100_000, JpegReader.MAX_HEAD + 10}) {
            byte[] t = Arrays.copyOf(photo, cut);
            PhotoFacts pf = headFirst(t, true, null);
            assertEquals("truncated", pf.problem(), "cut at " + cut);
            assertEquals(JpegInspector.inspect(t, true, true).problem(), pf.problem());
            assertNull(pf.phash(), "no hash for a broken photo");
        }
    }

    @Test
    void dataAppendedAfterTheImageIsAcceptedAsBeforeAndATruncatedImageWithATrailerIsNot() throws IOException {
        // A motion-photo video or a maker trailer after EOI: short (the tail still sees the marker) and long.
        for (int extra : new int[]{1000, 30_000, 300_000}) {
            byte[] trailer = new byte[extra];
            new Random(extra).nextBytes(trailer);
            for (int i = 0; i + 1 < trailer.length; i++) if ((trailer[i] & 0xFF) == 0xFF) trailer[i] = 0x7F;
            byte[] t = concat(photo, trailer);
            long[] read = new long[1];
            PhotoFacts pf = headFirst(t, false, read);
            assertNull(pf.problem(), "a trailer of " + extra + " bytes");
            assertNull(JpegInspector.inspect(t, true, false).problem());
            if (extra + 2 <= Fingerprint.TAIL_SPAN) assertEquals(JpegReader.HEAD + Fingerprint.TAIL_SPAN, read[0], "the tail holds the marker");
            else if (extra + 2 <= Fingerprint.TAIL_SPAN + JpegReader.WIDE_TAIL) assertEquals(JpegReader.HEAD + Fingerprint.TAIL_SPAN
                    + JpegReader.WIDE_TAIL, read[0], "the bytes before the tail hold the marker: one read more");
            else assertTrue(read[0] > t.length / 2, "streamed to the marker: " + read[0]);
            // The image cut short, the trailer after it: truncated, whichever way it is read.
            byte[] cut = concat(Arrays.copyOf(photo, photo.length / 2), trailer);
            assertEquals("truncated", headFirst(cut, false, null).problem());
            assertEquals("truncated", JpegInspector.inspect(cut, true, false).problem());
        }
        // An MPF-style second picture appended: its own FF D9 ends the file, as in the whole-file rule.
        byte[] mpf = concat(Arrays.copyOf(photo, photo.length / 2), Jpegs.image(160, 120, 1, 0.8f));
        assertEquals(JpegInspector.inspect(mpf, true, false).problem(), headFirst(mpf, false, null).problem());
    }

    @Test
    void aHeadLongerThanTheLimitIsLeftToTheWholeFileRead() throws IOException {
        // An APP segment train of ~300 KB before the frame: header-first gives up (null), the caller reads it whole.
        byte[] pad = new byte[60_000];
        Arrays.fill(pad, (byte) 'x');
        byte[] b = photo;
        for (int i = 0; i < 5; i++) b = appSegment(b, pad);
        assertNull(headFirst(b, false, null));
        // A segment train of ~120 KB: the head grows as far as the segments reach, and is read header first.
        byte[] c = appSegment(appSegment(photo, pad), pad);
        long[] read = new long[1];
        PhotoFacts pf = headFirst(c, false, read);
        assertNotNull(pf);
        assertNull(pf.problem());
        assertEquals(JpegInspector.inspect(c, true, false).captions(), pf.captions());
        assertEquals(JpegInspector.inspect(c, true, false).fingerprint(), pf.fingerprint());
        int sos = sosEnd(c);
        assertTrue(read[0] <= sos + JpegReader.GROW + Fingerprint.TAIL_SPAN, "read " + read[0] + " for a head of " + sos);
        // One long segment (an APP1 of 40 KB, as many cameras write): one read more, to the segment's end and GROW beyond.
        byte[] d = appSegment(photo, Arrays.copyOf(pad, 40_000));
        pf = headFirst(d, true, read);
        assertNull(pf.problem());
        assertEquals(JpegInspector.inspect(d, true, false).captions(), pf.captions());
        assertEquals(JpegInspector.thumbnailHash(d), pf.phash());
        assertEquals(2 + 4 + 40_000 + JpegReader.GROW + Fingerprint.TAIL_SPAN, read[0], "the head grown once, exactly");
    }

    /** Where the entropy-coded data of a JPEG starts. */
    private static int sosEnd(byte[] jpeg) {
        int[] at = new int[1];
        assertNull(JpegInspector.walk(jpeg, true, new int[2], at));
        return at[0];
    }

    private static byte[] appSegment(byte[] jpeg, byte[] body) {
        byte[] out = new byte[jpeg.length + 4 + body.length];
        out[0] = (byte) 0xFF;
        out[1] = (byte) 0xD8;
        out[2] = (byte) 0xFF;
        out[3] = (byte) 0xEB;
        out[4] = (byte) ((body.length + 2) >> 8);
        out[5] = (byte) (body.length + 2);
        System.arraycopy(body, 0, out, 6, body.length);
        System.arraycopy(jpeg, 2, out, 6 + body.length, jpeg.length - 2);
        return out;
    }

    @Test
    void aLetterboxedThumbnailIsCroppedToThePicture() throws IOException {
        BufferedImage wide = Jpegs.picture(1600, 900, 5);
        byte[] b = withExif(Jpegs.encode(wide, 0.92f), Jpegs.thumbnail(wide, 160, 120));
        PhotoFacts head = headFirst(b, true, null);
        assertNotNull(JpegInspector.thumbnailHash(b), "black bars are cropped, the thumbnail trusted");
        assertEquals(JpegInspector.thumbnailHash(b), head.phash());
        long full = JpegInspector.inspect(b, true, true).phash();
        assertTrue(Pixels.distance(head.phash(), full) <= DuplicatePhotoCheck.NEAR_DUPLICATE_BITS,
                Pixels.distance(head.phash(), full) + " bits");
        // Uncropped, the bars alone would move the hash beyond the threshold.
        BufferedImage t = Pixels.decode(Jpegs.thumbnail(wide, 160, 120), 1);
        assertTrue(Pixels.distance(Pixels.phash(t), full) > DuplicatePhotoCheck.NEAR_DUPLICATE_BITS);
    }

    @Test
    void aThumbnailOfAnotherShapeIsDistrustedAndTheImageDecoded() throws IOException {
        // An edited photo (cropped to 16:9) whose editor kept the old 4:3 thumbnail of another picture.
        BufferedImage wide = Jpegs.picture(1600, 900, 6);
        BufferedImage other = Jpegs.picture(160, 120, 7);
        byte[] b = withExif(Jpegs.encode(wide, 0.92f), Jpegs.encode(other, 0.85f));
        assertNull(JpegInspector.thumbnailHash(b), "4:3 without black bars on a 16:9 photo");
        PhotoFacts head = headFirst(b, true, null);
        assertEquals(JpegInspector.inspect(b, true, true).phash(), head.phash(), "hashed by decode");
        // Rotated: a portrait thumbnail on a landscape photo.
        byte[] r = withExif(Jpegs.encode(main, 0.92f), Jpegs.thumbnail(Jpegs.picture(120, 160, 8), 120, 160));
        assertNull(JpegInspector.thumbnailHash(r));
    }

    @Test
    void aDarkThumbnailTurnedAQuarterIsNotTakenForAPillarbox() {
        // A portrait photo whose thumbnail stayed in sensor orientation (seen on a Konica camera): in a dark
        // picture the sides of the turned thumbnail look like black bars, yet it is no pillarbox.
        BufferedImage portrait = dim(Jpegs.picture(900, 1200, 12));
        BufferedImage turned = new BufferedImage(1200, 900, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 1200; y++) for (int x = 0; x < 900; x++) turned.setRGB(y, 899 - x, portrait.getRGB(x, y));
        byte[] b = withExif(Jpegs.encode(portrait, 0.92f), Jpegs.thumbnail(turned, 160, 120));
        assertNull(JpegInspector.thumbnailHash(b));
    }

    private static BufferedImage dim(BufferedImage img) {
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int c = img.getRGB(x, y);
                img.setRGB(x, y, ((((c >> 16) & 0xFF) / 8) << 16) | ((((c >> 8) & 0xFF) / 8) << 8) | ((c & 0xFF) / 8));
            }
        }
        return img;
    }

    @Test
    void aStaleThumbnailOfTheSameShapeIsNotDetectable() {
        // The documented limit: same shape, another picture — the head cannot tell; the hash is the thumbnail's.
        byte[] b = withExif(Jpegs.encode(main, 0.92f), Jpegs.thumbnail(Jpegs.picture(1600, 1200, 9), 160, 120));
        Long t = JpegInspector.thumbnailHash(b);
        assertNotNull(t);
        assertTrue(Pixels.distance(t, JpegInspector.inspect(b, true, true).phash()) > DuplicatePhotoCheck.NEAR_DUPLICATE_BITS);
    }

    @Test
    void fingerprintsCollideForCopiesAndSameEndsOnlyTheFullHashTellsApart() {
        byte[] twin = photo.clone();
        int mid = twin.length / 2;
        twin[mid] = (byte) (twin[mid] == 0x11 ? 0x12 : 0x11);   // a middle byte: no marker made or broken
        assertEquals(Fingerprint.of(photo), Fingerprint.of(twin), "the ends are equal");
        assertNotEquals(cn.evcheck.util.Hashes.sha256(photo), cn.evcheck.util.Hashes.sha256(twin));
        assertNotEquals(Fingerprint.of(photo), Fingerprint.of(Arrays.copyOf(photo, photo.length - 1)));
        byte[] head = Arrays.copyOf(photo, JpegReader.HEAD);
        byte[] tail = Arrays.copyOfRange(photo, photo.length - Fingerprint.TAIL_SPAN, photo.length);
        assertEquals(Fingerprint.of(photo), Fingerprint.of(photo.length, head, tail));
        assertEquals(32, Fingerprint.of("x".getBytes(StandardCharsets.US_ASCII)).length());
        // The size is part of it: files of different sizes whose ends are equal differ.
        byte[] longer = Arrays.copyOf(photo, photo.length + 3 * Fingerprint.TAIL_SPAN);
        System.arraycopy(tail, 0, longer, longer.length - Fingerprint.TAIL_SPAN, Fingerprint.TAIL_SPAN);
        assertNotEquals(Fingerprint.of(photo), Fingerprint.of(longer));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
