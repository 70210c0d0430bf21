package cn.evcheck.inspect;

import com.drew.imaging.jpeg.JpegMetadataReader;
import com.drew.lang.annotations.Nullable;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.StringValue;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.iptc.IptcDirectory;
import com.drew.metadata.xmp.XmpDirectory;
import com.adobe.internal.xmp.XMPMeta;

import java.io.ByteArrayInputStream;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a JPEG's structure (markers up to the start of scan, then the end-of-image marker) and
 * its caption-bearing metadata: XMP dc:description/dc:title, EXIF ImageDescription and
 * UserComment, the Windows XP* fields, IPTC Caption-Abstract ({@code reference/photos.md}).
 * Undeclared encodings are decoded strict-UTF-8-then-GB18030. No pixel of the image is decoded here,
 * except, when asked, a DC-only or subsampled copy ({@link #inspect}, {@link #decodeHash}) or the EXIF thumbnail ({@link #inspectHead})
 * for the perceptual hash. Thread-safe.
 */
public final class JpegInspector {
    private JpegInspector() {}

    /** Pixels above which a header is a decompression bomb, not a photo ({@link cn.evcheck.util.Limits#MAX_PIXELS}). */
    public static final long MAX_PIXELS = cn.evcheck.util.Limits.MAX_PIXELS;

    public static PhotoFacts inspect(byte[] b, boolean whole) {
        return inspect(b, whole, false);
    }

    /**
     * @param whole      the bytes are the whole file (else a prefix: no end-marker check, no fingerprint)
     * @param wantPixels also decode a subsampled copy for the perceptual hash
     */
    public static PhotoFacts inspect(byte[] b, boolean whole, boolean wantPixels) {
        int[] dims = new int[2];
        String problem = structure(b, whole, dims);
        Meta m = meta(b, problem, dims);
        problem = m.problem();
        // A file held whole gets the same cheap fingerprint as one read header first; a SHA-256 of every
        // byte only where fingerprints collide (Inspection.confirmCopies): under the launchers' quick
        // compiler it costs about 20 ms a megabyte, for every scan and every small photo.
        String fp = whole ? Fingerprint.of(b) : null;
        Long phash = null;
        if (wantPixels && whole && problem == null && !m.bomb()) {
            try {
                phash = decodeHash(b, dims[0], dims[1]);
            } catch (java.io.IOException | RuntimeException e) {
                problem = "undecodable";
            }
        }
        return new PhotoFacts(dims[0], dims[1], problem, m.bomb(), m.captions(), m.exifDate(), m.gps(), null, phash, fp);
    }

    /**
     * The perceptual hash of a whole JPEG by decode, for a photo without a trusted thumbnail: of its DC
     * image ({@link DcImage}, 1/8 scale from the luminance DC coefficients, no IDCT) when it is a
     * sequential Huffman JPEG that reads cleanly, else of a subsampled ImageIO decode, as before.
     * Refuses a frame over the limits first ({@link Pixels#checkFrame}).
     */
    static long decodeHash(byte[] b, int width, int height) throws java.io.IOException {
        Pixels.checkFrame(b);
        Long dc = DcImage.phash(b);
        if (dc != null) return dc;
        return Pixels.phash(Pixels.decodeSmall(b, width, height, 64));
    }

    /**
     * Header-first: what the head of a JPEG (its bytes up to and past the start of scan, {@link #walk}
     * having reached it) says — metadata, and the perceptual hash of its EXIF thumbnail when
     * {@code thumbHash} and the thumbnail can be trusted ({@link Thumbnail}). The end-of-image
     * check and the fingerprint are the caller's ({@link JpegReader}), who holds the rest of the file.
     *
     * @param structure what {@link #walk} said of the head plus the end-marker search: null when sound
     */
    static PhotoFacts inspectHead(byte[] head, String structure, int[] dims, String fingerprint, boolean thumbHash) {
        Meta m = meta(head, structure, dims);
        Long phash = null;
        if (thumbHash && m.problem() == null && !m.bomb() && m.md() != null) {
            phash = Thumbnail.phash(head, m.md(), dims[0], dims[1]);
        }
        return new PhotoFacts(dims[0], dims[1], m.problem(), m.bomb(), m.captions(), m.exifDate(), m.gps(), null, phash,
                fingerprint);
    }

    /**
     * The perceptual hash of the trusted EXIF thumbnail of a JPEG held in {@code head} (its start
     * suffices), or null when it has none or it is distrusted ({@link Thumbnail}). For measuring.
     */
    public static Long thumbnailHash(byte[] head) {
        int[] dims = new int[2];
        String problem = walk(head, false, dims, new int[1]);
        if (problem != null) return null;
        try {
            Metadata md = JpegMetadataReader.readMetadata(new ByteArrayInputStream(head));
            return Thumbnail.phash(head, md, dims[0], dims[1]);
        } catch (Exception | StackOverflowError e) {
            return null;
        }
    }

    /** Whether a JPEG held in {@code head} carries an EXIF thumbnail at all (trusted or not). For measuring. */
    public static boolean hasThumbnail(byte[] head) {
        try {
            return Thumbnail.bytes(head, JpegMetadataReader.readMetadata(new ByteArrayInputStream(head))) != null;
        } catch (Exception | StackOverflowError e) {
            return false;
        }
    }

    /** The metadata of a JPEG's head; {@code problem} updated (a progressive bomb, unreadable metadata). */
    private record Meta(String problem, boolean bomb, List<PhotoFacts.Caption> captions, LocalDateTime exifDate, boolean gps,
                        Metadata md) {}

    private static Meta meta(byte[] b, String problem, int[] dims) {
        boolean bomb = (long) dims[0] * dims[1] > MAX_PIXELS;
        // A progressive JPEG too large for the native decoder's memory is refused like a bomb.
        Pixels.Frame frame = Pixels.frame(b, b.length);
        boolean progressiveBomb = !bomb && frame != null && frame.progressiveBytes() > cn.evcheck.util.Limits.MAX_PROGRESSIVE_BYTES;
        if (progressiveBomb) {
            bomb = true;
            if (problem == null) problem = PhotoFacts.PROGRESSIVE;
        }
        List<PhotoFacts.Caption> captions = new ArrayList<>();
        LocalDateTime exifDate = null;
        boolean gps = false;
        Metadata md = null;
        try {
            md = JpegMetadataReader.readMetadata(new ByteArrayInputStream(b));
            XmpDirectory xmp = md.getFirstDirectoryOfType(XmpDirectory.class);
            if (xmp != null) {
                XMPMeta meta = xmp.getXMPMeta();
                add(captions, "XMP dc:description", xmpText(meta, "description"));
                add(captions, "XMP dc:title", xmpText(meta, "title"));
            }
            for (ExifIFD0Directory d : md.getDirectoriesOfType(ExifIFD0Directory.class)) {
                add(captions, "EXIF ImageDescription", TextDecoding.utf8OrGb18030(raw(d, ExifIFD0Directory.TAG_IMAGE_DESCRIPTION)));
                add(captions, "XPTitle", TextDecoding.utf16le(raw(d, ExifIFD0Directory.TAG_WIN_TITLE)));
                add(captions, "XPSubject", TextDecoding.utf16le(raw(d, ExifIFD0Directory.TAG_WIN_SUBJECT)));
                add(captions, "XPComment", TextDecoding.utf16le(raw(d, ExifIFD0Directory.TAG_WIN_COMMENT)));
                add(captions, "XPKeywords", TextDecoding.utf16le(raw(d, ExifIFD0Directory.TAG_WIN_KEYWORDS)));
                break;
            }
            ExifSubIFDDirectory sub = md.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
            if (sub != null) {
                add(captions, "EXIF UserComment", TextDecoding.userComment(raw(sub, ExifSubIFDDirectory.TAG_USER_COMMENT)));
                exifDate = exifDate(sub.getString(ExifSubIFDDirectory.TAG_DATETIME_ORIGINAL));
            }
            IptcDirectory iptc = md.getFirstDirectoryOfType(IptcDirectory.class);
            if (iptc != null) {
                add(captions, "IPTC Caption-Abstract", TextDecoding.utf8OrGb18030(raw(iptc, IptcDirectory.TAG_CAPTION)));
            }
            GpsDirectory g = md.getFirstDirectoryOfType(GpsDirectory.class);
            gps = g != null && g.getGeoLocation() != null && !g.getGeoLocation().isZero();
        } catch (Exception | StackOverflowError e) {
            // Broken metadata is not a broken photo: keep what the structure check says.
            if (problem == null && dims[0] == 0) problem = "metadata";
        }
        return new Meta(problem, bomb, captions, exifDate, gps, md);
    }

    private static void add(List<PhotoFacts.Caption> out, String source, @Nullable String text) {
        if (text == null) return;
        String t = text.replace('\0', ' ').strip();
        if (CaptionParser.isTrivial(t)) return;
        for (PhotoFacts.Caption c : out) {
            if (c.text().equals(t)) return;   // Windows writes the same title to several places
        }
        out.add(new PhotoFacts.Caption(source, t));
    }

    private static byte[] raw(Directory d, int tag) {
        Object o = d.getObject(tag);
        if (o instanceof StringValue sv) return sv.getBytes();
        if (o instanceof byte[] bytes) return bytes;
        if (o instanceof int[] ints) {
            byte[] bytes = new byte[ints.length];
            for (int i = 0; i < ints.length; i++) bytes[i] = (byte) ints[i];
            return bytes;
        }
        if (o instanceof short[] shorts) {   // metadata-extractor keeps BYTE-typed XP* tags as short[]
            byte[] bytes = new byte[shorts.length];
            for (int i = 0; i < shorts.length; i++) bytes[i] = (byte) shorts[i];
            return bytes;
        }
        if (o instanceof String s) return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return null;
    }

    private static String xmpText(XMPMeta meta, String prop) {
        try {
            var p = meta.getLocalizedText("http://purl.org/dc/elements/1.1/", prop, null, "x-default");
            return p == null ? null : p.getValue();
        } catch (Exception e) {
            return null;
        }
    }

    private static final DateTimeFormatter EXIF = DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss");

    static LocalDateTime exifDate(String s) {
        if (s == null) return null;
        String t = s.strip().replace('\0', ' ').strip();
        if (t.length() < 19) return null;
        try {
            return LocalDateTime.parse(t.substring(0, 19), EXIF);
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(t.substring(0, 19).replace('-', ':').replace('T', ' '), EXIF);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    /**
     * Walks the marker segments to the first start-of-scan and then looks for the end-of-image
     * marker. Returns null when sound, else a reason; fills dims with width and height from SOF.
     * When {@code whole} is false only a prefix was read and the end marker is not looked for.
     * Like libjpeg, it skips stray bytes between segments (a metadata block whose declared length
     * is a few bytes short — seen in real camera and editor files) to the next marker.
     */
    static String structure(byte[] b, boolean whole, int[] dims) {
        int[] at = new int[1];
        String r = walk(b, true, dims, at);
        if (r == MORE) return "truncated";
        if (r != null || !whole) return r;
        return lastIndexOfEoi(b, at[0], b.length) >= 0 ? null : "truncated";
    }

    /** {@link #walk}'s answer when the bytes held end before the start of scan: read more of the file. */
    static final String MORE = "more";

    /**
     * The marker walk of {@link #structure} up to the first start of scan: null when it is reached
     * ({@code at[0]} is then where the entropy-coded data starts), {@link #MORE} when the bytes end
     * first (a truncated file when {@code complete}, else a head too short: {@code at[0]} is then how many
     * bytes the walk knows it needs, the start of the segment after the last it saw, or all it held),
     * else the problem.
     */
    static String walk(byte[] b, boolean complete, int[] dims, int[] at) {
        int n = b.length;
        if (n < 4 || (b[0] & 0xFF) != 0xFF || (b[1] & 0xFF) != 0xD8) return "no_soi";
        int i = 2;
        boolean sof = false;
        while (i < n) {
            if ((b[i] & 0xFF) != 0xFF) {
                i = nextMarker(b, i);
                if (i < 0) return complete ? "bad_marker" : more(at, n);
            }
            while (i < n && (b[i] & 0xFF) == 0xFF) i++;
            if (i >= n) return more(at, n);
            int marker = b[i] & 0xFF;
            i++;
            if (marker == 0xD9) return "no_scan";
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) continue;
            if (i + 2 > n) return more(at, n);
            int len = ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF);
            if (len < 2) return "bad_marker";
            boolean isSof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (isSof) {
                if (i + 7 > n) return more(at, n);
                dims[1] = ((b[i + 3] & 0xFF) << 8) | (b[i + 4] & 0xFF);
                dims[0] = ((b[i + 5] & 0xFF) << 8) | (b[i + 6] & 0xFF);
                sof = true;
            }
            if (marker == 0xDA) {
                if (!sof) return "no_frame";
                if (dims[0] == 0 || dims[1] == 0) return "no_frame";
                at[0] = i + len;
                return null;
            }
            i += len;
        }
        return more(at, i);
    }

    private static String more(int[] at, int needed) {
        at[0] = needed;
        return MORE;
    }

    /**
     * The index of the last end-of-image marker (FF D9) starting in [from, to - 1), or -1. Searched from
     * the end, where a whole JPEG has it: whether there is one costs a few bytes, not the whole scan.
     */
    static int lastIndexOfEoi(byte[] b, int from, int to) {
        int lo = Math.max(0, from);
        for (int j = Math.min(to, b.length) - 2; j >= lo; j--) {
            if ((b[j + 1] & 0xFF) == 0xD9 && (b[j] & 0xFF) == 0xFF) return j;
        }
        return -1;
    }

    /** The index of the next 0xFF that starts a segment marker (0xC0–0xFE) at or after {@code from}, or -1. */
    public static int nextMarker(byte[] b, int from) {
        for (int j = from; j + 1 < b.length; j++) {
            int m = b[j + 1] & 0xFF;
            if ((b[j] & 0xFF) == 0xFF && m >= 0xC0 && m != 0xFF) return j;
        }
        return -1;
    }
}
