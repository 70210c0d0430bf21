package cn.evcheck.util;

/**
 * The limits evcheck holds every file to, in one place (README: "Limits"). A file over one is
 * refused with a finding that names the limit; the run goes on.
 */
public final class Limits {
    private Limits() {}

    /**
     * Pixels an image may declare — a photo, a scanned page, an image inside a PDF, a thumbnail:
     * one limit for every path, checked from the header before any decode. A 2 MB phone photo has
     * about 20 MP; an A4 page scanned at 600 dpi about 35 MP.
     */
    public static final long MAX_PIXELS = 100_000_000L;

    /**
     * Bytes the native JPEG decoder may need for a progressive JPEG, which it holds as coefficients
     * for the whole image (2 bytes per sample) whatever the subsampling asked for: 14000×14000 px take
     * 1.2 GB outside the heap. Baseline JPEGs decode a few rows at a time and are not limited by this.
     */
    public static final long MAX_PROGRESSIVE_BYTES = 256L * 1024 * 1024;
}
