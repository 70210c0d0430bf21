package cn.evcheck.inspect;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A cheap identity of a file's bytes: SHA-256 over its size, its first {@link #SPAN} bytes and its
 * last {@link #SPAN} bytes. Exact copies have equal fingerprints, and files whose fingerprints
 * differ differ; equal fingerprints are only a candidate copy (the middle was not read), which
 * {@link Inspection#confirmCopies} settles with a hash of every byte. Thread-safe.
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
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(ByteBuffer.allocate(8).putLong(size).array());
            md.update(a, aOff, aLen);
            md.update(b, bOff, bLen);
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
