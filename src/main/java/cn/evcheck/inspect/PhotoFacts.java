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
 * @param sha256    of the file's bytes, or null when not read whole
 * @param phash     64-bit DCT hash of a small decode, or null when not computed
 */
public record PhotoFacts(int width, int height, String problem, boolean tooComplex, List<Caption> captions,
                         LocalDateTime exifDate, boolean gps, String sha256, Long phash) {
    public record Caption(String source, String text) {}

    /** {@code problem} of a progressive JPEG refused ({@code tooComplex}) for its decoder's memory. */
    public static final String PROGRESSIVE = "progressive";

    public PhotoFacts {
        captions = List.copyOf(captions);
    }
}
