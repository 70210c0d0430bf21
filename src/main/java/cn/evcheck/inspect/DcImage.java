package cn.evcheck.inspect;

import cn.evcheck.util.Limits;

/**
 * The 1/8-scale grey image of a JPEG read from the DC coefficients of its luminance blocks alone: one
 * pixel per 8×8 block of the first component, the block's mean (DC · Q0 / 8 + 128, clamped to 0–255) —
 * 500×375 for a 4000×3000 photo. The entropy-coded data is decoded only as far as needed to find each
 * DC coefficient: AC coefficients are Huffman-decoded to be skipped, never dequantised, and there is
 * no IDCT, no upsampling and no colour conversion. That saves less than one might hope — the Huffman
 * decoding of every AC coefficient is most of a decoder's work — about 0.8× the CPU of the subsampled
 * ImageIO decode on camera photos (README, Benchmark). The perceptual hash of a photo without a
 * trusted EXIF thumbnail is taken from it ({@link #phash}).
 *
 * <p>Read: baseline and extended sequential Huffman JPEGs (SOF0, SOF1) of 8-bit samples with 1 or 3
 * components (YCbCr; any sampling factors), interleaved or one scan per component (the luminance
 * scan is decoded, scans before it skipped; no test file has this layout: ImageIO cannot write it), with restart
 * intervals, several and redefined quantisation and Huffman tables, 8- or 16-bit quantisation tables,
 * byte stuffing and fill bytes. Anything else — progressive, arithmetic-coded, lossless, 12-bit, CMYK,
 * an Adobe RGB (untransformed) JPEG, corrupt or truncated entropy data — is null, and the caller
 * decodes the image instead. The work is bounded by the data: decoding stops at the end of the scan's
 * bytes, and the image is allocated only for a frame within {@link Limits#MAX_PIXELS}.
 *
 * <p>Like the subsampled decode and the thumbnail, the image is the stored one: the EXIF orientation is
 * not applied. Thread-safe (each call holds its own state).
 */
public final class DcImage {
    /** Width and height in blocks; luminance values row by row, 0–255 (fractional). */
    public final int width;
    public final int height;
    public final double[] grey;
    /** A one-component (greyscale) JPEG. */
    public final boolean greyscale;

    private DcImage(int width, int height, double[] grey, boolean greyscale) {
        this.width = width;
        this.height = height;
        this.grey = grey;
        this.greyscale = greyscale;
    }

    /**
     * The short side, in blocks, below which the DC image is too coarse to hash: the subsampled decode keeps
     * about 64 px ({@link JpegInspector#decodeHash}); a photo under 512 px on its short side is left to it
     * (and cheap to decode). Without this limit, 50 %-resized copies of real photos (DcHashBenchmark)
     * matched their original 229 times of 238, against 237 by the decode's hash.
     */
    static final int MIN_SIDE = 64;

    /**
     * The pHash ({@link Pixels#phash(double[], int, int)}) of a JPEG's DC image, or null when it cannot be
     * read here or is smaller than {@link #MIN_SIDE} blocks on its short side. A greyscale JPEG's values
     * first go through the mapping {@link Pixels#phash(java.awt.image.BufferedImage)} applies to ImageIO's
     * decode of one ({@code TYPE_BYTE_GRAY}, read through {@code getRGB}: its linear grey turned into
     * sRGB, 64 → 137), so that both paths hash such a photo alike.
     */
    public static Long phash(byte[] jpeg) {
        Pixels.Frame f = Pixels.frame(jpeg, jpeg.length);
        if (f == null || Math.min(f.width(), f.height()) < 8 * MIN_SIDE) return null;   // not decoded in vain
        DcImage img = read(jpeg);
        if (img == null || Math.min(img.width, img.height) < MIN_SIDE) return null;
        double[] v = img.grey;
        if (img.greyscale) {
            v = new double[v.length];
            for (int i = 0; i < v.length; i++) {
                double g = img.grey[i];
                int lo = Math.min(254, (int) g);
                v[i] = GREY_AS_RGB[lo] + (g - lo) * (GREY_AS_RGB[lo + 1] - GREY_AS_RGB[lo]);
            }
        }
        return Pixels.phash(v, img.width, img.height);
    }

    /** What {@code getRGB} makes of each grey level of a {@code TYPE_BYTE_GRAY} image (its red, green and blue are equal). */
    private static final int[] GREY_AS_RGB = new int[256];

    static {
        java.awt.image.BufferedImage g = new java.awt.image.BufferedImage(256, 1, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        for (int i = 0; i < 256; i++) g.getRaster().setSample(i, 0, 0, i);
        for (int i = 0; i < 256; i++) {
            int rgb = g.getRGB(i, 0);
            GREY_AS_RGB[i] = (int) Math.round(0.299 * ((rgb >> 16) & 0xFF) + 0.587 * ((rgb >> 8) & 0xFF) + 0.114 * (rgb & 0xFF));
        }
    }

    /** The DC image of a JPEG, or null when it is not one this class reads (see the class note). Never throws. */
    public static DcImage read(byte[] jpeg) {
        try {
            return new Parser(jpeg).parse();
        } catch (Corrupt | RuntimeException e) {
            return null;
        }
    }

    /** The data cannot be read here; the caller falls back. */
    private static final class Corrupt extends Exception {
        Corrupt() {
            super(null, null, false, false);
        }
    }

    private static final Corrupt CORRUPT = new Corrupt();

    /**
     * A Huffman table: a {@link #LOOKUP}-bit lookup for short codes, then the canonical limits per length;
     * for an AC table also {@link #skip}, which for a short code and its extra bits together gives how
     * far to skip in one step.
     */
    private static final class Huffman {
        static final int LOOKUP = 10;
        static final int MASK = (1 << LOOKUP) - 1;
        /** Per LOOKUP-bit prefix: code length << 8 | symbol, or 0 when the code is longer. */
        final int[] fast = new int[1 << LOOKUP];
        /**
         * Per LOOKUP-bit prefix of AC data: (coefficients advanced) << 5 | bits consumed, when the code and
         * its extra bits fit in the prefix (advance 64 at end of block, 16 for a run of sixteen zeros), else 0.
         */
        final int[] skip = new int[1 << LOOKUP];
        /** For each length 1–16: the codes of that length are below maxCode; valOffset + code indexes values. */
        final int[] maxCode = new int[18];
        final int[] valOffset = new int[17];
        final byte[] values;

        Huffman(int[] counts, byte[] values) throws Corrupt {
            this.values = values;
            int code = 0, k = 0;
            for (int len = 1; len <= 16; len++) {
                valOffset[len] = k - code;
                int n = counts[len];
                if (code + n > (1 << len)) throw CORRUPT;   // more codes than the length allows
                for (int i = 0; i < n; i++, k++, code++) {
                    if (len > LOOKUP) continue;
                    int shift = LOOKUP - len;
                    int first = code << shift;
                    int sym = values[k] & 0xFF;
                    int r = sym >> 4, size = sym & 15;
                    for (int j = 0; j < (1 << shift); j++) {
                        fast[first + j] = len << 8 | sym;
                        if (len + size <= LOOKUP) {
                            int advance = size != 0 ? r + 1 : r == 15 ? 16 : 64;
                            skip[first + j] = advance << 5 | (len + size);
                        }
                    }
                }
                maxCode[len] = code;
                code <<= 1;
            }
            maxCode[17] = Integer.MAX_VALUE;
        }
    }

    private static final class Parser {
        private final byte[] b;
        private final int n;
        private int pos;

        private final int[][] quant = new int[4][];
        private final Huffman[] dcTables = new Huffman[4];
        private final Huffman[] acTables = new Huffman[4];
        private int restartInterval;
        /** The Adobe APP14 colour transform, -1 without one. */
        private int adobeTransform = -1;
        /** Three components named R, G, B. */
        private boolean namedRgb;

        // Frame
        private int width, height, comps;
        private final int[] compId = new int[4], hs = new int[4], vs = new int[4], tq = new int[4];
        private int hMax, vMax;

        // Bit reader
        private long bits;
        private int bitCount;
        /** Bits appended to {@link #bits} past the scan's data (after a marker or the end): using them is corruption. */
        private int padBits;

        Parser(byte[] b) {
            this.b = b;
            this.n = b.length;
        }

        private int u16(int at) throws Corrupt {
            if (at + 1 >= n) throw CORRUPT;
            return (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
        }

        DcImage parse() throws Corrupt {
            if (n < 4 || (b[0] & 0xFF) != 0xFF || (b[1] & 0xFF) != 0xD8) return null;
            pos = 2;
            boolean frameSeen = false;
            while (true) {
                if (pos >= n || (b[pos] & 0xFF) != 0xFF) return null;
                while (pos < n && (b[pos] & 0xFF) == 0xFF) pos++;   // fill bytes
                if (pos >= n) return null;
                int marker = b[pos++] & 0xFF;
                if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) continue;
                if (marker == 0xD9) return null;   // end of image before the luminance scan
                int len = u16(pos);
                if (len < 2 || pos + len > n) return null;
                int s = pos + 2, e = pos + len;
                switch (marker) {
                    case 0xC0, 0xC1 -> {
                        if (frameSeen) return null;
                        if (!frame(s, e)) return null;
                        frameSeen = true;
                    }
                    case 0xC4 -> huffman(s, e);
                    case 0xDB -> quantisation(s, e);
                    case 0xDD -> {
                        if (len != 4) return null;
                        restartInterval = u16(s);
                    }
                    case 0xEE -> adobe(s, e);
                    case 0xDA -> {
                        // Three components untransformed (Adobe transform 0, or named R, G, B without an Adobe
                        // segment) are RGB samples: the first is not luminance.
                        if (!frameSeen) return null;
                        if (comps == 3 && (adobeTransform == 0 || (adobeTransform < 0 && namedRgb))) return null;
                        pos = e;
                        DcImage img = scan(s, e);
                        if (img != null) return img;
                        if (!skipEntropyData()) return null;
                        continue;
                    }
                    default -> {
                        // Any other frame type (progressive, lossless, arithmetic, hierarchical) is not read here.
                        if (marker >= 0xC2 && marker <= 0xCF && marker != 0xC4 && marker != 0xCC) return null;
                        if (marker == 0xCC || marker == 0xDC || marker == 0xDE || marker == 0xDF) return null;
                    }
                }
                pos = e;
            }
        }

        private boolean frame(int s, int e) throws Corrupt {
            if (e - s < 6) return false;
            int precision = b[s] & 0xFF;
            height = u16(s + 1);
            width = u16(s + 3);
            comps = b[s + 5] & 0xFF;
            if (precision != 8 || width == 0 || height == 0) return false;   // height 0: a DNL marker, not read here
            if (comps != 1 && comps != 3) return false;
            if ((long) width * height > Limits.MAX_PIXELS) return false;
            if (e - s < 6 + 3 * comps) return false;
            for (int c = 0; c < comps; c++) {
                int at = s + 6 + 3 * c;
                compId[c] = b[at] & 0xFF;
                hs[c] = (b[at + 1] & 0xFF) >> 4;
                vs[c] = b[at + 1] & 0x0F;
                tq[c] = b[at + 2] & 0xFF;
                if (hs[c] < 1 || hs[c] > 4 || vs[c] < 1 || vs[c] > 4 || tq[c] > 3) return false;
                hMax = Math.max(hMax, hs[c]);
                vMax = Math.max(vMax, vs[c]);
            }
            namedRgb = comps == 3 && compId[0] == 'R' && compId[1] == 'G' && compId[2] == 'B';
            return true;
        }

        /** APP14 "Adobe": its colour transform (0 on three components: RGB samples). */
        private void adobe(int s, int e) {
            if (e - s >= 12 && b[s] == 'A' && b[s + 1] == 'd' && b[s + 2] == 'o' && b[s + 3] == 'b' && b[s + 4] == 'e') {
                adobeTransform = b[s + 11] & 0xFF;
            }
        }

        private void quantisation(int s, int e) throws Corrupt {
            int at = s;
            while (at < e) {
                int pq = (b[at] & 0xFF) >> 4, id = b[at] & 0x0F;
                at++;
                if (pq > 1 || id > 3) throw CORRUPT;
                int size = pq == 0 ? 64 : 128;
                if (at + size > e) throw CORRUPT;
                int[] q = new int[64];
                for (int k = 0; k < 64; k++) q[k] = pq == 0 ? b[at + k] & 0xFF : u16(at + 2 * k);
                quant[id] = q;
                at += size;
            }
        }

        private void huffman(int s, int e) throws Corrupt {
            int at = s;
            while (at < e) {
                int tc = (b[at] & 0xFF) >> 4, th = b[at] & 0x0F;
                if (tc > 1 || th > 3 || at + 17 > e) throw CORRUPT;
                int[] counts = new int[17];
                int total = 0;
                for (int i = 1; i <= 16; i++) {
                    counts[i] = b[at + i] & 0xFF;
                    total += counts[i];
                }
                at += 17;
                if (total > 256 || at + total > e) throw CORRUPT;
                byte[] values = java.util.Arrays.copyOfRange(b, at, at + total);
                at += total;
                (tc == 0 ? dcTables : acTables)[th] = new Huffman(counts, values);
            }
        }

        /**
         * Decodes a scan when it holds the first component; null when it does not (the caller skips it).
         * {@link #pos} is at the start of the entropy-coded data.
         */
        private DcImage scan(int s, int e) throws Corrupt {
            int ns = b[s] & 0xFF;
            if (ns < 1 || ns > comps || e - s != 1 + 2 * ns + 3) throw CORRUPT;
            int[] sc = new int[ns];
            Huffman[] dc = new Huffman[ns], ac = new Huffman[ns];
            int lumaAt = -1;
            for (int i = 0; i < ns; i++) {
                int id = b[s + 1 + 2 * i] & 0xFF, t = b[s + 2 + 2 * i] & 0xFF;
                int c = -1;
                for (int k = 0; k < comps; k++) if (compId[k] == id) c = k;
                if (c < 0) throw CORRUPT;
                sc[i] = c;
                dc[i] = dcTables[t >> 4 & 3];
                ac[i] = acTables[t & 3];
                if ((t >> 4) > 3 || (t & 15) > 3 || dc[i] == null || ac[i] == null) throw CORRUPT;
                if (c == 0) lumaAt = i;
            }
            int at = s + 1 + 2 * ns;
            int ss = b[at] & 0xFF, se = b[at + 1] & 0xFF, ah = b[at + 2] & 0xFF;
            if (ss != 0 || se != 63 || ah != 0) throw CORRUPT;   // not sequential
            if (lumaAt < 0) return null;
            int[] q = quant[tq[0]];
            if (q == null) throw CORRUPT;
            double q0 = q[0] / 8.0;

            // The luminance image in blocks: the component's own size, not the MCU padding.
            int compW = (int) Math.ceil((double) width * hs[0] / hMax);
            int compH = (int) Math.ceil((double) height * vs[0] / vMax);
            int bw = (compW + 7) / 8, bh = (compH + 7) / 8;

            int mcusX, mcusY;
            int[] bh_ = new int[ns], bv_ = new int[ns];
            if (ns == 1) {
                mcusX = bw;
                mcusY = bh;
                bh_[0] = 1;
                bv_[0] = 1;
            } else {
                mcusX = (width + 8 * hMax - 1) / (8 * hMax);
                mcusY = (height + 8 * vMax - 1) / (8 * vMax);
                for (int i = 0; i < ns; i++) {
                    bh_[i] = hs[sc[i]];
                    bv_[i] = vs[sc[i]];
                }
            }
            // Each block takes at least two bits (a DC and an end-of-block code): more blocks than the
            // remaining data can hold is a truncated or hostile file, refused before anything is allocated.
            long blocks = 0;
            for (int i = 0; i < ns; i++) blocks += (long) bh_[i] * bv_[i];
            if (blocks * mcusX * mcusY > 4L * (n - pos)) throw CORRUPT;
            double[] grey = new double[bw * bh];
            int[] pred = new int[ns];
            bits = 0;
            bitCount = 0;
            padBits = 0;
            long mcus = (long) mcusX * mcusY;
            int untilRestart = restartInterval;
            for (long m = 0; m < mcus; m++) {
                if (restartInterval > 0) {
                    if (untilRestart == 0) {
                        restart();
                        java.util.Arrays.fill(pred, 0);
                        untilRestart = restartInterval;
                    }
                    untilRestart--;
                }
                int mx = (int) (m % mcusX), my = (int) (m / mcusX);
                for (int i = 0; i < ns; i++) {
                    Huffman dct = dc[i], act = ac[i];
                    boolean luma = i == lumaAt;
                    for (int by = 0; by < bv_[i]; by++) {
                        for (int bx = 0; bx < bh_[i]; bx++) {
                            pred[i] += block(dct, act);
                            if (luma) {
                                int x = ns == 1 ? mx : mx * bh_[i] + bx;
                                int y = ns == 1 ? my : my * bv_[i] + by;
                                if (x < bw && y < bh) {
                                    double g = pred[i] * q0 + 128;
                                    grey[y * bw + x] = g < 0 ? 0 : g > 255 ? 255 : g;
                                }
                            }
                        }
                    }
                }
            }
            return new DcImage(bw, bh, grey, comps == 1);
        }

        /**
         * Decodes one block: its DC difference (returned) and its AC coefficients, skipped a code and its
         * extra bits at a time. The bit reader's state is held in locals here, the hot loop of the class.
         * At a marker or the end of the data one-bits are appended and counted in {@link #padBits}: a block
         * that used them ran past the scan's data (corrupt or truncated).
         */
        private int block(Huffman dct, Huffman act) throws Corrupt {
            long bits = this.bits;
            int count = this.bitCount, pos = this.pos, pad = this.padBits;
            final byte[] b = this.b;
            final int n = this.n;
            final int[] skip = act.skip;
            int diff = 0;
            int k = 0;   // 0: the DC coefficient
            while (k < 64) {
                if (count < 27) {
                    // Top up to more than 48 bits: a code and its extra bits take at most 27.
                    while (count <= 48) {
                        int v;
                        if (pad == 0 && pos < n) {
                            v = b[pos] & 0xFF;
                            if (v != 0xFF) {
                                pos++;
                            } else if (pos + 1 < n && b[pos + 1] == 0) {
                                pos += 2;   // a stuffed FF
                            } else {
                                pad = 8;   // a marker (or the end): left for the restart or the caller
                            }
                        } else {
                            v = 0xFF;
                            pad += 8;
                            if (pad > 72) throw CORRUPT;   // far past the data
                        }
                        bits = bits << 8 | v;
                        count += 8;
                    }
                }
                int peek = (int) (bits >>> (count - Huffman.LOOKUP)) & Huffman.MASK;
                if (k > 0) {
                    int step = skip[peek];
                    if (step != 0) {
                        count -= step & 31;
                        k += step >>> 5;
                        continue;
                    }
                }
                Huffman h = k == 0 ? dct : act;
                int sym;
                int f = h.fast[peek];
                if (f != 0) {
                    count -= f >> 8;
                    sym = f & 0xFF;
                } else {
                    sym = -1;
                    for (int len = Huffman.LOOKUP + 1; len <= 16; len++) {
                        int code = (int) (bits >>> (count - len)) & ((1 << len) - 1);
                        if (code < h.maxCode[len]) {
                            int idx = code + h.valOffset[len];
                            if (idx < 0 || idx >= h.values.length) throw CORRUPT;
                            count -= len;
                            sym = h.values[idx] & 0xFF;
                            break;
                        }
                    }
                    if (sym < 0) throw CORRUPT;   // no such code
                }
                if (k == 0) {
                    if (sym > 11) throw CORRUPT;
                    if (sym > 0) {
                        int v = (int) (bits >>> (count - sym)) & ((1 << sym) - 1);
                        count -= sym;
                        diff = v < (1 << (sym - 1)) ? v - (1 << sym) + 1 : v;
                    }
                    k = 1;
                } else {
                    int r = sym >> 4, size = sym & 15;
                    if (size == 0) {
                        if (r != 15) break;   // end of block
                        k += 16;
                    } else {
                        if (size > 10) throw CORRUPT;
                        count -= size;
                        k += r + 1;
                    }
                }
            }
            if (count < pad) throw CORRUPT;   // ran past the scan's data
            this.bits = bits;
            this.bitCount = count;
            this.pos = pos;
            this.padBits = pad;
            return diff;
        }

        /** At a restart interval's end: drop the buffered bits, expect RSTn (after fill bytes), go on after it. */
        private void restart() throws Corrupt {
            bits = 0;
            bitCount = 0;
            padBits = 0;
            // Bytes left before the marker would be data the interval did not use: tolerated, as decoders do.
            while (pos < n) {
                if ((b[pos] & 0xFF) == 0xFF) {
                    int p = pos + 1;
                    while (p < n && (b[p] & 0xFF) == 0xFF) p++;
                    if (p >= n) throw CORRUPT;
                    int m = b[p] & 0xFF;
                    if (m == 0x00) {
                        pos = p + 1;
                        continue;
                    }
                    if (m >= 0xD0 && m <= 0xD7) {
                        pos = p + 1;
                        return;
                    }
                    throw CORRUPT;   // another marker where a restart was due
                }
                pos++;
            }
            throw CORRUPT;
        }

        /** Moves {@link #pos} past a scan's entropy-coded data to its next marker (not RSTn). */
        private boolean skipEntropyData() {
            while (pos + 1 < n) {
                if ((b[pos] & 0xFF) == 0xFF) {
                    int m = b[pos + 1] & 0xFF;
                    if (m != 0x00 && m != 0xFF && (m < 0xD0 || m > 0xD7)) return true;
                    pos += m == 0xFF ? 1 : 2;
                } else {
                    pos++;
                }
            }
            return false;
        }
    }
}
