package cn.evcheck.testkit;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.*;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Builds small real JPEGs for tests and samples, with hand-written EXIF (ImageDescription in
 * any encoding, the Windows XP* fields, DateTimeOriginal, UserComment, GPS), XMP and IPTC
 * segments — the places {@code reference/photos.md} says captions live.
 */
public final class Jpegs {
    private Jpegs() {}

    /** A w×h JPEG of soft shapes seeded by {@code seed}; the same seed gives the same bytes. */
    public static byte[] image(int w, int h, long seed, float quality) {
        return encode(shapes(w, h, new Random(seed), 6), quality);
    }

    /** A gradient under {@code ovals} soft coloured shapes, drawn from {@code r}. */
    private static BufferedImage shapes(int w, int h, Random r, int ovals) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256)),
                w, h, new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256))));
        g.fillRect(0, 0, w, h);
        for (int i = 0; i < ovals; i++) {
            g.setColor(new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256)));
            g.fillOval(r.nextInt(w) - w / 8, r.nextInt(h) - h / 8, w / 4 + r.nextInt(w / 4), h / 4 + r.nextInt(h / 4));
        }
        g.dispose();
        return img;
    }

    public static byte[] encode(BufferedImage img, float quality) {
        return encode(img, quality, false);
    }

    public static byte[] encode(BufferedImage img, float quality, boolean progressive) {
        try {
            ImageWriter w = ImageIO.getImageWritersByFormatName("jpeg").next();
            ByteArrayOutputStream bos = new ByteArrayOutputStream();
            try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bos)) {
                w.setOutput(out);
                ImageWriteParam p = w.getDefaultWriteParam();
                p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                p.setCompressionQuality(quality);
                if (progressive) p.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
                w.write(null, new IIOImage(img, null, null), p);
            }
            w.dispose();
            return bos.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A phone-like picture: soft shapes plus sensor noise, so that its JPEG is as large as a camera's (~0.5 bytes/px at quality 0.92). */
    public static BufferedImage picture(int w, int h, long seed) {
        Random r = new Random(seed);
        BufferedImage img = shapes(w, h, r, 8);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int n = r.nextInt(33) - 16;
                int c = img.getRGB(x, y);
                int red = clamp(((c >> 16) & 0xFF) + n), gr = clamp(((c >> 8) & 0xFF) + n), b = clamp((c & 0xFF) + n);
                img.setRGB(x, y, (red << 16) | (gr << 8) | b);
            }
        }
        return img;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    /** A camera-style EXIF thumbnail of {@code img}: scaled to fit {@code tw}×{@code th}, centred on black bars where the shapes differ. */
    public static byte[] thumbnail(BufferedImage img, int tw, int th) {
        BufferedImage t = new BufferedImage(tw, th, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = t.createGraphics();
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, tw, th);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        double s = Math.min((double) tw / img.getWidth(), (double) th / img.getHeight());
        int w = (int) Math.round(img.getWidth() * s);
        int h = (int) Math.round(img.getHeight() * s);
        g.drawImage(img, (tw - w) / 2, (th - h) / 2, w, h, null);
        g.dispose();
        return encode(t, 0.85f);
    }

    public static byte[] png(int w, int h) {
        try {
            BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            ByteArrayOutputStream bos = new ByteArrayOutputStream();
            ImageIO.write(img, "png", bos);
            return bos.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A CMYK JPEG without an ICC profile, Adobe-style (inverted), as scanners and print tools write. */
    public static byte[] cmykRed(int w, int h) {
        try {
            java.awt.image.WritableRaster raster = java.awt.image.Raster.createInterleavedRaster(java.awt.image.DataBuffer.TYPE_BYTE, w, h, 4, null);
            int[] px = {255 - 0, 255 - 255, 255 - 255, 255 - 0};   // C=0 M=100% Y=100% K=0, inverted
            for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) raster.setPixel(x, y, px);
            ImageWriter writer = null;
            for (java.util.Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName("jpeg"); it.hasNext(); ) {
                ImageWriter c = it.next();
                if (c.canWriteRasters()) {
                    writer = c;
                    break;
                }
            }
            if (writer == null) throw new IllegalStateException("no JPEG writer that writes rasters");
            ByteArrayOutputStream bos = new ByteArrayOutputStream();
            try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bos)) {
                writer.setOutput(out);
                writer.write(null, new IIOImage(raster, null, null), writer.getDefaultWriteParam());
            }
            writer.dispose();
            // The JDK writes no Adobe APP14 marker for four bands; add one (transform 0 = CMYK) as
            // Photoshop and scanners do.
            byte[] plain = bos.toByteArray();
            byte[] app14 = {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0};
            byte[] out = new byte[plain.length + app14.length];
            System.arraycopy(plain, 0, out, 0, 2);
            System.arraycopy(app14, 0, out, 2, app14.length);
            System.arraycopy(plain, 2, out, 2 + app14.length, plain.length - 2);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What to write into EXIF; null fields are left out. */
    public static final class Exif {
        public byte[] imageDescription;   // raw bytes, any encoding
        public String xpTitle, xpSubject, xpComment, xpKeywords;
        public String dateTimeOriginal;   // "2019:03:05 10:00:00"
        public String userComment;        // written as UNICODE (UTF-16LE)
        public double[] gps;              // {lat, lon}
        public byte[] thumbnail;          // a JPEG, written as IFD1's JPEGInterchangeFormat
        public int orientation;           // 1–8, 0: none

        public Exif description(String s, Charset cs) {
            imageDescription = s.getBytes(cs);
            return this;
        }

        public Exif date(String exifDate) {
            dateTimeOriginal = exifDate;
            return this;
        }
    }

    /** Inserts EXIF, XMP and IPTC segments (each optional) after SOI. */
    public static byte[] withMetadata(byte[] jpeg, Exif exif, String xmpDescription, String iptcCaption) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        if (exif != null) segment(out, 0xE1, concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), tiff(exif)));
        if (xmpDescription != null) {
            String xmp = "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>"
                    + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
                    + "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                    + "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xmpDescription + "</rdf:li></rdf:Alt></dc:description>"
                    + "</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end=\"w\"?>";
            segment(out, 0xE1, concat("http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.ISO_8859_1),
                    xmp.getBytes(StandardCharsets.UTF_8)));
        }
        if (iptcCaption != null) {
            byte[] cap = iptcCaption.getBytes(StandardCharsets.UTF_8);
            ByteArrayOutputStream iptc = new ByteArrayOutputStream();
            iptc.writeBytes(new byte[]{0x1C, 0x01, 0x5A, 0x00, 0x03, 0x1B, 0x25, 0x47});   // UTF-8
            iptc.writeBytes(new byte[]{0x1C, 0x02, 0x78, (byte) (cap.length >> 8), (byte) cap.length});
            iptc.writeBytes(cap);
            byte[] data = iptc.toByteArray();
            ByteArrayOutputStream ps = new ByteArrayOutputStream();
            ps.writeBytes("Photoshop 3.0\0".getBytes(StandardCharsets.ISO_8859_1));
            ps.writeBytes("8BIM".getBytes(StandardCharsets.ISO_8859_1));
            ps.writeBytes(new byte[]{0x04, 0x04, 0x00, 0x00});
            ps.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
            ps.writeBytes(data);
            if (data.length % 2 == 1) ps.write(0);
            segment(out, 0xED, ps.toByteArray());
        }
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    private static void segment(ByteArrayOutputStream out, int marker, byte[] body) {
        int len = body.length + 2;
        out.write(0xFF);
        out.write(marker);
        out.write(len >> 8);
        out.write(len & 0xFF);
        out.writeBytes(body);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = new byte[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    // ---- a minimal little-endian TIFF/EXIF writer -------------------------------------------

    private record Tag(int tag, int type, int count, byte[] value) {}

    private static byte[] tiff(Exif e) {
        List<Tag> ifd0 = new ArrayList<>();
        List<Tag> exif = new ArrayList<>();
        List<Tag> gps = new ArrayList<>();
        if (e.imageDescription != null) ifd0.add(ascii(0x010E, e.imageDescription));
        if (e.orientation != 0) ifd0.add(new Tag(0x0112, 3, 1, new byte[]{(byte) e.orientation, 0}));
        if (e.xpTitle != null) ifd0.add(xp(0x9C9B, e.xpTitle));
        if (e.xpComment != null) ifd0.add(xp(0x9C9C, e.xpComment));
        if (e.xpKeywords != null) ifd0.add(xp(0x9C9E, e.xpKeywords));
        if (e.xpSubject != null) ifd0.add(xp(0x9C9F, e.xpSubject));
        if (e.dateTimeOriginal != null) exif.add(ascii(0x9003, e.dateTimeOriginal.getBytes(StandardCharsets.US_ASCII)));
        if (e.userComment != null) {
            byte[] text = e.userComment.getBytes(StandardCharsets.UTF_16LE);
            exif.add(new Tag(0x9286, 7, 8 + text.length, concat("UNICODE\0".getBytes(StandardCharsets.ISO_8859_1), text)));
        }
        if (e.gps != null) {
            gps.add(new Tag(0x0001, 2, 2, new byte[]{'N', 0}));
            gps.add(new Tag(0x0002, 5, 3, rational(e.gps[0])));
            gps.add(new Tag(0x0003, 2, 2, new byte[]{'E', 0}));
            gps.add(new Tag(0x0004, 5, 3, rational(e.gps[1])));
        }
        // Layout: header(8) | IFD0 | IFD0 data | EXIF IFD | its data | GPS IFD | its data
        int ifd0Count = ifd0.size() + (exif.isEmpty() ? 0 : 1) + (gps.isEmpty() ? 0 : 1);
        int ifd0Start = 8;
        int ifd0Size = 2 + 12 * ifd0Count + 4 + dataSize(ifd0);
        int exifStart = ifd0Start + ifd0Size;
        int exifSize = exif.isEmpty() ? 0 : 2 + 12 * exif.size() + 4 + dataSize(exif);
        int gpsStart = exifStart + exifSize;
        if (!exif.isEmpty()) ifd0.add(new Tag(0x8769, 4, 1, le32(exifStart)));
        if (!gps.isEmpty()) ifd0.add(new Tag(0x8825, 4, 1, le32(gpsStart)));
        int ifd1Start = gpsStart + (gps.isEmpty() ? 0 : 2 + 12 * gps.size() + 4 + dataSize(gps));
        // IFD1: Compression = 6 (JPEG), JPEGInterchangeFormat, JPEGInterchangeFormatLength, then the thumbnail.
        int thumbStart = ifd1Start + 2 + 12 * 3 + 4;
        int total = e.thumbnail == null ? ifd1Start : thumbStart + e.thumbnail.length;
        ByteBuffer b = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        writeIfd(b, ifd0Start, ifd0, e.thumbnail == null ? 0 : ifd1Start);
        if (!exif.isEmpty()) writeIfd(b, exifStart, exif, 0);
        if (!gps.isEmpty()) writeIfd(b, gpsStart, gps, 0);
        if (e.thumbnail != null) {
            List<Tag> ifd1 = new ArrayList<>(List.of(new Tag(0x0103, 3, 1, new byte[]{6, 0}),
                    new Tag(0x0201, 4, 1, le32(thumbStart)), new Tag(0x0202, 4, 1, le32(e.thumbnail.length))));
            writeIfd(b, ifd1Start, ifd1, 0);
            b.position(thumbStart);
            b.put(e.thumbnail);
        }
        return b.array();
    }

    private static int dataSize(List<Tag> tags) {
        int n = 0;
        for (Tag t : tags) if (t.value().length > 4) n += t.value().length + (t.value().length % 2);
        return n;
    }

    private static void writeIfd(ByteBuffer b, int start, List<Tag> tags, int next) {
        tags.sort(Comparator.comparingInt(Tag::tag));
        b.position(start);
        b.putShort((short) tags.size());
        int data = start + 2 + 12 * tags.size() + 4;
        for (Tag t : tags) {
            b.putShort((short) t.tag()).putShort((short) t.type()).putInt(t.count());
            if (t.value().length <= 4) {
                byte[] v = new byte[4];
                System.arraycopy(t.value(), 0, v, 0, t.value().length);
                b.put(v);
            } else {
                b.putInt(data);
                int here = b.position();
                b.position(data);
                b.put(t.value());
                data += t.value().length + (t.value().length % 2);
                b.position(here);
            }
        }
        b.putInt(next);
    }

    private static Tag ascii(int tag, byte[] text) {
        byte[] v = new byte[text.length + 1];
        System.arraycopy(text, 0, v, 0, text.length);
        return new Tag(tag, 2, v.length, v);
    }

    private static Tag xp(int tag, String s) {
        byte[] t = (s + "\0").getBytes(StandardCharsets.UTF_16LE);
        return new Tag(tag, 1, t.length, t);
    }

    private static byte[] le32(int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
    }

    private static byte[] rational(double deg) {
        ByteBuffer b = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        int d = (int) deg;
        int m = (int) ((deg - d) * 60);
        int s = (int) Math.round(((deg - d) * 60 - m) * 60 * 100);
        b.putInt(d).putInt(1).putInt(m).putInt(1).putInt(s).putInt(100);
        return b.array();
    }
}
