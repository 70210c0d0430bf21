package cn.evcheck.inspect;

import java.time.LocalDateTime;
import java.util.List;

/**
 * What the inspector learnt about one JPEG: headers and metadata always; a perceptual hash
 * from a subsampled decode only when the photo is counted as evidence.
 *
 * @param problem   null when the JPEG is sound, else why it is corrupt (English key)
 * @param tooComplex the header declares more pixels than evcheck will decode (a bomb)
 * @param captions  caption texts by source, in reading order, trivial ones already dropped
 * @param exifDate  EXIF DateTimeOriginal, or null when absent or unparseable
 * @param sha256    of the file's bytes, when its {@code fingerprint} collides with another photo's
 *                  ({@link Inspection#confirmCopies}); else null
 * @param phash     64-bit DCT hash of the EXIF thumbnail or of a small decode, or null when not computed
 * @param fingerprint a cheap identity of the bytes ({@link Fingerprint}: CRCs of size, first and last 64 KiB):
 *                  equal for exact copies, and when it differs the bytes differ; null when not read
 */
public record PhotoFacts(int width, int height, String problem, boolean tooComplex, List<Caption> captions,
                         LocalDateTime exifDate, boolean gps, String sha256, Long phash, String fingerprint) {
    public record Caption(String source, String text) {}

    /** {@code problem} of a progressive JPEG refused ({@code tooComplex}) for its decoder's memory. */
    public static final String PROGRESSIVE = "progressive";

    public PhotoFacts {
        captions = List.copyOf(captions);
    }

    /** Facts without a fingerprint (tests, prefixes). */
    public PhotoFacts(int width, int height, String problem, boolean tooComplex, List<Caption> captions,
                      LocalDateTime exifDate, boolean gps, String sha256, Long phash) {
        this(width, height, problem, tooComplex, captions, exifDate, gps, sha256, phash, null);
    }

    PhotoFacts withSha256(String sha) {
        return new PhotoFacts(width, height, problem, tooComplex, captions, exifDate, gps, sha, phash, fingerprint);
    }

    PhotoFacts withHash(String problem, Long phash) {
        return new PhotoFacts(width, height, problem, tooComplex, captions, exifDate, gps, sha256, phash, fingerprint);
    }
}
