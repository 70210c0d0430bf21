package cn.evcheck.check;

import cn.evcheck.inspect.*;
import cn.evcheck.report.Finding;
import cn.evcheck.report.Report.*;
import cn.evcheck.report.Severity;
import cn.evcheck.rules.Model.*;
import cn.evcheck.scan.FileEntry;
import cn.evcheck.scan.FileType;
import cn.evcheck.scan.Inventory;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.*;

/**
 * Turns a unit's inventory and file facts into findings and per-item verdicts. Pure: the same
 * inputs give the same, sorted output. Every check quotes the upload rule it enforces
 * (赣卫〔2020〕44号 网上申报部分 unless said otherwise).
 */
public final class Checker {
    private final RuleSet rules;
    private final LocalDate asOf;          // requested as-of date
    private final LocalDate until;         // as-of capped at the period end
    private final Sidecars sidecars;
    private final Map<String, Facts> facts;
    private final List<Finding> out = new ArrayList<>();
    private final List<PhotoRecord> photoRecords = new ArrayList<>();
    private final List<ReportRecord> reportRecords = new ArrayList<>();
    private final List<PhotoEval> allPhotos = new ArrayList<>();

    private Checker(RuleSet rules, LocalDate asOf, Sidecars sidecars, Map<String, Facts> facts) {
        this.rules = rules;
        this.asOf = asOf;
        this.until = asOf.isAfter(rules.to()) ? rules.to() : asOf;
        this.sidecars = sidecars;
        this.facts = facts;
    }

    public static UnitResult check(String unit, Inventory inv, Map<String, Facts> facts, Sidecars sidecars,
                                   RuleSet rules, LocalDate asOf) {
        return new Checker(rules, asOf, sidecars, facts).run(unit, inv);
    }

    // ---- the run ------------------------------------------------------------------------

    private UnitResult run(String unit, Inventory inv) {
        for (Inventory.Unreadable u : inv.unreadable()) {
            add("file.unreadable", Severity.ERROR, null, u.rel(), null, Map.of("reason", u.reason()),
                    "无法读取：" + u.reason(), "cannot be read: " + u.reason());
        }
        for (String[] p : sidecars.problems()) {
            add("file.unreadable", Severity.WARNING, null, p[0], null, Map.of("reason", p[1]),
                    "图片说明表无法使用（需要“文件名”和“图片说明”两列）：" + p[1],
                    "caption sidecar unusable (needs columns 文件名 and 图片说明): " + p[1]);
        }
        Map<String, List<Placed>> byItem = new LinkedHashMap<>();
        for (Item item : rules.items()) byItem.put(item.id(), new ArrayList<>());
        for (FileEntry f : inv.files()) {
            Facts fx = facts.get(f.rel());
            if (!fileLevel(f, fx)) continue;
            if (f.itemId() == null) {
                add("file.unassigned", Severity.WARNING, null, f.rel(), null, Map.of("reason", "no_item"),
                        "不属于任何指标条目：请放入以条目编号开头的文件夹（如“III-15-2-1 …”）",
                        "belongs to no item: put it in a folder whose name starts with an item id (e.g. 'III-15-2-1 …')");
                continue;
            }
            Item item = rules.item(f.itemId());
            Kind role = role(f, fx, item);
            if (role == null) {
                add("file.unassigned", Severity.WARNING, item.id(), f.rel(), null, Map.of("reason", "no_role"),
                        "条目不需要此类文件（" + f.type().label + "）", "the item needs no file of this kind (" + f.type().label + ")");
                continue;
            }
            if (!item.requires(role)) {
                add("file.unassigned", Severity.WARNING, item.id(), f.rel(), null,
                        Map.of("reason", "role_not_required", "role", role.key),
                        "条目不要求“" + role.zh + "”，此文件不会被采用", "the item requires no " + role.en + "; this file is not used");
                continue;
            }
            byItem.get(item.id()).add(new Placed(f, fx, role));
        }
        List<ItemResult> items = new ArrayList<>();
        for (Item item : rules.items()) {
            items.add(checkItem(item, byItem.get(item.id()), inv.itemFolders().contains(item.id())));
        }
        duplicates();
        photoRecords.replaceAll(r -> new PhotoRecord(r.file(), r.page(), r.item(), r.category(), r.date(), r.dateSource(),
                r.captionSources(), r.captionFields(), r.counted(), duplicateGroup.get(r.file() + "#" + r.page())));
        List<Finding> sorted = out.stream().map(f -> f.withUnit(unit)).sorted(Finding.ORDER).toList();
        // Attach the sorted findings to their items; an item is complete when none is an error.
        List<ItemResult> finalItems = new ArrayList<>();
        for (ItemResult r : items) {
            List<Finding> mine = sorted.stream().filter(f -> r.item().id().equals(f.item())).toList();
            Status status = r.status() == Status.MISSING ? Status.MISSING
                    : mine.stream().anyMatch(f -> f.severity() == Severity.ERROR) ? Status.INCOMPLETE : Status.COMPLETE;
            finalItems.add(new ItemResult(r.item(), status, r.filesByKind(), mine));
        }
        photoRecords.sort(Comparator.comparing(PhotoRecord::file).thenComparing(r -> r.page() == null ? 0 : r.page()));
        reportRecords.sort(Comparator.comparing(ReportRecord::file));
        return new UnitResult(unit, inv.root().toString(), finalItems, sorted, photoRecords, reportRecords, inv.files().size());
    }

    private record Placed(FileEntry f, Facts fx, Kind role) {}

    /** Checks that hold for any file; false when the file is unusable. */
    private boolean fileLevel(FileEntry f, Facts fx) {
        if (f.type() == FileType.EMPTY) {
            add("file.empty", Severity.ERROR, f.itemId(), f.rel(), null, Map.of("bytes", 0),
                    "文件为空（0 字节），请重新导出或复制", "the file is empty (0 bytes); export or copy it again");
            return false;
        }
        if (fx != null && fx.readError() != null) {
            add("file.unreadable", Severity.ERROR, f.itemId(), f.rel(), null, Map.of("reason", fx.readError()),
                    "无法读取：" + fx.readError(), "cannot be read: " + fx.readError());
            return false;
        }
        FileType expected = FileType.expectedFor(f.ext());
        boolean encryptedOoxml = f.type() == FileType.OLE2 && fx != null && fx.text() != null
                && fx.text().status() == TextFacts.Status.ENCRYPTED;
        // Unknown content (random bytes) is reported by the material check as unreadable, once.
        if (expected != null && expected != f.type() && f.type() != FileType.UNKNOWN && !encryptedOoxml) {
            boolean photoExt = expected == FileType.JPEG;
            add("file.type_mismatch", photoExt ? Severity.ERROR : Severity.WARNING, f.itemId(), f.rel(), null,
                    Map.of("extension", f.ext(), "actual", f.type().name().toLowerCase(Locale.ROOT)),
                    "扩展名为 ." + f.ext() + "，实际内容是 " + f.type().label + "，请用正确的格式另存"
                            + (photoExt ? "（网上申报系统只接受真正的 JPG/JPEG）" : ""),
                    "named ." + f.ext() + " but the content is " + f.type().name() + "; save it in the right format"
                            + (photoExt ? " (the system accepts real JPG/JPEG only)" : ""));
            if (photoExt) return true;   // the photo check below will not count it
        }
        return true;
    }

    /** The role of a file in its item: the role folder, else what its real type and the item suggest. */
    private static Kind role(FileEntry f, Facts fx, Item item) {
        if (f.roleFolder() != null) return f.roleFolder();
        FileType t = f.type();
        boolean wordLike = fx != null && fx.text() != null;
        if (t.isImage()) return first(item, Kind.PHOTOS, Kind.FORMAL_DOC, Kind.DEPT_EVAL, Kind.DATA_TABLE);
        if (wordLike || Set.of("doc", "docx", "wps", "uof", "uot").contains(f.ext())) {
            return first(item, Kind.REPORT, Kind.FORMAL_DOC, Kind.DEPT_EVAL, Kind.DATA_TABLE);
        }
        if (t == FileType.PDF) return first(item, Kind.FORMAL_DOC, Kind.DEPT_EVAL, Kind.DATA_TABLE, Kind.PHOTOS, Kind.REPORT);
        if (Set.of("xlsx", "xls", "csv", "et").contains(f.ext())) return first(item, Kind.DATA_TABLE);
        if (t == FileType.TEXT || t == FileType.RTF || t == FileType.HTML) return first(item, Kind.REPORT);
        return null;
    }

    private static Kind first(Item item, Kind... kinds) {
        for (Kind k : kinds) if (item.requires(k)) return k;
        return null;
    }

    // ---- items ----------------------------------------------------------------------------

    private ItemResult checkItem(Item item, List<Placed> files, boolean hasFolder) {
        Map<String, Integer> byKind = new TreeMap<>();
        for (Placed p : files) byKind.merge(p.role().key, 1, Integer::sum);
        if (files.isEmpty()) {
            add("item.missing", Severity.ERROR, item.id(), null, null,
                    Map.of("folder", hasFolder, "materials", item.materials().stream().map(m -> m.kind().key).distinct().toList()),
                    hasFolder ? "条目文件夹中没有任何材料；需要：" + needs(item, false)
                            : "没有找到此条目的文件夹（文件夹名须以“" + item.id() + "”开头）；需要：" + needs(item, false),
                    hasFolder ? "the item folder holds no material; needed: " + needs(item, true)
                            : "no folder for this item (its name must start with '" + item.id() + "'); needed: " + needs(item, true));
            return new ItemResult(item, Status.MISSING, byKind, List.of());
        }
        Map<Kind, List<Placed>> byRole = new EnumMap<>(Kind.class);
        for (Placed p : files) byRole.computeIfAbsent(p.role(), k -> new ArrayList<>()).add(p);
        List<PhotoEval> photos = new ArrayList<>();
        for (Placed p : byRole.getOrDefault(Kind.PHOTOS, List.of())) photos.addAll(evalPhotos(item, p));
        allPhotos.addAll(photos);
        for (Material m : item.materials()) {
            switch (m.kind()) {
                case PHOTOS -> coverage(item, m, photos);
                case REPORT -> reports(item, m, byRole.getOrDefault(Kind.REPORT, List.of()));
                default -> documents(item, m, byRole.getOrDefault(m.kind(), List.of()));
            }
        }
        return new ItemResult(item, Status.COMPLETE, byKind, List.of());   // final status once all findings are in
    }

    private static String needs(Item item, boolean en) {
        StringJoiner j = new StringJoiner(en ? "; " : "；");
        for (Material m : item.materials()) j.add(Describe.material(m, item, en));
        return j.toString();
    }

    // ---- photos ---------------------------------------------------------------------------

    /**
     * A photo as judged — a JPEG or one page of a combined PDF: whether it can count, its
     * activity date and category, and its fingerprints for the duplicate check.
     */
    private record PhotoEval(String item, String rel, Integer page, boolean usable, LocalDate date, boolean dayKnown,
                             String category, String otherFolder, String sha, Long phash) {
        String label() {
            return page == null ? rel : rel + " 第" + page + "页";
        }
    }

    /** What inspection must produce for a file, decided from its placement before it is read. */
    public static Inspector.Needs needs(FileEntry f, RuleSet rules) {
        if (f.itemId() == null) return Inspector.Needs.NONE;
        Item item = rules.item(f.itemId());
        boolean photo = role(f, null, item) == Kind.PHOTOS && item.requires(Kind.PHOTOS);
        return new Inspector.Needs(photo && f.type() == FileType.JPEG, photo && f.type() == FileType.PDF);
    }

    private List<PhotoEval> evalPhotos(Item item, Placed p) {
        if (p.f().type() == FileType.PDF) return evalPdf(item, p);
        return List.of(evalPhoto(item, p));
    }

    private PhotoEval evalPhoto(Item item, Placed p) {
        FileEntry f = p.f();
        PhotoDefaults d = rules.defaults().photo();
        PhotoFacts pf = p.fx() == null ? null : p.fx().photo();
        boolean usable = true;
        if (f.type() != FileType.JPEG) {
            usable = false;
            if (FileType.expectedFor(f.ext()) != FileType.JPEG) {   // a .jpg holding PNG was reported as a mismatch
                add("photo.format", Severity.ERROR, item.id(), f.rel(), null,
                        Map.of("format", f.type() == FileType.UNKNOWN ? f.ext() : f.type().name().toLowerCase(Locale.ROOT),
                                "accepted", d.formats()),
                        "图片格式为 " + (f.type() == FileType.UNKNOWN ? "." + f.ext() : f.type().label)
                                + "，网上申报系统只接受 " + String.join("/", upper(d.formats())) + "，请转换后再上传",
                        "photo format is " + f.type().name() + "; the system accepts only " + String.join("/", upper(d.formats())));
            }
        } else if (!d.formats().contains(f.ext())) {
            usable = false;
            add("photo.format", Severity.ERROR, item.id(), f.rel(), null, Map.of("format", f.ext(), "accepted", d.formats()),
                    "扩展名 ." + f.ext() + " 不被接受，请改为 ." + d.formats().get(0),
                    "extension ." + f.ext() + " is not accepted; rename to ." + d.formats().get(0));
        }
        if (f.type() == FileType.JPEG && pf != null && pf.tooComplex()) {
            add("file.too_complex", Severity.ERROR, item.id(), f.rel(), null,
                    Map.of("width", pf.width(), "height", pf.height()),
                    "图片声明的尺寸为 " + pf.width() + "×" + pf.height() + "，超出处理上限（疑似解压炸弹），已拒绝解码",
                    "the header declares " + pf.width() + "×" + pf.height() + " pixels, beyond the limit (a decompression bomb); not decoded");
            return unusable(item, f);
        }
        if (f.type() == FileType.JPEG && (pf == null || pf.problem() != null)) {
            String why = pf == null ? "unknown" : pf.problem();
            add("photo.corrupt", Severity.ERROR, item.id(), f.rel(), null, Map.of("reason", why),
                    "图片已损坏或不完整（" + corruptZh(why) + "），请重新导出",
                    "the photo is corrupt or incomplete (" + why + "); export it again");
            return unusable(item, f);
        }
        if (f.type() != FileType.JPEG) return unusable(item, f);
        if (f.size() > d.maxBytes()) {
            usable = false;
            add("photo.too_large", Severity.ERROR, item.id(), f.rel(), null,
                    Map.of("bytes", f.size(), "max_bytes", d.maxBytes()),
                    "图片 " + mb(f.size()) + "，超过上限 2M（" + d.maxBytes() + " 字节），请压缩后再上传",
                    "photo is " + mb(f.size()) + ", over the 2M limit (" + d.maxBytes() + " bytes); compress it");
        } else if (f.size() >= d.nearLimitBytes()) {
            add("photo.near_limit", Severity.WARNING, item.id(), f.rel(), null,
                    Map.of("bytes", f.size(), "max_bytes", d.maxBytes()),
                    "图片 " + f.size() + " 字节，接近 2M 上限；若系统按十进制计算可能被拒，建议压缩",
                    "photo is " + f.size() + " bytes, close to the 2M limit; a server counting in decimal may refuse it");
        }
        if (Math.max(pf.width(), pf.height()) < d.minLongSide()) {
            add("photo.low_resolution", Severity.WARNING, item.id(), f.rel(), null,
                    Map.of("width", pf.width(), "height", pf.height(), "min_long_side", d.minLongSide()),
                    "图片只有 " + pf.width() + "×" + pf.height() + " 像素（长边不足 " + d.minLongSide() + "），评审可能看不清，请用原图",
                    "the photo is only " + pf.width() + "×" + pf.height() + " px (long side below " + d.minLongSide() + "); use the original");
        }
        if (pf.gps()) {
            add("photo.gps", Severity.INFO, item.id(), f.rel(), null, Map.of(),
                    "图片含 GPS 位置信息，上传后会随图片公开；如不宜公开，请导出时去除位置信息",
                    "the photo carries GPS coordinates that will be published with it");
        }
        // Caption: sidecar, then metadata, then the file name (PRODUCT.md §3). Metadata that only
        // repeats the file name says nothing.
        List<PhotoFacts.Caption> caps = new ArrayList<>();
        String side = sidecars.captionFor(f);
        if (side != null && !CaptionParser.isTrivial(side)) caps.add(new PhotoFacts.Caption("图片说明表", side));
        for (PhotoFacts.Caption c : pf.captions()) {
            boolean repeatsName = c.text().equalsIgnoreCase(f.name()) || c.text().equalsIgnoreCase(f.stem());
            if (!repeatsName && caps.stream().noneMatch(x -> x.text().equals(c.text()))) caps.add(c);
        }
        boolean fromName = false;
        if (caps.isEmpty() && !CaptionParser.isTrivial(f.stem())) {
            caps.add(new PhotoFacts.Caption("文件名", f.stem()));
            fromName = true;
        }
        Dated dated = captionAndDate(item, f, null, caps, fromName, pf.exifDate(), usable);
        return new PhotoEval(item.id(), f.rel(), null, usable && dated.inPeriod(), dated.date(), dated.dayKnown(),
                f.category(), f.otherFolder(), pf.sha256(), pf.phash());
    }

    private PhotoEval unusable(Item item, FileEntry f) {
        photoRecords.add(new PhotoRecord(f.rel(), null, item.id(), f.category(), null, null, List.of(), List.of(), false, null));
        return new PhotoEval(item.id(), f.rel(), null, false, null, false, f.category(), f.otherFolder(), null, null);
    }

    /** 也可统一制作成PDF上传: each page with an image is one photo, its text the caption. */
    private List<PhotoEval> evalPdf(Item item, Placed p) {
        FileEntry f = p.f();
        PdfFacts pdf = p.fx() == null ? null : p.fx().pdf();
        if (pdf == null || pdf.problem() != null) {
            String problem = pdf == null ? "unparseable" : pdf.problem();
            switch (problem) {
                case "encrypted" -> add("doc.encrypted", Severity.ERROR, item.id(), f.rel(), null, Map.of(),
                        "PDF 设置了密码，无法查看其中的图片", "the PDF is password-protected; its photos cannot be seen");
                case "too_complex" -> add("file.too_complex", Severity.ERROR, item.id(), f.rel(), null,
                        Map.of("reason", pdf.detail()), "PDF 页数或体积超出处理上限（" + pdf.detail() + "），已拒绝处理",
                        "refused: the PDF is over the limits (" + pdf.detail() + ")");
                default -> add("photo.corrupt", Severity.ERROR, item.id(), f.rel(), null,
                        Map.of("reason", pdf == null ? "unknown" : pdf.detail()),
                        "PDF 已损坏，无法读取其中的图片，请重新导出", "the PDF is damaged; its photos cannot be read");
            }
            return List.of(unusable(item, f));
        }
        List<PhotoEval> out = new ArrayList<>();
        for (PdfFacts.Page page : pdf.pages()) {
            if (page.images() == 0) {
                add("photo.format", Severity.WARNING, item.id(), f.rel(), null, Map.of("page", page.number(), "reason", "no_image"),
                        "合并 PDF 第" + page.number() + "页没有图片，不计数", "page " + page.number() + " of the combined PDF has no image; not counted");
                continue;
            }
            String text = page.text().replaceAll("\\s+", " ").strip();
            List<PhotoFacts.Caption> caps = CaptionParser.isTrivial(text) ? List.of() : List.of(new PhotoFacts.Caption("PDF页面文字", text));
            Dated dated = captionAndDate(item, f, page.number(), caps, false, null, true);
            out.add(new PhotoEval(item.id(), f.rel(), page.number(), dated.inPeriod(), dated.date(), dated.dayKnown(),
                    f.category(), f.otherFolder(), null, page.phash()));
        }
        return out;
    }

    private record Dated(LocalDate date, boolean dayKnown, boolean inPeriod) {}

    /** Caption fields and the activity date (caption, EXIF DateTimeOriginal, file name, folder names). */
    private Dated captionAndDate(Item item, FileEntry f, Integer page, List<PhotoFacts.Caption> caps, boolean fromName,
                                 LocalDateTime exifRaw, boolean usable) {
        Material m = item.materials().stream().filter(x -> x.kind() == Kind.PHOTOS).findFirst().orElse(null);
        String where = page == null ? "" : "第" + page + "页：";
        String whereEn = page == null ? "" : "page " + page + ": ";
        Map<String, Object> pageData = page == null ? Map.of() : Map.of("page", page);
        StringJoiner all = new StringJoiner("\n");
        caps.forEach(c -> all.add(c.text()));
        CaptionParser.Parsed parsed = CaptionParser.parse(all.toString());
        if (m != null && !m.caption().isEmpty()) {
            if (caps.isEmpty()) {
                Map<String, Object> data = new LinkedHashMap<>(pageData);
                data.put("required", m.caption().stream().map(CaptionField::key).toList());
                add("photo.caption_missing", Severity.ERROR, item.id(), f.rel(), null, data,
                        where + "图片没有说明文字；需注明：" + fieldsZh(m.caption()),
                        whereEn + "the photo has no caption; it must state: " + fieldsEn(m.caption()));
            } else {
                for (CaptionField cf : m.caption()) {
                    if (!parsed.has(cf)) {
                        Map<String, Object> data = new LinkedHashMap<>(pageData);
                        data.put("field", cf.key());
                        data.put("caption_source", caps.get(0).source());
                        add("photo.caption_field_missing", Severity.WARNING, item.id(), f.rel(), null, data,
                                where + "图片说明缺少“" + cf.zh + "”", whereEn + "the caption lacks the " + cf.en);
                    }
                }
            }
        }
        LocalDate date = null;
        boolean dayKnown = false;
        String source = null;
        LocalDateTime exif = exifRaw != null && trustedExif(exifRaw.toLocalDate()) ? exifRaw : null;
        if (parsed.date() != null) {
            date = parsed.date().date();
            dayKnown = parsed.date().dayKnown();
            source = fromName ? "filename" : page != null ? "pdf_text" : "caption";
        } else if (exif != null) {
            date = exif.toLocalDate();
            dayKnown = true;
            source = "exif";
        } else {
            Dates.Found fd = Dates.find(f.stem());
            if (fd != null) {
                date = fd.date();
                dayKnown = fd.dayKnown();
                source = "filename";
            } else {
                List<String> folders = f.folders();
                for (int i = folders.size() - 1; i >= 0 && date == null; i--) {
                    Dates.Found d2 = Dates.find(folders.get(i));
                    if (d2 != null) {
                        date = d2.date();
                        dayKnown = d2.dayKnown();
                        source = "folder";
                    }
                }
            }
        }
        // Date honesty: the caption (or the file name standing in for it) against the camera.
        if (date != null && exif != null && !"exif".equals(source)) {
            LocalDate shot = exif.toLocalDate();
            boolean conflict = dayKnown ? Math.abs(ChronoUnit.DAYS.between(date, shot)) > 1
                    : !java.time.YearMonth.from(date).equals(java.time.YearMonth.from(shot));
            if (conflict) {
                String stated = dayKnown ? date.toString() : date.toString().substring(0, 7);
                add("photo.date_conflict", Severity.WARNING, item.id(), f.rel(), null,
                        Map.of("caption_date", stated, "exif_date", shot.toString(), "date_source", source),
                        "说明中的日期 " + stated + " 与拍摄日期（EXIF）" + shot + " 不一致，请核实（按说明日期计数）",
                        "the stated date " + stated + " differs from the EXIF capture date " + shot + " (counted by the stated date)");
            }
        }
        if (date == null) {
            add("photo.undated", Severity.WARNING, item.id(), f.rel(), null, pageData,
                    where + "无法确定活动日期：说明、拍摄信息（EXIF）、文件名和文件夹名中都没有日期，因此不计入任何期间",
                    whereEn + "no activity date in the caption, EXIF, file name or folder name; not counted for any period");
        } else if (date.isBefore(rules.from()) || date.isAfter(until)) {
            Map<String, Object> data = new LinkedHashMap<>(pageData);
            data.put("date", date.toString());
            data.put("from", rules.from().toString());
            data.put("to", until.toString());
            add("photo.out_of_period", Severity.WARNING, item.id(), f.rel(), null, data,
                    where + "活动日期 " + date + " 不在申报期间 " + rules.from() + " 至 " + until + " 内，不计数",
                    whereEn + "activity date " + date + " is outside " + rules.from() + " … " + until + "; not counted");
        }
        boolean inPeriod = date != null && !date.isBefore(rules.from()) && !date.isAfter(until);
        photoRecords.add(new PhotoRecord(f.rel(), page, item.id(), f.category(), date == null ? null : (dayKnown ? date.toString()
                : date.toString().substring(0, 7)), source, caps.stream().map(PhotoFacts.Caption::source).toList(),
                parsed.fields().keySet().stream().map(CaptionField::key).toList(), usable && inPeriod, null));
        return new Dated(date, dayKnown, inPeriod);
    }

    /** Camera-default and impossible EXIF dates prove nothing. */
    private boolean trustedExif(LocalDate d) {
        return d.getYear() > 2000 && !d.isAfter(asOf.plusDays(1));
    }

    /** 每类每月… : counts usable photos per category per period; every short due period is a gap. */
    private void coverage(Item item, Material m, List<PhotoEval> photos) {
        if (photos.isEmpty()) {
            add("material.missing", Severity.ERROR, item.id(), null, null,
                    Map.of("kind", m.kind().key, "need", Describe.material(m, item, false)),
                    "缺少图片资料：" + Describe.material(m, item, false), "no photos: " + Describe.material(m, item, true));
            return;
        }
        List<String> categories;
        if (m.each() == Each.CATEGORY) {
            if (!item.categories().isEmpty()) {
                categories = item.categories();
            } else {
                categories = photos.stream().map(PhotoEval::category).filter(Objects::nonNull).distinct().sorted().toList();
            }
            Set<String> reported = new HashSet<>();
            for (PhotoEval e : photos) {
                if ((e.category() == null || !categories.contains(e.category())) && reported.add(e.rel())) {
                    String folder = e.otherFolder();
                    add("photo.category_unknown", Severity.WARNING, item.id(), e.rel(), null,
                            folder == null ? Map.of() : Map.of("folder", folder),
                            (folder == null ? "图片未放在类别文件夹中" : "文件夹“" + folder + "”不是本条目的类别")
                                    + "，不计入任何类别；类别：" + String.join("、", categories),
                            (folder == null ? "the photo is in no category folder" : "folder '" + folder + "' is no category of this item")
                                    + "; not counted; categories: " + String.join(", ", categories));
                }
            }
        } else {
            categories = List.of("");
        }
        List<Integer> years = item.yearsFor(m);
        List<Periods.Period> periods = Periods.of(m.per(), rules.from(), rules.to(), until, m.festivals(), years,
                rules.defaults().festivalBefore(), rules.defaults().festivalAfter());
        if (m.per() != Per.FESTIVAL && m.per() != Per.TOTAL && !years.isEmpty()) {
            periods = periods.stream().filter(p -> years.contains(p.start().getYear())).toList();
        }
        for (String cat : categories) {
            for (Periods.Period period : periods) {
                int have = 0;
                for (PhotoEval e : photos) {
                    if (!e.usable() || e.date() == null) continue;
                    if (m.each() == Each.CATEGORY && !cat.equals(e.category())) continue;
                    if (m.per() == Per.FESTIVAL && !e.dayKnown()) continue;
                    if (period.contains(e.date())) have++;
                }
                if (have >= m.min()) continue;
                Map<String, Object> data = new LinkedHashMap<>();
                if (!cat.isEmpty()) data.put("category", cat);
                data.put("period", period.key());
                if (m.per() == Per.FESTIVAL) {
                    data.put("year", Integer.parseInt(period.key().substring(0, 4)));
                    data.put("festival", period.key().substring(5));
                }
                data.put("have", have);
                data.put("need", m.min());
                String who = cat.isEmpty() ? "" : "“" + cat + "”";
                if (period.state() == Periods.State.DUE) {
                    add("coverage.gap", Severity.ERROR, item.id(), null, period.key(), data,
                            who + period.key() + " 图片 " + have + " 张，要求至少 " + m.min() + " 张",
                            (cat.isEmpty() ? "" : cat + " ") + period.key() + ": " + have + " photo(s), at least " + m.min() + " required");
                } else {
                    add("coverage.pending", Severity.INFO, item.id(), null, period.key(), data,
                            who + period.key() + " 尚未结束：目前 " + have + " 张，要求至少 " + m.min() + " 张",
                            (cat.isEmpty() ? "" : cat + " ") + period.key() + " is still running: " + have + " of " + m.min() + " photo(s)");
                }
            }
        }
    }

    /** Hamming distance of two pHashes at or below which two photos are the same picture. */
    static final int NEAR_DUPLICATE_BITS = 12;

    /**
     * 负面清单 I30 弄虚作假: the same photo (same bytes, or re-saved, resized, recompressed, lightly
     * cropped) used more than once anywhere in the package. One finding per group, naming every
     * member and the date it was counted for.
     */
    private void duplicates() {
        List<PhotoEval> ps = allPhotos.stream().filter(p -> p.sha() != null || p.phash() != null)
                .sorted(Comparator.comparing(PhotoEval::label)).toList();
        int n = ps.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) parent[i] = i;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                PhotoEval a = ps.get(i);
                PhotoEval b = ps.get(j);
                boolean same = (a.sha() != null && a.sha().equals(b.sha()))
                        || (a.phash() != null && b.phash() != null && Pixels.distance(a.phash(), b.phash()) <= NEAR_DUPLICATE_BITS);
                if (same) parent[find(parent, j)] = find(parent, i);
            }
        }
        Map<Integer, List<PhotoEval>> groups = new TreeMap<>();
        for (int i = 0; i < n; i++) groups.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(ps.get(i));
        int groupNo = 0;
        for (List<PhotoEval> g : groups.values()) {
            if (g.size() < 2) continue;
            String group = "dup-" + (++groupNo);
            PhotoEval first = g.get(0);
            boolean identical = g.stream().allMatch(p -> p.sha() != null && p.sha().equals(first.sha()));
            List<Map<String, Object>> members = new ArrayList<>();
            StringJoiner zh = new StringJoiner("、");
            StringJoiner en = new StringJoiner(", ");
            for (PhotoEval p : g) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("file", p.rel());
                if (p.page() != null) m.put("page", p.page());
                m.put("item", p.item());
                if (p.category() != null) m.put("category", p.category());
                m.put("date", p.date() == null ? null : p.date().toString());
                members.add(m);
                String when = p.date() == null ? "未计数" : (p.dayKnown() ? p.date().toString() : p.date().toString().substring(0, 7));
                zh.add(p.label() + "（" + when + "）");
                en.add(p.label() + " (" + (p.date() == null ? "not counted" : when) + ")");
            }
            for (PhotoEval p : g) duplicateGroup.put(p.rel() + "#" + p.page(), group);
            add("photo.duplicate", Severity.ERROR, first.item(), first.rel(), null,
                    Map.of("group", group, "identical", identical, "files", members),
                    (identical ? "同一张图片" : "几乎相同的图片（重新保存、缩放或裁剪）") + "被重复使用 " + g.size() + " 次："
                            + zh + "。重复使用照片可能被认定为弄虚作假，请换用当期的不同照片",
                    (identical ? "the same image" : "a near-identical image (re-saved, resized or cropped)") + " is used "
                            + g.size() + " times: " + en + ". Reused photos may count as falsified evidence");
        }
    }

    private final Map<String, String> duplicateGroup = new HashMap<>();

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    // ---- reports --------------------------------------------------------------------------

    /** 说明报告要按照字数要求写出文字说明，以WORD、WPS或永中格式上传. */
    private void reports(Item item, Material m, List<Placed> files) {
        ReportDefaults d = rules.defaults().report();
        Integer target = m.words() != null ? m.words() : d.words();
        List<Placed> valid = new ArrayList<>();
        for (Placed p : files) {
            FileEntry f = p.f();
            TextFacts t = p.fx() == null ? null : p.fx().text();
            if (t == null && f.type() == FileType.UNKNOWN && d.formats().contains(f.ext())) {
                add("report.unparseable", Severity.ERROR, item.id(), f.rel(), null, Map.of("reason", "unknown_content"),
                        "无法读取文档内容，文件已损坏或不是 ." + f.ext() + " 文档，请用 Word 或 WPS 另存为 docx",
                        "cannot read the document: it is damaged or not a ." + f.ext() + " file; re-save it as docx");
                continue;
            }
            if (t == null) {
                add("report.format", Severity.ERROR, item.id(), f.rel(), null,
                        Map.of("format", f.type() == FileType.UNKNOWN ? f.ext() : f.type().name().toLowerCase(Locale.ROOT), "accepted", d.formats()),
                        "说明报告须为 WORD、WPS 或永中格式（" + String.join("/", d.formats()) + "），此文件是 "
                                + (f.type() == FileType.UNKNOWN ? "." + f.ext() : f.type().label) + "，请另存为 docx",
                        "reports must be Word, WPS or Yozo files (" + String.join("/", d.formats()) + "); this is " + f.type().name());
                continue;
            }
            switch (t.status()) {
                case ENCRYPTED -> {
                    add("report.encrypted", Severity.ERROR, item.id(), f.rel(), null, Map.of(),
                            "文件设置了密码或已加密，系统和评审都无法打开，请取消密码后另存",
                            "the file is password-protected or encrypted; remove the password and save again");
                    continue;
                }
                case TOO_COMPLEX -> {
                    add("file.too_complex", Severity.ERROR, item.id(), f.rel(), null, Map.of("reason", t.detail()),
                            "文件解压后过大或结构异常（疑似压缩炸弹），已拒绝处理",
                            "refused: the file inflates beyond the limits or is malformed (" + t.detail() + ")");
                    continue;
                }
                case WORKS -> {
                    add("report.unparseable", Severity.ERROR, item.id(), f.rel(), null, Map.of("reason", "works"),
                            "这是 Microsoft Works 文件，不是 WPS 文字文档，请用 WPS 或 Word 另存为 docx",
                            "this is a Microsoft Works file, not a Kingsoft WPS document; re-save it as docx");
                    continue;
                }
                case UNPARSEABLE -> {
                    String zh = t.detail().contains("Block") && t.detail().contains("not found")
                            ? "文件损坏或为WPS非标准DOC，请另存为docx" : "无法读取文档内容，文件可能已损坏，请另存为 docx";
                    add("report.unparseable", Severity.ERROR, item.id(), f.rel(), null, Map.of("reason", t.detail()),
                            zh + "（" + t.detail() + "）", "cannot read the document (" + t.detail() + "); re-save it as docx");
                    continue;
                }
                case OK -> { }
            }
            if (!d.formats().contains(f.ext()) && !d.formats().contains(t.format())) {
                add("report.format", Severity.ERROR, item.id(), f.rel(), null, Map.of("format", f.ext(), "accepted", d.formats()),
                        "扩展名 ." + f.ext() + " 不在允许的格式（" + String.join("/", d.formats()) + "）中",
                        "extension ." + f.ext() + " is not an accepted format (" + String.join("/", d.formats()) + ")");
                continue;
            }
            WordCounter.Counts c = t.counts();
            reportRecords.add(new ReportRecord(f.rel(), item.id(), t.format(), c.words(), c.han(), c.nonSpaceChars()));
            if (target != null) {
                int lo = (int) Math.ceil(target * (1 - d.below()));
                int hi = (int) Math.floor(target * (1 + d.above()));
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("words", c.words());
                data.put("han", c.han());
                data.put("chars_no_spaces", c.nonSpaceChars());
                data.put("target", target);
                data.put("min", lo);
                data.put("max", hi);
                if (c.words() < lo) {
                    add("report.too_short", Severity.ERROR, item.id(), f.rel(), null, data,
                            "字数 " + c.words() + "，要求 " + target + " 字左右（" + lo + "–" + hi + "），请补充",
                            c.words() + " words; about " + target + " required (" + lo + "–" + hi + ")");
                } else if (c.words() > hi) {
                    add("report.too_long", Severity.WARNING, item.id(), f.rel(), null, data,
                            "字数 " + c.words() + "，要求 " + target + " 字左右（" + lo + "–" + hi + "），建议精简",
                            c.words() + " words; about " + target + " required (" + lo + "–" + hi + ")");
                }
            }
            valid.add(p);
        }
        switch (m.each()) {
            case NONE -> {
                if (valid.size() < m.min()) {
                    add("report.missing", Severity.ERROR, item.id(), null, null,
                            Map.of("have", valid.size(), "need", m.min()),
                            files.isEmpty() ? "缺少说明报告" + wordsZh(target) + (m.min() > 1 ? "（需要 " + m.min() + " 份）" : "")
                                    : "可用的说明报告 " + valid.size() + " 份，需要 " + m.min() + " 份",
                            files.isEmpty() ? "no report" + (target == null ? "" : " (about " + target + " words)")
                                    : valid.size() + " usable report(s), " + m.min() + " required");
                }
            }
            case YEAR -> {
                for (int year : item.yearsFor(m)) {
                    if (year > until.getYear()) continue;   // not due yet
                    String y = String.valueOf(year);
                    boolean found = valid.stream().anyMatch(p -> p.f().name().contains(y))
                            || valid.stream().anyMatch(p -> p.f().folders().stream().anyMatch(x -> x.contains(y)))
                            || valid.stream().anyMatch(p -> p.fx().text().firstLines(3).contains(y));
                    if (!found) {
                        add("report.missing", Severity.ERROR, item.id(), null, y, Map.of("year", year),
                                "缺少 " + year + " 年的说明报告" + wordsZh(target) + "（文件名或标题中应含“" + year + "”）",
                                "no report for " + year + (target == null ? "" : " (about " + target + " words)"));
                    }
                }
            }
            case CATEGORY -> {
                if (item.categories().isEmpty()) {
                    if (valid.isEmpty()) {
                        add("report.missing", Severity.ERROR, item.id(), null, null, Map.of("have", 0, "need", 1),
                                "缺少说明报告（每类一份）" + wordsZh(target), "no report (one per category)");
                    }
                } else {
                    for (String cat : item.categories()) {
                        boolean found = valid.stream().anyMatch(p -> cat.equals(p.f().category())
                                || p.f().name().contains(cat) || p.fx().text().firstLines(2).contains(cat));
                        if (!found) {
                            add("report.missing", Severity.ERROR, item.id(), null, null, Map.of("category", cat),
                                    "缺少“" + cat + "”的说明报告" + wordsZh(target) + "（文件名中应含“" + cat + "”）",
                                    "no report for category " + cat + (target == null ? "" : " (about " + target + " words)"));
                        }
                    }
                }
            }
        }
    }

    private static String wordsZh(Integer words) {
        return words == null ? "" : "（" + words + "字左右）";
    }

    // ---- formal documents, evaluations, data tables ----------------------------------------

    /** 正式发文/部门评价/数据表格: scans (JPG/PDF) or, for a document's body, Word files. */
    private void documents(Item item, Material m, List<Placed> files) {
        List<String> formats = rules.defaults().document().formats();
        int ok = 0;
        for (Placed p : files) {
            FileEntry f = p.f();
            boolean real = f.type() == FileType.JPEG || f.type() == FileType.PDF
                    || (p.fx() != null && p.fx().text() != null && p.fx().text().status() == TextFacts.Status.OK);
            if (!formats.contains(f.ext()) || !real) {
                add("doc.format", Severity.ERROR, item.id(), f.rel(), null,
                        Map.of("format", f.ext(), "accepted", formats),
                        m.kind().zh + "须为 " + String.join("/", upper(formats)) + " 格式（扫描件），此文件是 "
                                + (f.type() == FileType.UNKNOWN ? "." + f.ext() : f.type().label),
                        m.kind().en + " must be " + String.join("/", upper(formats)) + "; this file is " + f.type().name());
                continue;
            }
            if (p.fx() != null && p.fx().text() != null && p.fx().text().status() == TextFacts.Status.ENCRYPTED) {
                add("doc.encrypted", Severity.ERROR, item.id(), f.rel(), null, Map.of(),
                        "文件已加密，无法上传审阅", "the file is encrypted");
                continue;
            }
            ok++;
        }
        if (ok < m.min()) {
            add("material.missing", Severity.ERROR, item.id(), null, null,
                    Map.of("kind", m.kind().key, "have", ok, "need", m.min()),
                    "缺少" + m.kind().zh + "：" + Describe.material(m, item, false),
                    "no " + m.kind().en + ": " + Describe.material(m, item, true));
        }
    }

    // ---- helpers --------------------------------------------------------------------------

    private void add(String code, Severity sev, String item, String file, String period, Map<String, Object> data,
                     String zh, String en) {
        out.add(new Finding(code, sev, "", item, file, period, data, zh, en));
    }

    private static List<String> upper(List<String> l) {
        return l.stream().map(s -> s.toUpperCase(Locale.ROOT)).toList();
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.2f MB", bytes / 1048576.0);
    }

    private static String corruptZh(String why) {
        return switch (why) {
            case "truncated" -> "文件被截断，缺少结束标记";
            case "no_soi", "bad_marker" -> "文件结构错误";
            case "no_frame", "no_scan" -> "没有图像数据";
            default -> "无法解析";
        };
    }

    private static String fieldsZh(List<CaptionField> fs) {
        return String.join("、", fs.stream().map(f -> f.zh).toList());
    }

    private static String fieldsEn(List<CaptionField> fs) {
        return String.join(", ", fs.stream().map(f -> f.en).toList());
    }
}
