package cn.evcheck.fix;

import cn.evcheck.inspect.JpegInspector;
import cn.evcheck.inspect.PhotoFacts;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One photo's fix: from its bytes and what is to be done to the bytes of its copy. Pure (no file
 * is touched) and deterministic.
 * <ul>
 * <li>Only metadata to change (GPS, caption) on a sound JPEG: the EXIF and XMP segments are
 *     edited ({@link ExifEdit}, {@link XmpEdit}) and every other byte — the compressed image
 *     included — is kept.</li>
 * <li>Too large, CMYK, or not a JPEG at all: decoded, turned upright by its EXIF orientation,
 *     encoded within the budget ({@link Encoder#fit}); the original's EXIF (Orientation 1 when it
 *     was turned, the stale thumbnail then dropped), XMP and IPTC segments are put back.</li>
 * </ul>
 * The result is read back as evcheck reads photos ({@link JpegInspector}): a copy that would not
 * pass as a sound JPEG, or lost its capture date, is not used.
 */
final class PhotoFix {
    private PhotoFix() {}

    enum Action {
        /** re-encoded to fit the size limit */
        RESIZE("resize"),
        /** turned into a real sRGB JPEG (another format, or a CMYK JPEG) */
        CONVERT("convert"),
        /** given a .jpg name (a JPEG under another extension, or a converted file) */
        RENAME("rename"),
        /** location tags removed */
        STRIP_GPS("strip_gps"),
        /** the caption written into XMP dc:description and XPComment */
        CAPTION("caption");

        final String key;

        Action(String key) {
            this.key = key;
        }
    }

    /**
     * What came out.
     *
     * @param bytes   the copy's bytes, or null when the photo is left as it was ({@code problem} says why)
     * @param done    what was done
     * @param quality the JPEG quality chosen when the pixels were encoded, else 0
     */
    record Result(byte[] bytes, Set<Action> done, int quality, int width, int height, int newWidth, int newHeight,
                  String problem, List<String> notes) {}

    /**
     * @param wanted   what the photo needs (RENAME is the caller's business: the name)
     * @param caption  the caption to write into the copy's metadata, or null
     * @param budget   the most bytes a re-encoded copy may have (the limit less a safety margin)
     * @param limit    the most bytes a copy whose pixels are kept may have; over it, the photo is re-encoded
     * @param minLongSide the fewest pixels the long side of a downscaled photo may have
     */
    static Result fix(byte[] original, boolean isJpeg, Set<Action> wanted, String caption, long budget, long limit,
                      int minLongSide) {
        byte[] tiff = null;
        byte[] xmp = null;
        List<JpegSegments.Segment> iptc = List.of();
        JpegSegments segs = null;
        boolean cmyk = false;
        if (isJpeg) {
            try {
                segs = JpegSegments.parse(original);
            } catch (JpegSegments.NotJpeg e) {
                return failed(e.getMessage());
            }
            tiff = segs.exif();
            xmp = segs.xmp();
            iptc = segs.iptc();
            cmyk = segs.components() == 4;
        }
        boolean pixels = !isJpeg || cmyk || wanted.contains(Action.RESIZE) || original.length > limit;
        if (!pixels) {
            Result r = fix(original, segs, tiff, xmp, iptc, false, wanted, caption, budget, minLongSide);
            if (r.bytes() == null || r.bytes().length <= limit) return r;
        }
        return fix(original, segs, tiff, xmp, iptc, true, wanted, caption, budget, minLongSide);
    }

    private static Result fix(byte[] original, JpegSegments segs, byte[] tiff, byte[] xmp, List<JpegSegments.Segment> iptc,
                              boolean pixels, Set<Action> wanted, String caption, long budget, int minLongSide) {
        List<String> notes = new ArrayList<>();
        EnumSet<Action> done = EnumSet.noneOf(Action.class);
        boolean isJpeg = segs != null;
        boolean cmyk = isJpeg && segs.components() == 4;
        int orientation = pixels && tiff != null ? ExifEdit.orientation(tiff) : 1;
        boolean gps = wanted.contains(Action.STRIP_GPS);
        PhotoFacts before = isJpeg ? JpegInspector.inspect(original, true) : null;

        // The metadata of the copy.
        byte[] newTiff = tiff;
        ExifEdit.Changes ch = new ExifEdit.Changes(orientation != 1, orientation != 1, gps, caption);
        if (tiff != null && ch.any()) {
            try {
                newTiff = ExifEdit.apply(tiff, ch);
                // A block near the 64 KB a segment holds (maker notes, a large thumbnail): without
                // the thumbnail, then without XPComment (the caption is still written to XMP).
                if (tooLong(newTiff)) newTiff = ExifEdit.apply(tiff, new ExifEdit.Changes(ch.orientationToOne(), true, gps, caption));
                if (tooLong(newTiff) && caption != null) {
                    newTiff = ExifEdit.apply(tiff, new ExifEdit.Changes(ch.orientationToOne(), true, gps, null));
                    notes.add("xpcomment_skipped");
                }
            } catch (ExifEdit.Bad e) {
                if (gps) return failed("exif_unreadable");
                notes.add("exif_kept");
                orientation = 1;   // unreadable: the pixels stay as stored, with the EXIF as it was
            }
        } else if (tiff == null && caption != null) {
            newTiff = ExifEdit.minimal(caption);
        }
        byte[] newXmp = xmp;
        boolean xmpGps = gps && xmp != null && XmpEdit.hasGps(xmp);
        if (caption != null || xmpGps) {
            try {
                newXmp = XmpEdit.edit(xmp, caption, xmpGps);
            } catch (XmpEdit.Bad e) {
                if (xmpGps) return failed("xmp_unreadable");
                notes.add("xmp_kept");
            }
        }
        if (tooLong(newTiff)) return failed("exif_too_long");
        if (newXmp != null && newXmp.length + JpegSegments.XMP_ID.length > JpegSegments.MAX_PAYLOAD) newXmp = xmp;
        if (gps) done.add(Action.STRIP_GPS);
        if (caption != null) done.add(Action.CAPTION);

        int w0 = before != null ? before.width() : 0;
        int h0 = before != null ? before.height() : 0;
        byte[] out;
        int quality = 0;
        int w1 = w0;
        int h1 = h0;
        try {
            if (!pixels) {
                out = segs.with(newTiff == tiff ? JpegSegments.KEEP : newTiff, newXmp == xmp ? JpegSegments.KEEP : newXmp);
            } else {
                BufferedImage img = Encoder.decode(original);
                w0 = img.getWidth();
                h0 = img.getHeight();
                img = Encoder.upright(img, orientation);
                long room = budget - JpegSegments.overhead(newTiff, newXmp, iptc);
                Encoder.Encoded enc = Encoder.fit(img, room, minLongSide);
                if (enc == null) return failed("cannot_fit");
                out = JpegSegments.splice(enc.jpeg(), newTiff, newXmp, iptc);
                quality = enc.quality();
                w1 = enc.width();
                h1 = enc.height();
                if (!isJpeg || cmyk) done.add(Action.CONVERT);
                if (isJpeg && !cmyk) done.add(Action.RESIZE);
                if (orientation != 1) notes.add("turned_upright");
            }
        } catch (Encoder.Undecodable e) {
            return failed(e.reason);
        } catch (IOException | JpegSegments.NotJpeg | RuntimeException e) {
            return failed("encode_failed");
        }
        // Read back as a check would; a copy whose pixels were kept is also decoded (subsampled), as
        // the check decodes small photos: a damaged scan that its decoder tolerated may not survive
        // new segments in front of it.
        PhotoFacts after = JpegInspector.inspect(out, true, !pixels);
        if (after.problem() != null || after.tooComplex()) return failed("check_failed");
        if (before != null && before.exifDate() != null && !before.exifDate().equals(after.exifDate())) return failed("date_lost");
        if (out.length > budget && pixels) return failed("cannot_fit");
        return new Result(out, done, quality, w0, h0, w1 == 0 ? after.width() : w1, h1 == 0 ? after.height() : h1, null, notes);
    }

    private static boolean tooLong(byte[] tiff) {
        return tiff != null && tiff.length + JpegSegments.EXIF_ID.length > JpegSegments.MAX_PAYLOAD;
    }

    private static Result failed(String why) {
        return new Result(null, EnumSet.noneOf(Action.class), 0, 0, 0, 0, 0, why, List.of());
    }
}
