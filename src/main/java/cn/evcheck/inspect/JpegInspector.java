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
 * Undeclared encodings are decoded strict-UTF-8-then-GB18030. No pixel is decoded. Thread-safe.
 */
public final class JpegInspector {
    private JpegInspector() {}

    /** Pixels above which a header is a decompression bomb, not a photo ({@link cn.evcheck.util.Limits#MAX_PIXELS}). */
    public static final long MAX_PIXELS = cn.evcheck.util.Limits.MAX_PIXELS;

    public static PhotoFacts inspect(byte[] b, boolean whole) {
        return inspect(b, whole, false);
    }

    /**
     * @param whole      the bytes are the whole file (else a prefix: no end-marker check, no hash)
     * @param wantPixels also decode a subsampled copy for the perceptual hash
     */
    public static PhotoFacts inspect(byte[] b, boolean whole, boolean wantPixels) {
        int[] dims = new int[2];
        String problem = structure(b, whole, dims);
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
        try {
            Metadata md = JpegMetadataReader.readMetadata(new ByteArrayInputStream(b));
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
        String sha = whole ? cn.evcheck.util.Hashes.sha256(b) : null;
        Long phash = null;
        if (wantPixels && whole && problem == null && !bomb) {
            try {
                phash = Pixels.phash(Pixels.decodeSmall(b, dims[0], dims[1], 64));
            } catch (java.io.IOException | RuntimeException e) {
                problem = "undecodable";
            }
        }
        return new PhotoFacts(dims[0], dims[1], problem, bomb, captions, exifDate, gps, sha, phash);
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
        int n = b.length;
        if (n < 4 || (b[0] & 0xFF) != 0xFF || (b[1] & 0xFF) != 0xD8) return "no_soi";
        int i = 2;
        boolean sof = false;
        while (i < n) {
            if ((b[i] & 0xFF) != 0xFF) {
                i = nextMarker(b, i);
                if (i < 0) return "bad_marker";
            }
            while (i < n && (b[i] & 0xFF) == 0xFF) i++;
            if (i >= n) return "truncated";
            int marker = b[i] & 0xFF;
            i++;
            if (marker == 0xD9) return "no_scan";
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) continue;
            if (i + 2 > n) return "truncated";
            int len = ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF);
            if (len < 2) return "bad_marker";
            boolean isSof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (isSof) {
                if (i + 7 > n) return "truncated";
                dims[1] = ((b[i + 3] & 0xFF) << 8) | (b[i + 4] & 0xFF);
                dims[0] = ((b[i + 5] & 0xFF) << 8) | (b[i + 6] & 0xFF);
                sof = true;
            }
            if (marker == 0xDA) {
                if (!sof) return "no_frame";
                if (dims[0] == 0 || dims[1] == 0) return "no_frame";
                if (!whole) return null;
                int j = i + len;
                for (; j + 1 < n; j++) {
                    if ((b[j] & 0xFF) == 0xFF && (b[j + 1] & 0xFF) == 0xD9) return null;
                }
                return "truncated";
            }
            i += len;
        }
        return "truncated";
    }

    /** The index of the next 0xFF that starts a segment marker (0xC0–0xFE) at or after {@code from}, or -1. */
    private static int nextMarker(byte[] b, int from) {
        for (int j = from; j + 1 < b.length; j++) {
            int m = b[j + 1] & 0xFF;
            if ((b[j] & 0xFF) == 0xFF && m >= 0xC0 && m != 0xFF) return j;
        }
        return -1;
    }
}
