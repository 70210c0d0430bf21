package cn.evcheck.check;

import cn.evcheck.inspect.CaptionParser;
import cn.evcheck.inspect.PhotoFacts.Caption;
import cn.evcheck.rules.Model.Item;

import java.time.LocalDate;
import java.util.List;

/**
 * A photo as evidence — a JPEG, or one page of a combined photo PDF — with what its captions
 * state and the activity date it is counted by. A photo that could not be read at all (not a
 * JPEG, corrupt, a bomb, a damaged PDF) is {@code readable == false} and has neither captions
 * nor a date.
 *
 * @param page          the PDF page number, or null for a JPEG (or a whole unreadable PDF)
 * @param captions      caption texts by source, in the order they are trusted
 * @param fromName      the only caption is the file name
 * @param date          the activity date, or null when none is known
 * @param dayKnown      false for a month-only date ("2019年3月")
 * @param dateSource    caption, pdf_text, exif, filename or folder
 * @param exif          the camera's capture date when it is trustworthy, else null
 * @param sha           SHA-256 of the file for a readable JPEG, else null
 * @param phash         64-bit perceptual hash when computed, else null
 */
public record Photo(Placed file, Integer page, boolean readable, List<Caption> captions, boolean fromName,
                    CaptionParser.Parsed parsed, LocalDate date, boolean dayKnown, String dateSource, LocalDate exif,
                    String sha, Long phash) {
    public Photo {
        captions = List.copyOf(captions);
    }

    static Photo unreadable(Placed p) {
        return new Photo(p, null, false, List.of(), false, CaptionParser.parse(null), null, false, null, null, null, null);
    }

    public Item item() {
        return file.item();
    }

    public String rel() {
        return file.rel();
    }

    public String category() {
        return file.f().category();
    }

    /** "a.pdf 第2页" for a PDF page. */
    public String label() {
        return page == null ? rel() : rel() + " 第" + page + "页";
    }

    /** The date as the report writes it: "2019-03-05", or "2019-03" when only the month is known. */
    public String shownDate() {
        if (date == null) return null;
        return dayKnown ? date.toString() : date.toString().substring(0, 7);
    }

    /** Whether the date falls within the rule period up to the as-of date. */
    public boolean inPeriod(Evidence ev) {
        return date != null && !date.isBefore(ev.rules().from(item())) && !date.isAfter(ev.until(item()));
    }
}
