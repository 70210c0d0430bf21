package cn.evcheck.inspect;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;

/**
 * A cheap identity of a file's bytes: CRC-32C and CRC-32 of its size and its first {@link #HEAD_SPAN}
 * bytes, and of its size and its last {@link #TAIL_SPAN} bytes (128 bits in all). Exact copies have equal
 * fingerprints, and files whose fingerprints differ differ; equal fingerprints are only a candidate
 * copy (the middle was not read, and a CRC is no proof), which {@link Inspection#confirmCopies}
 * settles with a SHA-256 of every byte. Thread-safe.
 *
 * <p>Not a SHA-256 of the ends, as it was: the JVM computes CRCs with the processor's own
 * instructions in every compiler tier, a SHA-256 only in the optimising one, which the launchers
 * leave off (a check is too short to repay it). Under the quick compiler a SHA-256 of the two ends
 * took 2.4 ms a photo, more than half of a cold check's CPU; the CRCs take 0.01 ms.
 */
public final class Fingerprint {
    private Fingerprint() {}

    /**
     * How many bytes of the start are hashed: what a photo's header-first read holds anyway (its
     * metadata, and the first of its compressed pixels when the metadata is shorter).
     */
    public static final int HEAD_SPAN = 16 * 1024;
    /**
     * How many bytes of the end are hashed: the last of the compressed pixels. The spans were 64 KiB
     * each: a header-first read fetches the tail only for this and the end-of-image marker, and the
     * head is mostly shorter than 64 KiB; what the spans asked for beyond that was most of the bytes a
     * cold check read, copied out of the page cache at a cost measured in seconds over 10,000 photos.
     * Two photos of one size that differ only between their first 16 KiB and last 4 KiB are as
     * unlikely as they were; either way equal fingerprints are settled by a SHA-256.
     */
    public static final int TAIL_SPAN = 4 * 1024;

    /** Of a file held whole. */
    public static String of(byte[] whole) {
        int n = whole.length;
        return of(n, whole, 0, Math.min(n, HEAD_SPAN), whole, Math.max(0, n - TAIL_SPAN), Math.min(n, TAIL_SPAN));
    }

    /**
     * Of a file of {@code size} bytes, given at least its first {@link #HEAD_SPAN} bytes ({@code head}, or
     * all of them when shorter) and at least its last {@code min(size, TAIL_SPAN)} bytes ({@code tail}).
     */
    public static String of(long size, byte[] head, byte[] tail) {
        int h = (int) Math.min(size, HEAD_SPAN);
        int t = (int) Math.min(size, TAIL_SPAN);
        return of(size, head, 0, h, tail, tail.length - t, t);
    }

    private static String of(long size, byte[] a, int aOff, int aLen, byte[] b, int bOff, int bLen) {
        byte[] length = ByteBuffer.allocate(8).putLong(size).array();
        ByteBuffer out = ByteBuffer.allocate(16);
        for (int end = 0; end < 2; end++) {
            for (Checksum c : new Checksum[]{new CRC32C(), new CRC32()}) {
                c.update(length, 0, length.length);
                if (end == 0) c.update(a, aOff, aLen);
                else c.update(b, bOff, bLen);
                out.putInt((int) c.getValue());
            }
        }
        return HexFormat.of().formatHex(out.array());
    }
}
