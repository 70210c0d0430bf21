package cn.evcheck.inspect;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.io.InputStream;

/**
 * Whole-image JPEG decoding by libjpeg-turbo's TurboJPEG API (Debian: libturbojpeg0; Ubuntu, UOS:
 * libturbojpeg), loaded with JNA, for {@link Pixels}: an EXIF thumbnail to hash, a scanned page at
 * full size. The JDK's ImageIO reader decodes with the same libjpeg on Debian, but hands each row
 * to Java through JNI callbacks and copies; here the image is decoded in one call into native memory
 * and copied once into the image's array. Measured on the benchmark's 160×120 thumbnails: decode and
 * hash 200 µs against 243 µs; its 1240×1754 pages: 7.6 ms against 9.1 ms.
 *
 * <p>The same pixels as ImageIO, byte for byte: both run libjpeg's accurate integer IDCT, its fancy
 * upsampling and its YCbCr→RGB tables, and libjpeg guesses the colour space from the same markers.
 * Only JPEGs where nothing else could differ are taken: Huffman-coded (SOF0, SOF1, SOF2), grey or
 * three components with the luma sampled 1×1, 2×1 or 2×2 and the chroma 1×1, no ICC profile (ImageIO
 * would give its colour space to the image) and no Adobe marker (CMYK, YCCK, transforms). Anything
 * else, and any image libjpeg warns about (a corrupt or truncated one), returns null: the caller
 * decodes it with ImageIO as before. At first use, small JPEGs of each sampling are decoded both ways
 * and compared; on a difference (a JDK with another libjpeg) TurboJPEG is not used.
 *
 * <p>Where the library is missing (Windows, a desktop without the package) or
 * {@code EVCHECK_TURBOJPEG=off} / {@code -Devcheck.turbojpeg=off} is set, {@link #available()} is
 * false. A decoder per thread. Thread-safe.
 */
final class TurboJpeg {
    private TurboJpeg() {}

    /** The functions used, bound directly (a call costs about a tenth of one through an interface). */
    private static final class Lib {
        static native Pointer tjInitDecompress();

        static native int tjDecompress2(Pointer handle, Pointer jpegBuf, NativeLong jpegSize, Pointer dstBuf, int width,
                                        int pitch, int height, int pixelFormat, int flags);
    }

    private static final int TJPF_RGB = 0;
    private static final int TJPF_GRAY = 6;

    /**
     * Larger images are left to ImageIO: the pixels pass through native memory as large as the image
     * (an A4 page at 300 dpi is 8.7 MP, 26 MB), which ImageIO does not need.
     */
    static final long MAX_PIXELS = 16_000_000;

    /** Native buffers up to this size are kept by their thread; larger ones are freed after the decode. */
    private static final long KEEP = 1 << 20;

    private static volatile Boolean available;

    static boolean available() {
        Boolean a = available;
        if (a == null) {
            synchronized (TurboJpeg.class) {
                if (available == null) available = load() && selfTest();
                a = available;
            }
        }
        return a;
    }

    private static boolean load() {
        String off = System.getProperty("evcheck.turbojpeg", System.getenv("EVCHECK_TURBOJPEG"));
        if ("off".equalsIgnoreCase(off)) return false;
        try {
            Native.register(Lib.class, NativeLibrary.getInstance("turbojpeg"));
            return true;
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return false;   // not installed here
        }
    }

    /** The sample JPEGs ({@code turbojpeg/*.jpg}: 4:2:0, 4:2:2, 4:4:4, grey) decode here as ImageIO decodes them. */
    private static boolean selfTest() {
        for (String name : new String[]{"420", "422", "444", "grey"}) {
            try (InputStream in = TurboJpeg.class.getResourceAsStream("turbojpeg/" + name + ".jpg")) {
                if (in == null) return false;
                byte[] jpeg = in.readAllBytes();
                BufferedImage mine = decodeNative(jpeg, null);
                BufferedImage theirs = Pixels.imageIo(jpeg, 1, true);
                if (mine == null || !samePixels(mine, theirs)) return false;
            } catch (IOException | RuntimeException | LinkageError e) {
                return false;
            }
        }
        return true;
    }

    /** Same size, same layout, same bytes. */
    static boolean samePixels(BufferedImage a, BufferedImage b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight() || a.getType() != b.getType()) return false;
        if (a.getRaster().getNumBands() != b.getRaster().getNumBands()) return false;
        if (!(a.getRaster().getDataBuffer() instanceof DataBufferByte da) || !(b.getRaster().getDataBuffer() instanceof DataBufferByte db)) {
            return false;
        }
        if (Pixels.Rgb8.of(a) == null != (Pixels.Rgb8.of(b) == null)) return false;
        Pixels.Rgb8 ra = Pixels.Rgb8.of(a);
        Pixels.Rgb8 rb = Pixels.Rgb8.of(b);
        if (ra != null && (ra.r() != rb.r() || ra.g() != rb.g() || ra.b() != rb.b())) return false;
        return java.util.Arrays.equals(da.getData(), db.getData());
    }

    /**
     * {@code jpeg} decoded whole: three components as bytes R, G, B (the layout {@link Pixels} asks
     * ImageIO for), grey as {@code TYPE_BYTE_GRAY}; into {@code into} when it is an RGB image of that
     * size. Null when TurboJPEG is not available here, the JPEG is not one it is trusted with, or
     * libjpeg warned or failed. The caller has checked the frame against the limits.
     */
    static BufferedImage decode(byte[] jpeg, BufferedImage into) {
        if (!available()) return null;
        return decodeNative(jpeg, into);
    }

    private static BufferedImage decodeNative(byte[] jpeg, BufferedImage into) {
        Shape s = shape(jpeg);
        if (s == null || (long) s.width * s.height > MAX_PIXELS) return null;
        State st = STATE.get();
        if (st.handle == null) return null;
        BufferedImage img;
        if (s.grey) {
            img = new BufferedImage(s.width, s.height, BufferedImage.TYPE_BYTE_GRAY);
        } else if (into != null && into.getWidth() == s.width && into.getHeight() == s.height && Pixels.isRgbOrder(into)) {
            img = into;
        } else {
            img = Pixels.rgbOrderImage(s.width, s.height);
        }
        byte[] dst = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        int need = s.width * s.height * (s.grey ? 1 : 3);
        if (dst.length != need) return null;
        Memory src = null;
        Memory out = null;
        try {
            src = st.buffer(0, jpeg.length);
            out = st.buffer(1, need);
            src.write(0, jpeg, 0, jpeg.length);
            int r = Lib.tjDecompress2(st.handle, src, new NativeLong(jpeg.length), out, s.width, 0, s.height,
                    s.grey ? TJPF_GRAY : TJPF_RGB, 0);
            // -1 also for a warning (corrupt data, a truncated scan): ImageIO decides those, as before.
            if (r != 0) return null;
            out.read(0, dst, 0, need);
            return img;
        } catch (UnsatisfiedLinkError | RuntimeException | OutOfMemoryError e) {
            return null;   // no native memory for it (or the library failed): ImageIO decodes it
        } finally {
            if (src != null) st.release(src, 0);
            if (out != null) st.release(out, 1);
        }
    }

    /** A decoder and two kept buffers (source, pixels) per thread. */
    private static final class State {
        final Pointer handle;
        final Memory[] kept = new Memory[2];

        State() {
            Pointer h;
            try {
                h = Lib.tjInitDecompress();
            } catch (UnsatisfiedLinkError | RuntimeException e) {
                h = null;
            }
            handle = h;
        }

        /** A buffer of at least {@code size} bytes: the kept one, a larger one kept instead, or a temporary one. */
        Memory buffer(int which, long size) {
            Memory m = kept[which];
            if (m != null && m.size() >= size) return m;
            Memory fresh = new Memory(Math.max(size, 1));
            if (size <= KEEP) {
                if (m != null) m.close();
                kept[which] = fresh;
            }
            return fresh;
        }

        void release(Memory m, int which) {
            if (m != kept[which]) m.close();
        }
    }

    private static final ThreadLocal<State> STATE = ThreadLocal.withInitial(State::new);

    /** What a JPEG is, as far as choosing a decoder goes. */
    record Shape(int width, int height, boolean grey) {}

    /**
     * The size and kind of a JPEG TurboJPEG may decode (see the class comment), from its markers up to
     * the first scan; null for any other.
     */
    static Shape shape(byte[] b) {
        Shape[] frame = new Shape[1];
        boolean[] refused = new boolean[1];
        Pixels.SegmentsEnd end = Pixels.segments(b, b.length, (marker, i, len) -> {
            refused[0] = i + len > b.length
                    || marker == 0xE2 && startsWith(b, i + 2, len - 2, "ICC_PROFILE")   // ImageIO gives the image its colour space
                    || marker == 0xEE && startsWith(b, i + 2, len - 2, "Adobe")         // CMYK, YCCK, transforms
                    || Pixels.isFrame(marker) && (frame[0] != null || (frame[0] = frame(b, marker, i, len)) == null);
            return !refused[0];
        });
        return end == Pixels.SegmentsEnd.SCAN ? frame[0] : null;
    }

    /**
     * The frame header at {@code i} when TurboJPEG is trusted with it: Huffman, sequential or
     * progressive (SOF0–SOF2; not lossless, hierarchical or arithmetic), 8-bit, grey or three
     * components with the luma sampled 1×1, 2×1 or 2×2 and the chroma 1×1; else null.
     */
    private static Shape frame(byte[] b, int marker, int i, int len) {
        if (marker > 0xC2 || len < 8) return null;
        int precision = b[i + 2] & 0xFF;
        int h = ((b[i + 3] & 0xFF) << 8) | (b[i + 4] & 0xFF);
        int w = ((b[i + 5] & 0xFF) << 8) | (b[i + 6] & 0xFF);
        int comps = b[i + 7] & 0xFF;
        if (precision != 8 || w == 0 || h == 0 || len != 8 + 3 * comps || (comps != 1 && comps != 3)) return null;
        if (comps == 3) {
            int luma = b[i + 9] & 0xFF;
            if (luma != 0x11 && luma != 0x21 && luma != 0x22) return null;
            if ((b[i + 12] & 0xFF) != 0x11 || (b[i + 15] & 0xFF) != 0x11) return null;
        }
        return new Shape(w, h, comps == 1);
    }

    private static boolean startsWith(byte[] b, int at, int len, String ascii) {
        if (len < ascii.length()) return false;
        for (int k = 0; k < ascii.length(); k++) if (b[at + k] != ascii.charAt(k)) return false;
        return true;
    }
}
