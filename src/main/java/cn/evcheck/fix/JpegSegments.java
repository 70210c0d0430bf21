package cn.evcheck.fix;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A JPEG cut into its marker segments up to the start of scan, and the rest (scan data, end
 * marker and whatever a camera appended) kept as it is. Used to carry metadata segments from a
 * photo into its re-encoded copy, and to replace one metadata segment while every other byte of
 * the file stays the same.
 */
final class JpegSegments {
    static final byte[] EXIF_ID = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
    static final byte[] XMP_ID = "http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.ISO_8859_1);
    static final byte[] IPTC_ID = "Photoshop 3.0\0".getBytes(StandardCharsets.ISO_8859_1);
    /** The longest payload of one segment (its length field counts itself). */
    static final int MAX_PAYLOAD = 65535 - 2;

    /** One marker segment: the marker byte and its payload (without the length field). */
    record Segment(int marker, byte[] payload) {
        boolean is(int m, byte[] id) {
            return marker == m && startsWith(payload, id);
        }
    }

    final List<Segment> segments;
    /** From the start-of-scan marker (FF DA) to the end of the file. */
    final byte[] rest;

    private JpegSegments(List<Segment> segments, byte[] rest) {
        this.segments = segments;
        this.rest = rest;
    }

    /** Thrown for bytes that are not a JPEG whose segments can be walked to the start of scan. */
    static final class NotJpeg extends Exception {
        NotJpeg(String why) {
            super(why);
        }
    }

    static JpegSegments parse(byte[] b) throws NotJpeg {
        if (b.length < 4 || (b[0] & 0xFF) != 0xFF || (b[1] & 0xFF) != 0xD8) throw new NotJpeg("no_soi");
        List<Segment> list = new ArrayList<>();
        int i = 2;
        while (i < b.length) {
            if ((b[i] & 0xFF) != 0xFF) {
                // Stray bytes between segments (a metadata block whose declared length is a few bytes
                // short, seen in real camera and editor files): skipped to the next marker, as libjpeg
                // and evcheck's inspector do. They are not carried into a rewritten file.
                i = cn.evcheck.inspect.JpegInspector.nextMarker(b, i);
                if (i < 0) throw new NotJpeg("bad_marker");
            }
            while (i < b.length && (b[i] & 0xFF) == 0xFF) i++;
            if (i >= b.length) break;
            int marker = b[i] & 0xFF;
            if (marker == 0xDA) return new JpegSegments(list, Arrays.copyOfRange(b, i - 1, b.length));
            if (marker == 0xD9) throw new NotJpeg("no_scan");
            i++;
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) continue;
            if (i + 2 > b.length) break;
            int len = ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF);
            if (len < 2 || i + len > b.length) throw new NotJpeg("bad_marker");
            list.add(new Segment(marker, Arrays.copyOfRange(b, i + 2, i + len)));
            i += len;
        }
        throw new NotJpeg("truncated");
    }

    /** The TIFF block of the first EXIF APP1 segment, or null. */
    byte[] exif() {
        Segment s = first(0xE1, EXIF_ID);
        return s == null ? null : Arrays.copyOfRange(s.payload, EXIF_ID.length, s.payload.length);
    }

    /** The packet of the first XMP APP1 segment, or null. */
    byte[] xmp() {
        Segment s = first(0xE1, XMP_ID);
        return s == null ? null : Arrays.copyOfRange(s.payload, XMP_ID.length, s.payload.length);
    }

    /** The APP13 (Photoshop IRB, where IPTC lives) segments, as they are. */
    List<Segment> iptc() {
        return segments.stream().filter(s -> s.is(0xED, IPTC_ID)).toList();
    }

    private Segment first(int marker, byte[] id) {
        for (Segment s : segments) if (s.is(marker, id)) return s;
        return null;
    }

    /** The number of colour components of the frame in a JPEG's head (its first bytes), or 0 when not found there. */
    static int components(byte[] head) {
        int i = 2;
        if (head.length < 4 || (head[0] & 0xFF) != 0xFF || (head[1] & 0xFF) != 0xD8) return 0;
        while (i + 4 <= head.length) {
            if ((head[i] & 0xFF) != 0xFF) return 0;
            int m = head[i + 1] & 0xFF;
            if (m == 0xFF) {
                i++;
                continue;
            }
            if (m == 0xDA || m == 0xD9) return 0;
            if (m == 0x01 || (m >= 0xD0 && m <= 0xD7)) {
                i += 2;
                continue;
            }
            int len = ((head[i + 2] & 0xFF) << 8) | (head[i + 3] & 0xFF);
            boolean sof = m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC;
            if (sof) return i + 9 < head.length ? head[i + 9] & 0xFF : 0;
            if (len < 2) return 0;
            i += 2 + len;
        }
        return 0;
    }

    /** The number of colour components of the frame (1 grey, 3 YCbCr/RGB, 4 CMYK/YCCK), or 0 when unknown. */
    int components() {
        for (Segment s : segments) {
            int m = s.marker;
            boolean sof = m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC;
            if (sof && s.payload.length >= 6) return s.payload[5] & 0xFF;
        }
        return 0;
    }

    /**
     * This JPEG with its EXIF and XMP replaced (null: removed; {@link #KEEP}: unchanged), each in the
     * place of the old one, or after SOI and any JFIF segment when it had none. Every other byte is kept.
     */
    byte[] with(byte[] tiff, byte[] xmpPacket) {
        List<Segment> out = new ArrayList<>();
        boolean exifDone = tiff == KEEP;
        boolean xmpDone = xmpPacket == KEEP;
        int insertAt = 0;
        for (Segment s : segments) {
            if (s.is(0xE1, EXIF_ID) && tiff != KEEP) {
                if (!exifDone && tiff != null) out.add(new Segment(0xE1, concat(EXIF_ID, tiff)));
                exifDone = true;
                continue;
            }
            if (s.is(0xE1, XMP_ID) && xmpPacket != KEEP) {
                if (!xmpDone && xmpPacket != null) out.add(new Segment(0xE1, concat(XMP_ID, xmpPacket)));
                xmpDone = true;
                continue;
            }
            out.add(s);
            if (s.marker == 0xE0 && out.size() == insertAt + 1) insertAt = out.size();
        }
        List<Segment> add = new ArrayList<>();
        if (!exifDone && tiff != null) add.add(new Segment(0xE1, concat(EXIF_ID, tiff)));
        if (!xmpDone && xmpPacket != null) add.add(new Segment(0xE1, concat(XMP_ID, xmpPacket)));
        out.addAll(insertAt, add);
        return write(out, rest);
    }

    /** Marks "leave this segment as it is" for {@link #with}. */
    static final byte[] KEEP = new byte[0];

    /**
     * A freshly encoded JPEG ({@code encoded}, from ImageIO) with the given metadata segments in front
     * of its own tables: EXIF, XMP, then the IPTC segments. Its JFIF segment is dropped when EXIF is
     * added (an EXIF file starts with APP1).
     */
    static byte[] splice(byte[] encoded, byte[] tiff, byte[] xmpPacket, List<Segment> iptc) throws NotJpeg {
        JpegSegments fresh = parse(encoded);
        List<Segment> out = new ArrayList<>();
        if (tiff != null) out.add(new Segment(0xE1, concat(EXIF_ID, tiff)));
        if (xmpPacket != null) out.add(new Segment(0xE1, concat(XMP_ID, xmpPacket)));
        out.addAll(iptc);
        for (Segment s : fresh.segments) {
            if (s.marker == 0xE0 && tiff != null && startsWith(s.payload, "JFIF\0".getBytes(StandardCharsets.ISO_8859_1))) continue;
            out.add(s);
        }
        return write(out, fresh.rest);
    }

    /** The bytes the metadata segments of {@link #splice} add to an encoded JPEG. */
    static int overhead(byte[] tiff, byte[] xmpPacket, List<Segment> iptc) {
        int n = 0;
        if (tiff != null) n += 4 + EXIF_ID.length + tiff.length;
        if (xmpPacket != null) n += 4 + XMP_ID.length + xmpPacket.length;
        for (Segment s : iptc) n += 4 + s.payload.length;
        return n;
    }

    private static byte[] write(List<Segment> segs, byte[] rest) {
        ByteArrayOutputStream o = new ByteArrayOutputStream(rest.length + 128 * 1024);
        o.write(0xFF);
        o.write(0xD8);
        for (Segment s : segs) {
            if (s.payload.length > MAX_PAYLOAD) throw new IllegalArgumentException("segment too long: " + s.payload.length);
            int len = s.payload.length + 2;
            o.write(0xFF);
            o.write(s.marker);
            o.write(len >> 8);
            o.write(len & 0xFF);
            o.writeBytes(s.payload);
        }
        o.writeBytes(rest);
        return o.toByteArray();
    }

    static boolean startsWith(byte[] b, byte[] prefix) {
        if (b.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if (b[i] != prefix[i]) return false;
        return true;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
