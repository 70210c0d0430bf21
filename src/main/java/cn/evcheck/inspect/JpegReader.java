package cn.evcheck.inspect;

import cn.evcheck.scan.FileEntry;
import cn.evcheck.scan.FileType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.util.Arrays;

/**
 * JPEG: structure and metadata ({@link JpegInspector}), a perceptual hash when the photo counts,
 * and, for a scanned page, what {@link DocInspector} sees on it. A JPEG too large to hold is
 * judged from its first MiB.
 *
 * <p>A photo (not a document scan) is read header first: its head ({@link #HEAD} bytes, grown as far
 * as the segments before the start of scan reach, up to {@link #MAX_HEAD}) and its tail
 * ({@link Fingerprint#TAIL_SPAN} bytes), not every byte:
 * <ul>
 * <li>metadata, frame size and the EXIF thumbnail come from the head;</li>
 * <li>the end-of-image rule is the one {@link JpegInspector#structure} applies to the whole file — sound
 *     when an FF D9 pair occurs anywhere after the start of scan, so data cameras append after the
 *     image (MPF pictures, Samsung trailers, motion-photo videos) is accepted as before — decided from
 *     the tail when it holds FF D9 (the usual case: the file ends with the marker, or with an
 *     appended picture ending with one); when the tail has none, the {@link #WIDE_TAIL} bytes before it
 *     are read (data appended after the image, a video say, often holds the pair by chance), and only
 *     when they have none either are the bytes between head and tail read (streamed, not held) to look
 *     for it there. A file is "truncated" exactly when the
 *     whole-file rule says so: no FF D9 after the start of scan;</li>
 * <li>the perceptual hash is that of the EXIF thumbnail ({@link Thumbnail}); a photo without a
 *     trusted thumbnail is read whole and hashed from its DC coefficients ({@link DcImage}), or, when
 *     that cannot read it, decoded subsampled, as before;</li>
 * <li>the exact-copy identity is the {@link Fingerprint} of head and tail; copies whose fingerprints
 *     collide get a hash of every byte afterwards ({@link Inspection#confirmCopies}).</li>
 * </ul>
 * Files up to {@link #MAX_HEAD} bytes, and every document scan, are read whole.
 */
final class JpegReader implements FormatReader {
    /**
     * The head read first: the segments before the start of scan of half of camera JPEGs fit in it (of
     * metadata-extractor's 276 camera and phone JPEGs: half within 11 KB, three quarters within 22 KB,
     * nine tenths within 38 KB); a longer one is grown to the segment the walk stopped before.
     */
    static final int HEAD = Fingerprint.HEAD_SPAN;
    /** Bytes read beyond the end of the segment a head was too short for (the small segments after a long APP1). */
    static final int GROW = 8 * 1024;

    /** The longest head read before giving up on header-first and reading the file whole. */
    static final int MAX_HEAD = 256 * 1024;

    @Override
    public boolean reads(FileEntry f, Inspector.Needs needs) {
        return f.type() == FileType.JPEG;
    }

    @Override
    public Facts read(FileEntry f, Inspector.Needs needs) throws IOException {
        if (f.size() <= Inspector.MAX_FILE_BYTES) {
            if (!needs.docScan() && f.size() > MAX_HEAD) {
                PhotoFacts pf = headFirst(f, needs.photoHash());
                if (pf != null) return Facts.photo(f, pf, null);
            }
            byte[] b = f.readAll(Inspector.MAX_FILE_BYTES);
            PhotoFacts pf = JpegInspector.inspect(b, true, needs.photoHash());
            DocFacts doc = null;
            if (needs.docScan()) {
                doc = pf.problem() != null ? DocFacts.failed("unparseable", pf.problem())
                        : DocInspector.jpeg(b, pf.width(), pf.height(), true, needs.marks());
            }
            return Facts.photo(f, pf, doc);
        }
        try (InputStream in = f.open()) {
            byte[] head = in.readNBytes(1024 * 1024);
            PhotoFacts pf = JpegInspector.inspect(head, false, false);
            return Facts.photo(f, pf, needs.docScan()
                    ? DocFacts.failed("too_complex", "larger than " + Inspector.MAX_FILE_BYTES + " bytes") : null);
        }
    }

    /**
     * The facts of a photo read header first, or null when its head is longer than {@link #MAX_HEAD}
     * (the caller reads it whole). Reads the whole file only for the fallback hash.
     */
    static PhotoFacts headFirst(FileEntry f, boolean wantHash) throws IOException {
        try (SeekableByteChannel ch = f.channel()) {
            return headFirst(ch, f.size(), wantHash);
        }
    }

    static PhotoFacts headFirst(SeekableByteChannel ch, long size, boolean wantHash) throws IOException {
        byte[] head = readAt(ch, 0, (int) Math.min(size, HEAD));
        int[] dims = new int[2];
        int[] at = new int[1];
        String problem = JpegInspector.walk(head, head.length == size, dims, at);
        int limit = (int) Math.min(size, MAX_HEAD);
        while (problem == JpegInspector.MORE && head.length < limit) {
            // Grown to the segment the walk stopped before, and GROW more for the segments after it (at least
            // GROW a time: at most 32 reads to MAX_HEAD).
            int want = (int) Math.min(limit, Math.max((long) at[0], head.length) + GROW);
            byte[] more = readAt(ch, head.length, want - head.length);
            byte[] grown = Arrays.copyOf(head, want);
            System.arraycopy(more, 0, grown, head.length, more.length);
            head = grown;
            problem = JpegInspector.walk(head, head.length == size, dims, at);
        }
        if (problem == JpegInspector.MORE && head.length < size) return null;
        if (problem == JpegInspector.MORE) problem = "truncated";
        int tailLen = (int) Math.min(size - head.length, Fingerprint.TAIL_SPAN);
        byte[] tail = readAt(ch, size - tailLen, tailLen);
        byte[] fpTail = tailLen >= Math.min(size, Fingerprint.TAIL_SPAN) ? tail : lastBytes(head, tail, size);
        String fingerprint = Fingerprint.of(size, head, fpTail);
        if (problem == null && !hasEoi(ch, size, head, at[0], tail)) problem = "truncated";
        PhotoFacts pf = JpegInspector.inspectHead(head, problem, dims, fingerprint, wantHash);
        if (wantHash && pf.phash() == null && pf.problem() == null && !pf.tooComplex()) {
            // No trusted thumbnail: hash a decode of the image, as a whole-file read does.
            byte[] b = readAt(ch, 0, (int) size);
            try {
                return pf.withHash(null, JpegInspector.decodeHash(b, dims[0], dims[1]));
            } catch (IOException | RuntimeException e) {
                return pf.withHash("undecodable", null);
            }
        }
        return pf;
    }

    /** The last min(size, SPAN) bytes of a file whose head and (shorter) tail are held. */
    private static byte[] lastBytes(byte[] head, byte[] tail, long size) {
        int want = (int) Math.min(size, Fingerprint.TAIL_SPAN);
        byte[] out = new byte[want];
        int fromHead = want - tail.length;
        System.arraycopy(head, head.length - fromHead, out, 0, fromHead);
        System.arraycopy(tail, 0, out, fromHead, tail.length);
        return out;
    }

    /**
     * Whether FF D9 occurs at or after {@code from} (a position in the head) in the file: in the tail,
     * then in the head, then in the {@link #WIDE_TAIL} bytes before the tail (one read), then, streaming,
     * in the bytes between (each boundary's pair included).
     */
    static boolean hasEoi(SeekableByteChannel ch, long size, byte[] head, int from, byte[] tail) throws IOException {
        long tailStart = size - tail.length;
        // The tail first, from its end, where a whole JPEG's marker is.
        if (JpegInspector.lastIndexOfEoi(tail, (int) Math.max(0, from - tailStart), tail.length) >= 0) return true;
        if (JpegInspector.lastIndexOfEoi(head, from, head.length) >= 0) return true;
        // The middle, from the head's last byte to the tail's first, so pairs across the boundaries count:
        // its last WIDE_TAIL bytes first, then the rest up to them (overlapping by a byte).
        long pos = Math.max(head.length - 1, from);
        long end = Math.min(size, tailStart + 1);
        if (pos >= end) return false;
        long wide = Math.max(pos, end - WIDE_TAIL);
        if (hasPair(ch, wide, end)) return true;
        return wide > pos && hasPair(ch, pos, wide + 1);
    }

    /** How many bytes before the tail are read at once when neither the tail nor the head holds FF D9. */
    static final int WIDE_TAIL = 64 * 1024;

    /** Whether an FF D9 pair lies within the bytes from {@code pos} to {@code end} (streamed, not held). */
    private static boolean hasPair(SeekableByteChannel ch, long pos, long end) throws IOException {
        int prev = -1;
        ByteBuffer buf = ByteBuffer.allocate((int) Math.min(64 * 1024, end - pos));
        ch.position(pos);
        while (pos < end) {
            buf.clear();
            buf.limit((int) Math.min(buf.capacity(), end - pos));
            int r = ch.read(buf);
            if (r < 0) break;
            byte[] a = buf.array();
            for (int k = 0; k < r; k++) {
                int c = a[k] & 0xFF;
                if (prev == 0xFF && c == 0xD9) return true;
                prev = c;
            }
            pos += r;
        }
        return false;
    }

    private static byte[] readAt(SeekableByteChannel ch, long pos, int len) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(len);
        ch.position(pos);
        while (buf.hasRemaining()) {
            if (ch.read(buf) < 0) throw new IOException("the file ended at " + (pos + buf.position()) + " of " + (pos + len) + " bytes");
        }
        return buf.array();
    }

    @Override
    public long heapMb(FileEntry f, Inspector.Needs needs) {
        // The bytes twice (file and decoder), plus a page decoded 1600 px wide for a scan.
        return (needs.docScan() ? 48 : needs.photoHash() ? 8 : 2) + 2 * f.size() / (1024 * 1024);
    }
}
