package cn.evcheck.check;

import cn.evcheck.inspect.*;
import cn.evcheck.inspect.PhotoFacts.Caption;
import cn.evcheck.scan.FileEntry;
import cn.evcheck.scan.FileType;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Turns the photo files of an item into {@link Photo}s: one per JPEG, one per image page of a
 * combined photo PDF ("也可统一制作成PDF上传"), and gathers each photo's captions (caption sheet,
 * then metadata, then the file name — PRODUCT.md §3) and its activity date (caption, else a
 * trustworthy EXIF DateTimeOriginal, else a date in the file name, else in a folder name).
 * Pure.
 */
final class Photos {
    private Photos() {}

    /**
     * @param read the captions read so far (text → what it says), added to: a caption is read once
     *             however many photos carry it (a clerk captions an activity's photos alike); a
     *             concurrent map when photos are read on several threads
     */
    static List<Photo> of(Placed p, Sidecars sidecars, LocalDate asOf, java.util.Map<String, CaptionParser.Parsed> read) {
        FileEntry f = p.f();
        if (f.type() == FileType.PDF) return pdf(p, read);
        PhotoFacts pf = p.photo();
        if (f.type() != FileType.JPEG || pf == null || pf.tooComplex() || pf.problem() != null) return List.of(Photo.unreadable(p));
        List<Caption> caps = new ArrayList<>();
        String side = sidecars.captionFor(f);
        if (side != null && !CaptionParser.isTrivial(side)) caps.add(new Caption("图片说明表", side));
        for (Caption c : pf.captions()) {
            // Metadata that only repeats the file name says nothing.
            boolean repeatsName = c.text().equalsIgnoreCase(f.name()) || c.text().equalsIgnoreCase(f.stem());
            if (!repeatsName && caps.stream().noneMatch(x -> x.text().equals(c.text()))) caps.add(c);
        }
        boolean fromName = false;
        if (caps.isEmpty() && !CaptionParser.isTrivial(f.stem())) {
            caps.add(new Caption("文件名", f.stem()));
            fromName = true;
        }
        LocalDateTime raw = pf.exifDate();
        LocalDate exif = raw != null && trusted(raw.toLocalDate(), asOf) ? raw.toLocalDate() : null;
        return List.of(dated(p, null, caps, fromName, exif, pf.sha256(), pf.phash(), read));
    }

    /** Each page with an image is one photo, its text the caption. */
    private static List<Photo> pdf(Placed p, java.util.Map<String, CaptionParser.Parsed> read) {
        PdfFacts pdf = p.pdf();
        if (pdf == null || pdf.problem() != null) return List.of(Photo.unreadable(p));
        List<Photo> out = new ArrayList<>();
        for (PdfFacts.Page page : pdf.pages()) {
            if (page.images() == 0) continue;
            String text = page.text().replaceAll("\\s+", " ").strip();
            List<Caption> caps = CaptionParser.isTrivial(text) ? List.of() : List.of(new Caption("PDF页面文字", text));
            out.add(dated(p, page.number(), caps, false, null, null, page.phash(), read));
        }
        return out;
    }

    private static Photo dated(Placed p, Integer page, List<Caption> caps, boolean fromName, LocalDate exif, String sha, Long phash,
                               java.util.Map<String, CaptionParser.Parsed> read) {
        StringJoiner all = new StringJoiner("\n");
        caps.forEach(c -> all.add(c.text()));
        CaptionParser.Parsed parsed = read.computeIfAbsent(all.toString(), CaptionParser::parse);
        LocalDate date = null;
        boolean dayKnown = false;
        String source = null;
        if (parsed.date() != null) {
            date = parsed.date().date();
            dayKnown = parsed.date().dayKnown();
            source = fromName ? "filename" : page != null ? "pdf_text" : "caption";
        } else if (exif != null) {
            date = exif;
            dayKnown = true;
            source = "exif";
        } else {
            Dates.Found fd = Dates.find(p.f().stem());
            if (fd != null) {
                date = fd.date();
                dayKnown = fd.dayKnown();
                source = "filename";
            } else {
                List<String> folders = p.f().folders();
                for (int i = folders.size() - 1; i >= 0 && date == null; i--) {
                    Dates.Found d = Dates.find(folders.get(i));
                    if (d != null) {
                        date = d.date();
                        dayKnown = d.dayKnown();
                        source = "folder";
                    }
                }
            }
        }
        return new Photo(p, page, true, caps, fromName, parsed, date, dayKnown, source, exif, sha, phash);
    }

    /** Camera-default (2000 and before) and impossible (after the as-of date) EXIF dates prove nothing. */
    static boolean trusted(LocalDate d, LocalDate asOf) {
        return d.getYear() > 2000 && !d.isAfter(asOf.plusDays(1));
    }
}
