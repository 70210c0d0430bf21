package cn.evcheck.inspect;

import java.time.LocalDateTime;
import java.util.List;

/**
 * What the inspector learnt about one JPEG from its headers and metadata (no pixels decoded).
 *
 * @param problem   null when the JPEG structure is sound, else why it is corrupt (English key)
 * @param captions  caption texts by source, in reading order, trivial ones already dropped
 * @param exifDate  EXIF DateTimeOriginal, or null when absent or unparseable
 */
public record PhotoFacts(int width, int height, String problem, List<Caption> captions,
                         LocalDateTime exifDate, boolean gps) {
    public record Caption(String source, String text) {}

    public PhotoFacts {
        captions = List.copyOf(captions);
    }
}
