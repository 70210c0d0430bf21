package cn.evcheck.inspect;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;

/**
 * A cheap identity of a file's bytes: CRC-32C and CRC-32 of its size and its first {@link #SPAN}
 * bytes, and of its size and its last {@link #SPAN} bytes (128 bits in all). Exact copies have equal
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

    /** How many bytes of each end are hashed. */
    public static final int SPAN = 64 * 1024;

    /** Of a file held whole. */
    public static String of(byte[] whole) {
        int n = whole.length;
        return of(n, whole, 0, Math.min(n, SPAN), whole, Math.max(0, n - SPAN), Math.min(n, SPAN));
    }

    /**
     * Of a file of {@code size} bytes, given at least its first {@link #SPAN} bytes ({@code head}, or all
     * of them when shorter) and its last {@code min(size, SPAN)} bytes ({@code tail}).
     */
    public static String of(long size, byte[] head, byte[] tail) {
        int h = (int) Math.min(size, SPAN);
        return of(size, head, 0, h, tail, tail.length - h, h);
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
