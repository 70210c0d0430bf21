package cn.evcheck.check;

import cn.evcheck.rules.*;
import cn.evcheck.inspect.*;
import cn.evcheck.model.Finding;
import cn.evcheck.model.Report.*;
import cn.evcheck.model.Severity;
import cn.evcheck.rules.Model.*;
import cn.evcheck.scan.FileEntry;
import cn.evcheck.scan.FileType;
import cn.evcheck.scan.Formats;
import cn.evcheck.scan.Inventory;
import cn.evcheck.scan.PackageScanner;

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
        for (Sidecars.Problem p : sidecars.problems()) {
            if (p.tooComplex()) {
                add("file.too_complex", Severity.WARNING, null, p.rel(), null, Map.of("reason", p.reason()),
                        "图片说明表超出处理上限（" + p.reason() + "），已拒绝读取",
                        "caption sidecar refused: over the limits (" + p.reason() + ")");
                continue;
            }
            add("file.unreadable", Severity.WARNING, null, p.rel(), null, Map.of("reason", p.reason()),
                    "图片说明表无法使用（需要“文件名”和“图片说明”两列）：" + p.reason(),
                    "caption sidecar unusable (needs columns 文件名 and 图片说明): " + p.reason());
        }
        for (FileEntry f : inv.files()) {
            Facts fx = facts.get(f.rel());
            if (fx == null || fx.sheet() == null || fx.sheet().problem() != null) continue;
            for (SheetFacts.Row r : fx.sheet().rows()) {
                values.computeIfAbsent(metricKey(r.metric()), k -> new ArrayList<>()).add(new Value(r, f.rel()));
            }
        }
        Map<String, List<Placed>> byItem = new LinkedHashMap<>();
        for (Item item : rules.items()) byItem.put(item.id(), new ArrayList<>());
        for (FileEntry f : inv.files()) {
            Facts fx = facts.get(f.rel());
            if (!fileLevel(f, fx)) continue;
            secrecy(f, fx);
            if (f.itemId() == null && fx != null && fx.sheet() != null && fx.sheet().problem() == null) {
                continue;   // a package-level indicator sheet: its values serve every item
            }
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
        List<String> notApplicable = new ArrayList<>();
        for (Item item : rules.items()) {
            boolean hasFolder = inv.itemFolders().contains(item.id());
            if (!hasFolder && byItem.get(item.id()).isEmpty() && !Responsibility.applies(item, unit)) {
                notApplicable.add(item.id());
                continue;
            }
            items.add(checkItem(item, byItem.get(item.id()), hasFolder));
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
        boolean ocrMissed = facts.values().stream().anyMatch(fx -> fx.doc() != null && fx.doc().problem() == null
                && fx.doc().text().isEmpty() && fx.doc().ocrState() == DocFacts.OcrState.UNAVAILABLE);
        return new UnitResult(unit, inv.root().toString(), finalItems, sorted, photoRecords, reportRecords, inv.files().size(),
                ocrMissed, notApplicable);
    }

    private record Placed(FileEntry f, Facts fx, Kind role) {}

    /** A metric's value in a data sheet, and where it was read. */
    private record Value(SheetFacts.Row row, String file) {}

    /** Every readable indicator sheet of the package, by normalised metric name. */
    private final Map<String, List<Value>> values = new TreeMap<>();

    private static String metricKey(String s) {
        return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKC).replaceAll("[\\s\\p{Punct}、，。：；（）“”]", "");
    }

    private Value lookup(String metric) {
        String k = metricKey(metric);
        List<Value> exact = values.get(k);
        if (exact != null) return exact.get(0);
        for (Map.Entry<String, List<Value>> e : values.entrySet()) {
            if (k.length() >= 4 && e.getKey().length() >= 4 && (e.getKey().contains(k) || k.contains(e.getKey()))) {
                return e.getValue().get(0);
            }
        }
        return null;
    }

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
        if (fx != null && fx.refused() != null) {
            add("file.too_complex", Severity.ERROR, f.itemId(), f.rel(), null, Map.of("reason", fx.refused()),
                    "文件结构过于复杂或过大，超出处理上限（" + fx.refused() + "），已拒绝处理",
                    "refused: the file is over the limits (" + fx.refused() + ")");
            return false;
        }
        FileType expected = Formats.expectedType(f.ext());
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
        if (wordLike || Formats.isWordFamily(f.ext())) {
            return first(item, Kind.REPORT, Kind.FORMAL_DOC, Kind.DEPT_EVAL, Kind.DATA_TABLE);
        }
        if (t == FileType.PDF) return first(item, Kind.FORMAL_DOC, Kind.DEPT_EVAL, Kind.DATA_TABLE, Kind.PHOTOS, Kind.REPORT);
        if (Formats.isSheet(f.ext())) return first(item, Kind.DATA_TABLE);
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
        boolean valuesOnly = !item.materials().isEmpty() && item.materials().stream().allMatch(m -> m.kind() == Kind.DATA_TABLE)
                && !values.isEmpty();
        if (files.isEmpty() && !valuesOnly) {
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
        boolean sheetExt = Formats.isSheet(f.ext());
        if (f.itemId() == null) return new Inspector.Needs(false, false, false, sheetExt);
        Item item = rules.item(f.itemId());
        if (sheetExt && role(f, null, item) == Kind.DATA_TABLE) return new Inspector.Needs(false, false, false, true);
        Kind role = role(f, null, item);
        boolean photo = role == Kind.PHOTOS && item.requires(Kind.PHOTOS);
        boolean doc = role != null && role != Kind.PHOTOS && role != Kind.REPORT && item.requires(role)
                && (f.type() == FileType.JPEG || f.type() == FileType.PDF);
        return new Inspector.Needs(photo && f.type() == FileType.JPEG, photo && f.type() == FileType.PDF, doc, false);
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
            if (Formats.expectedType(f.ext()) != FileType.JPEG) {   // a .jpg holding PNG was reported as a mismatch
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

    /** 说明报告要按照字数要求写出文字说明，以WORD、WPS或永中格式上传，不需要单位落款和加盖公章. */
    private void reports(Item item, Material m, List<Placed> files) {
        ReportDefaults d = rules.defaults().report();
        Integer target = m.words() != null ? m.words() : d.words();
        List<Placed> valid = new ArrayList<>();
        for (Placed p : files) {
            FileEntry f = p.f();
            TextFacts t = p.fx() == null ? null : p.fx().text();
            if (t == null && f.ext().equals("eio")) {
                add("report.unparseable", Severity.ERROR, item.id(), f.rel(), null, Map.of("reason", "eio"),
                        "永中 .eio 格式无法读取和计数，请用永中Office另存为 .docx（或 .doc、.uof）后上传",
                        "Yozo's native .eio cannot be read; save it as .docx (or .doc, .uof)");
                continue;
            }
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
            reportRecords.add(new ReportRecord(f.rel(), item.id(), t.format(), c.words(), c.han(), c.nonSpaceChars(),
                    t.notes().words(), t.boxes().words()));
            if (target != null) {
                int lo = (int) Math.ceil(target * (1 - d.below()));
                int hi = (int) Math.floor(target * (1 + d.above()));
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("words", c.words());
                data.put("han", c.han());
                data.put("chars_no_spaces", c.nonSpaceChars());
                data.put("notes_words", t.notes().words());
                data.put("textbox_words", t.boxes().words());
                data.put("target", target);
                data.put("min", lo);
                data.put("max", hi);
                String extra = t.notes().words() + t.boxes().words() == 0 ? ""
                        : "（另有脚注尾注 " + t.notes().words() + " 字、文本框 " + t.boxes().words() + " 字未计入）";
                String extraEn = t.notes().words() + t.boxes().words() == 0 ? ""
                        : " (plus " + t.notes().words() + " in notes and " + t.boxes().words() + " in text boxes, not counted)";
                if (c.words() < lo) {
                    add("report.too_short", Severity.ERROR, item.id(), f.rel(), null, data,
                            "字数 " + c.words() + "，要求 " + target + " 字左右（" + lo + "–" + hi + "），请补充" + extra,
                            c.words() + " words; about " + target + " required (" + lo + "–" + hi + ")" + extraEn);
                } else if (c.words() > hi) {
                    add("report.too_long", Severity.WARNING, item.id(), f.rel(), null, data,
                            "字数 " + c.words() + "，要求 " + target + " 字左右（" + lo + "–" + hi + "），建议精简" + extra,
                            c.words() + " words; about " + target + " required (" + lo + "–" + hi + ")" + extraEn);
                }
            }
            assessorChecks(item, f, t);
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
            case YEAR -> yearSlots(item, m, valid, target);
            case CATEGORY -> categorySlots(item, m, valid, target);
        }
    }

    /** Revisions, comments, a 落款 or seal, personal data: what would be published with the report. */
    private void assessorChecks(Item item, FileEntry f, TextFacts t) {
        if (t.revisions() > 0 || t.comments() > 0) {
            add("report.revisions", Severity.WARNING, item.id(), f.rel(), null,
                    Map.of("revisions", t.revisions(), "comments", t.comments()),
                    "文档留有修订痕迹 " + t.revisions() + " 处、批注 " + t.comments() + " 条，上传后会被公开：请接受所有修订并删除批注后另存",
                    t.revisions() + " tracked change(s) and " + t.comments() + " comment(s) are left and would be published");
        }
        String sig = t.signature();
        if (sig != null || t.sealImage()) {
            Map<String, Object> data = new LinkedHashMap<>();
            if (sig != null) data.put("signature", sig);
            data.put("seal_image", t.sealImage());
            add("report.signature", Severity.INFO, item.id(), f.rel(), null, data,
                    (sig != null ? "文末有单位落款和日期（" + sig + "）" : "文档中有公章图片") + "：说明报告不需要单位落款和加盖公章，可删除",
                    (sig != null ? "the report ends with a signature and date (" + sig + ")" : "the report embeds a seal image")
                            + ": reports need no signature or seal");
        }
        List<String> pii = t.pii();
        if (!pii.isEmpty()) {
            add("report.pii", Severity.WARNING, item.id(), f.rel(), null, Map.of("count", pii.size(), "masked", pii),
                    "报告含身份证号或手机号 " + pii.size() + " 处（" + String.join("、", pii.subList(0, Math.min(3, pii.size())))
                            + "），上传后会被公开，请删除或打码",
                    pii.size() + " ID-card or mobile number(s) (" + String.join(", ", pii.subList(0, Math.min(3, pii.size())))
                            + ") would be published; remove or mask them");
        }
    }

    private static final java.util.regex.Pattern YEAR = java.util.regex.Pattern.compile("(?<!\\d)(20\\d{2})(?!\\d)");

    /** The year a report is about: from its file name, else its folder names, else its title. */
    private static Integer statedYear(String s) {
        java.util.regex.Matcher m = YEAR.matcher(s);
        return m.find() ? Integer.parseInt(m.group(1)) : null;
    }

    /** 分别说明2018、2019、2020年…: one report per listed year. */
    private void yearSlots(Item item, Material m, List<Placed> valid, Integer target) {
        List<Integer> years = item.yearsFor(m);
        Map<Integer, List<Placed>> slots = new TreeMap<>();
        for (Placed p : valid) {
            Integer y = statedYear(p.f().stem());
            if (y == null) {
                for (String folder : p.f().folders()) if (y == null) y = statedYear(folder);
            }
            Integer titleYear = statedYear(p.fx().text().firstLines(1));
            if (y == null) y = titleYear;
            if (y == null) continue;
            if (!years.contains(y)) {
                add("report.unexpected", Severity.WARNING, item.id(), p.f().rel(), null, Map.of("year", y, "years", years),
                        "本条目只要求 " + yearsZh(years) + " 年的报告，此报告是 " + y + " 年的",
                        "the item asks for reports for " + years + "; this one is for " + y);
                continue;
            }
            if (titleYear != null && !titleYear.equals(y)) {
                add("report.unexpected", Severity.WARNING, item.id(), p.f().rel(), null, Map.of("year", y, "title_year", titleYear),
                        "文件名表明是 " + y + " 年的报告，但标题写的是 " + titleYear + " 年，请核实",
                        "the file name says " + y + " but the title says " + titleYear);
            }
            slots.computeIfAbsent(y, k -> new ArrayList<>()).add(p);
        }
        for (int year : years) {
            List<Placed> in = slots.getOrDefault(year, List.of());
            if (in.size() > 1) duplicateSlot(item, String.valueOf(year), in);
            if (!in.isEmpty() || year > until.getYear()) continue;   // filled, or not due yet
            add("report.missing", Severity.ERROR, item.id(), null, String.valueOf(year), Map.of("year", year),
                    "缺少 " + year + " 年的说明报告" + wordsZh(target) + "（文件名或标题中应含“" + year + "”）",
                    "no report for " + year + (target == null ? "" : " (about " + target + " words)"));
        }
    }

    /** 分别提供说明报告: one report per category, told apart by name. */
    private void categorySlots(Item item, Material m, List<Placed> valid, Integer target) {
        if (item.categories().isEmpty()) {
            if (valid.isEmpty()) {
                add("report.missing", Severity.ERROR, item.id(), null, null, Map.of("have", 0, "need", 1),
                        "缺少说明报告（每类一份）" + wordsZh(target), "no report (one per category)");
            }
            return;
        }
        Map<String, List<Placed>> slots = new LinkedHashMap<>();
        for (Placed p : valid) {
            String cat = p.f().category() != null ? p.f().category()
                    : PackageScanner.categoryOf(item, p.fx().text().firstLines(2));
            if (cat == null) {
                add("report.unexpected", Severity.WARNING, item.id(), p.f().rel(), null, Map.of("categories", item.categories()),
                        "看不出此报告属于哪一类：文件名或标题中应含类别名（" + String.join("、", item.categories()) + "）",
                        "cannot tell which category this report is for; name it after one of: " + String.join(", ", item.categories()));
                continue;
            }
            slots.computeIfAbsent(cat, k -> new ArrayList<>()).add(p);
        }
        for (String cat : item.categories()) {
            List<Placed> in = slots.getOrDefault(cat, List.of());
            if (in.size() > 1) duplicateSlot(item, cat, in);
            if (!in.isEmpty()) continue;
            add("report.missing", Severity.ERROR, item.id(), null, null, Map.of("category", cat),
                    "缺少“" + cat + "”的说明报告" + wordsZh(target) + "（文件名中应含“" + cat + "”）",
                    "no report for category " + cat + (target == null ? "" : " (about " + target + " words)"));
        }
    }

    private void duplicateSlot(Item item, String slot, List<Placed> in) {
        List<String> names = in.stream().map(p -> p.f().rel()).sorted().toList();
        add("report.duplicate", Severity.WARNING, item.id(), names.get(0), null, Map.of("slot", slot, "files", names),
                "“" + slot + "”有 " + names.size() + " 份报告：" + String.join("、", names) + "；只需一份，请保留一份",
                names.size() + " reports for '" + slot + "': " + String.join(", ", names) + "; keep one");
    }

    private static String yearsZh(List<Integer> years) {
        return String.join("、", years.stream().map(String::valueOf).toList());
    }

    private static String wordsZh(Integer words) {
        return words == null ? "" : "（" + words + "字左右）";
    }

    // ---- formal documents, evaluations, data tables ----------------------------------------

    /** What one document file shows, from its scan, its text layer, OCR and its name. */
    private record DocEvidence(Placed p, boolean redHeader, boolean seal, DocNumbers.Found number, String numberSource) {}

    /**
     * 正式发文需扫描正式发文的红头页(需要文号)制作成图片格式上报 … 部门评价 … 需要提供红头页和盖章页;
     * 数据表格 … 加盖公章，扫描制作成图片格式. A material is satisfied only by files that show these.
     */
    private void documents(Item item, Material m, List<Placed> all) {
        List<String> formats = rules.defaults().document().formats();
        List<DocEvidence> ok = new ArrayList<>();
        List<Placed> files = all;
        if (m.kind() == Kind.DATA_TABLE) {
            files = new ArrayList<>();
            for (Placed p : all) {
                if (!Formats.isSheet(p.f().ext())) {
                    files.add(p);
                } else if (p.fx() == null || p.fx().sheet() == null || p.fx().sheet().problem() != null) {
                    String why = p.fx() == null || p.fx().sheet() == null ? "unreadable" : p.fx().sheet().problem();
                    add("data.value_missing", Severity.WARNING, item.id(), p.f().rel(), null, Map.of("reason", why),
                            why.equals("no_header") ? "数据表中没有找到“指标”和“数值”两列，无法读取数值"
                                    : "数据表无法读取（文件损坏或格式不符），请另存为 xlsx",
                            why.equals("no_header") ? "the sheet has no 指标/数值 header row" : "the sheet cannot be read");
                }
            }
            if (files.isEmpty()) {
                if (!values.isEmpty()) {
                    dataValues(item, m, true);   // a filled indicator sheet is the material
                } else {
                    add("material.missing", Severity.ERROR, item.id(), null, null, Map.of("kind", m.kind().key, "have", 0, "need", m.min()),
                            "缺少" + m.kind().zh + "：" + Describe.material(m, item, false),
                            "no " + m.kind().en + ": " + Describe.material(m, item, true));
                }
                return;
            }
            if (!values.isEmpty()) dataValues(item, m, false);
        }
        for (Placed p : files) {
            FileEntry f = p.f();
            TextFacts t = p.fx() == null ? null : p.fx().text();
            DocFacts d = p.fx() == null ? null : p.fx().doc();
            boolean real = f.type() == FileType.JPEG || f.type() == FileType.PDF || (t != null && t.status() != TextFacts.Status.UNPARSEABLE);
            if (!formats.contains(f.ext()) || !real) {
                add("doc.format", Severity.ERROR, item.id(), f.rel(), null,
                        Map.of("format", f.ext(), "accepted", formats),
                        m.kind().zh + "须为 " + String.join("/", upper(formats)) + " 格式（扫描件），此文件是 "
                                + (f.type() == FileType.UNKNOWN ? "." + f.ext() : f.type().label),
                        m.kind().en + " must be " + String.join("/", upper(formats)) + "; this file is " + f.type().name());
                continue;
            }
            if ((t != null && t.status() == TextFacts.Status.ENCRYPTED) || (d != null && "encrypted".equals(d.problem()))) {
                add("doc.encrypted", Severity.ERROR, item.id(), f.rel(), null, Map.of(),
                        "文件设置了密码或已加密，无法上传审阅，请取消密码后另存", "the file is password-protected or encrypted");
                continue;
            }
            if (d != null && d.problem() != null) {
                if (d.problem().equals("too_complex")) {
                    add("file.too_complex", Severity.ERROR, item.id(), f.rel(), null, Map.of("reason", d.detail()),
                            "文件超出处理上限（" + d.detail() + "），已拒绝处理", "refused: over the limits (" + d.detail() + ")");
                } else {
                    add("doc.format", Severity.ERROR, item.id(), f.rel(), null, Map.of("reason", d.detail()),
                            "无法读取此扫描件（文件损坏），请重新扫描", "the scan cannot be read (damaged); scan it again");
                }
                continue;
            }
            if (t != null && t.status() != TextFacts.Status.OK) {
                add("doc.format", Severity.ERROR, item.id(), f.rel(), null, Map.of("reason", t.detail()),
                        "无法读取此文档（" + t.detail() + "），请另存为 docx 或扫描为 PDF", "the document cannot be read (" + t.detail() + ")");
                continue;
            }
            ok.add(evidence(p, t, d));
        }
        if (ok.size() < m.min()) {
            add("material.missing", Severity.ERROR, item.id(), null, null,
                    Map.of("kind", m.kind().key, "have", ok.size(), "need", m.min()),
                    "缺少" + m.kind().zh + "：" + Describe.material(m, item, false),
                    "no " + m.kind().en + ": " + Describe.material(m, item, true));
            return;
        }
        boolean anyHeader = ok.stream().anyMatch(DocEvidence::redHeader);
        boolean anySeal = ok.stream().anyMatch(DocEvidence::seal);
        String only = ok.size() == 1 ? ok.get(0).p().f().rel() : null;
        if ((m.kind() == Kind.FORMAL_DOC || m.kind() == Kind.DEPT_EVAL) && !anyHeader) {
            add("doc.red_header_missing", Severity.ERROR, item.id(), only, null, Map.of("kind", m.kind().key, "files", ok.size()),
                    m.kind().zh + "中没有看到红头页：须提供文件第一页（带红色发文机关标志和红线）的彩色扫描件",
                    "no red-header page among the " + m.kind().en + " files: scan page 1 in colour");
        }
        if ((m.kind() == Kind.DEPT_EVAL || m.kind() == Kind.DATA_TABLE) && !anySeal) {
            add("doc.seal_missing", Severity.ERROR, item.id(), only, null, Map.of("kind", m.kind().key, "files", ok.size()),
                    m.kind() == Kind.DATA_TABLE ? "数据表格上没有看到公章：须加盖公章后彩色扫描"
                            : "部门评价中没有看到盖章页：须提供加盖公章的一页（彩色扫描）",
                    "no seal visible on the " + m.kind().en + ": it must be stamped and scanned in colour");
        }
        if (m.kind() == Kind.FORMAL_DOC) {
            DocEvidence numbered = ok.stream().filter(e -> e.number() != null).findFirst().orElse(null);
            if (numbered == null) {
                String where = ok.stream().filter(DocEvidence::redHeader).map(e -> e.p().f().rel()).findFirst().orElse(only);
                add("doc.number_missing", Severity.ERROR, item.id(), where, null,
                        Map.of("ocr", ocrState(ok)),
                        "正式发文没有找到文号（如“赣卫〔2020〕44号”）：须扫描带文号的红头页" + ocrNoteZh(ok),
                        "no document number (e.g. 赣卫〔2020〕44号) found: scan the red-header page with its number" + ocrNoteEn(ok));
            }
            for (DocEvidence e : ok) {
                if (e.number() != null && !e.number().standard() && e.numberSource().equals("text")) {
                    add("doc.number_nonstandard", Severity.WARNING, item.id(), e.p().f().rel(), null,
                            Map.of("number", e.number().text(), "standard", e.number().suggestion()),
                            "文号“" + e.number().text() + "”写法不规范，应为“" + e.number().suggestion() + "”（年份用六角括号〔〕，序号不加“第”、不编虚位）",
                            "the document number '" + e.number().text() + "' is non-standard; write '" + e.number().suggestion() + "'");
                }
            }
        }
    }

    private static String ocrState(List<DocEvidence> ok) {
        boolean scans = ok.stream().anyMatch(e -> e.p().fx().doc() != null && e.p().fx().doc().text().isEmpty());
        if (!scans) return "not_needed";
        return ok.stream().anyMatch(e -> e.p().fx().doc() != null && e.p().fx().doc().text().isEmpty()
                && e.p().fx().doc().ocrState() == DocFacts.OcrState.UNAVAILABLE) ? "unavailable" : "ran";
    }

    private static String ocrNoteZh(List<DocEvidence> ok) {
        return ocrState(ok).equals("unavailable") ? "（本机未安装文字识别 Tesseract，未能识别扫描件上的文号）" : "";
    }

    private static String ocrNoteEn(List<DocEvidence> ok) {
        return ocrState(ok).equals("unavailable") ? " (Tesseract OCR is not installed here; scans were not read)" : "";
    }

    /**
     * The 文号: a text layer or Word text is judged for spelling; OCR, a sidecar line (图片说明 sheet
     * next to the scan) and the file name only prove presence.
     */
    private DocEvidence evidence(Placed p, TextFacts t, DocFacts d) {
        boolean header = (d != null && d.redHeader()) || (t != null && t.redTitle());
        boolean seal = d != null && d.seal();
        String text = t != null ? t.head() : d != null ? d.text() : "";
        String head = text.lines().limit(40).reduce("", (a, b) -> a + "\n" + b);
        DocNumbers.Found n = DocNumbers.find(head);
        String source = "text";
        if (n == null && d != null && !d.ocr().isEmpty()) {
            n = DocNumbers.find(d.ocr());
            source = "ocr";
        }
        if (n == null) {
            n = DocNumbers.find(sidecars.captionFor(p.f()));
            source = "sidecar";
        }
        if (n == null) {
            n = DocNumbers.find(p.f().stem());
            source = "filename";
        }
        return new DocEvidence(p, header, seal, n, source);
    }

    /**
     * Numeric targets (数据表格, indicator sheets): the metric's value from any data sheet in the
     * package, judged against the alternatives — any one satisfies. Reports data.value_missing /
     * data.target_missed.
     */
    private void dataValues(Item item, Material m, boolean onlySource) {
        List<String> metrics = m.targets().isEmpty()
                ? List.of(item.indicator().replaceFirst("^\\s*\\d+\\s*", "").strip())
                : m.targets().stream().map(Target::metric).distinct().toList();
        Map<String, Value> found = new LinkedHashMap<>();
        for (String metric : metrics) {
            Value v = lookup(metric);
            if (v != null) found.put(metric, v);
        }
        if (found.isEmpty()) {
            if (m.targets().isEmpty() && !onlySource) return;
            String names = String.join("、", metrics);
            add("data.value_missing", onlySource ? Severity.ERROR : Severity.WARNING,
                    item.id(), null, null, Map.of("metrics", metrics),
                    onlySource ? "没有找到指标“" + names + "”的数值：请在数据表（xlsx/csv，列“指标”“数值”）中填写"
                            : "扫描件中的数值无法自动核对：如需核对“" + names + "”，请同时提供数据表（xlsx/csv）",
                    onlySource ? "no value for " + names + ": fill it in a data sheet (columns 指标, 数值)"
                            : "values on a scan cannot be checked; add a data sheet to check " + names);
            return;
        }
        if (m.targets().isEmpty()) return;
        boolean pass = false;
        boolean fail = false;
        List<String> tried = new ArrayList<>();
        for (Target t : m.targets()) {
            Value v = found.get(t.metric());
            if (v == null) continue;
            Boolean ok = meets(v.row(), t);
            if (ok == null) continue;
            tried.add(Describe.target(t));
            if (ok) pass = true;
            else fail = true;
        }
        Value shown = found.values().iterator().next();
        if (pass) return;
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("metric", shown.row().metric());
        data.put("value", shown.row().raw());
        data.put("targets", m.targets().stream().map(Describe::target).toList());
        data.put("sheet", shown.file());
        data.put("row", shown.row().row());
        if (fail) {
            add("data.target_missed", Severity.ERROR, item.id(), shown.file(), null, data,
                    "“" + shown.row().metric() + "”为 " + shown.row().raw() + "，未达到目标（" + String.join(" 或 ", tried) + "）",
                    shown.row().metric() + " is " + shown.row().raw() + ", missing the target (" + String.join(" or ", tried) + ")");
        } else {
            add("data.value_missing", Severity.ERROR, item.id(), shown.file(), null, data,
                    "“" + shown.row().metric() + "”的数值“" + shown.row().raw() + "”无法判断（不是数字，或缺少上年值）",
                    "the value '" + shown.row().raw() + "' of " + shown.row().metric() + " cannot be judged (not a number, or no previous value)");
        }
    }

    /** Whether a row meets a target: true, false, or null when it cannot be judged. */
    private static Boolean meets(SheetFacts.Row r, Target t) {
        if (t.op().equals("improves")) {
            return r.value() == null || r.previous() == null ? null : r.value() > r.previous();
        }
        if (t.op().equals("decreases")) {
            return r.value() == null || r.previous() == null ? null : r.value() < r.previous();
        }
        if (r.value() == null) return null;
        double v = r.value();
        double x = t.value();
        return switch (t.op()) {
            case ">=" -> v >= x;
            case ">" -> v > x;
            case "<=" -> v <= x;
            case "<" -> v < x;
            default -> Math.abs(v - x) < 1e-9;
        };
    }

    /** 涉密文件不得通过"网上申报系统"上传: a secrecy marking on anything in the package. */
    private void secrecy(FileEntry f, Facts fx) {
        SecrecyMarks.Mark mark = SecrecyMarks.inName(f.name());
        String where = "文件名";
        if (fx != null && fx.text() != null && fx.text().status() == TextFacts.Status.OK) {
            SecrecyMarks.Mark m = SecrecyMarks.find(fx.text().head(), 6);
            if (m != null && (mark == null || (m.certain() && !mark.certain()))) {
                mark = m;
                where = "正文开头";
            }
        }
        if (fx != null && fx.doc() != null && fx.doc().problem() == null) {
            for (String[] src : new String[][]{{fx.doc().text(), "PDF文字层"}, {fx.doc().ocr(), "扫描件文字识别"}}) {
                SecrecyMarks.Mark m = src[1].equals("扫描件文字识别") ? SecrecyMarks.findOcr(src[0], 8) : SecrecyMarks.find(src[0], 8);
                if (m != null && (mark == null || (m.certain() && !mark.certain()))) {
                    mark = m;
                    where = src[1];
                }
            }
        }
        if (mark == null) return;
        add("secret.marking", mark.certain() ? Severity.ERROR : Severity.WARNING, f.itemId(), f.rel(), null,
                Map.of("marking", mark.text(), "certain", mark.certain(), "found_in", where),
                (mark.certain() ? "发现密级标志“" + mark.text() + "”（" + where + "）：涉密文件不得通过网上申报系统上传，请立即移出材料包"
                        : "开头有“" + mark.text() + "”字样（" + where + "），请确认不是涉密文件；涉密文件不得上传"),
                (mark.certain() ? "secrecy marking '" + mark.text() + "' (" + where + "): classified files must never be uploaded"
                        : "'" + mark.text() + "' stands alone near the top (" + where + "); make sure the file is not classified"));
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
