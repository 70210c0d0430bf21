package cn.evcheck.fix;

import cn.evcheck.check.Engine;
import cn.evcheck.check.Photo;
import cn.evcheck.inspect.CaptionParser;
import cn.evcheck.inspect.Sidecars;
import cn.evcheck.model.Finding;
import cn.evcheck.rules.Model.PhotoDefaults;
import cn.evcheck.rules.Model.RuleSet;
import cn.evcheck.scan.FileEntry;
import cn.evcheck.scan.FileType;
import cn.evcheck.util.SafeOpen;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.*;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.*;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code evcheck fix}: which photos of a checked package get which mechanical fix ({@link #plan}),
 * doing them ({@link #run}), and writing the corrected copy of the package ({@link #copy}) — every
 * other file copied byte for byte. The package is only read, through {@link SafeOpen} (no links).
 * The copy's bytes do not depend on the thread count.
 */
public final class Fixer {
    private Fixer() {}

    static {
        javax.imageio.ImageIO.setUseCache(false);
    }

    /** The formats a photo is converted from (where a decoder is on the class path). */
    static final Set<FileType> CONVERTIBLE = EnumSet.of(FileType.PNG, FileType.GIF, FileType.BMP, FileType.TIFF,
            FileType.WEBP, FileType.HEIC);

    /** What fix may do beyond the default. */
    public record Options(boolean stripGps) {}

    /**
     * One photo to fix.
     *
     * @param rel     where it is in the package
     * @param newRel  where its copy goes (a .jpg name where it had another extension)
     * @param wanted  what it needs
     * @param caption the caption to write into its metadata, or null
     * @param codes   the finding codes it had
     */
    public record Job(FileEntry file, String rel, String newRel, boolean jpeg, Set<PhotoFix.Action> wanted, String caption,
                      List<String> codes) {
        /** The action keys, in order. */
        public List<String> actions() {
            return wanted.stream().map(a -> a.key).toList();
        }
    }

    /** A job done: its result, or null for a dry run; {@code before} is the original's size in bytes. */
    public record Done(Job job, long before, PhotoFix.Result result) {
        public boolean fixed() {
            return result != null && result.bytes() != null;
        }
    }

    /** The budget of a re-encoded photo and the most bytes any copy may have, from the rule set's photo limits. */
    record Limits(long budget, long limit, int minLongSide) {
        static Limits of(PhotoDefaults d) {
            long limit = Math.min(d.maxBytes(), d.nearLimitBytes() - 1);
            return new Limits(limit - Math.max(4096, limit / 100), limit, Math.max(1, d.minLongSide()));
        }
    }

    /** The photos of the checked package that one of the mechanical fixes applies to, by path. */
    public static List<Job> plan(Engine.Outcome before, Options options) {
        Map<String, Set<String>> codes = new HashMap<>();
        for (Finding f : before.result().findings()) {
            if (f.file() != null) codes.computeIfAbsent(f.file(), k -> new TreeSet<>()).add(f.code());
        }
        Set<String> taken = new HashSet<>();
        for (FileEntry f : before.evidence().inventory().files()) taken.add(f.rel().toLowerCase(Locale.ROOT));
        for (FileEntry f : before.evidence().inventory().sidecars()) taken.add(f.rel().toLowerCase(Locale.ROOT));
        Sidecars sidecars = before.evidence().sidecars();
        List<Job> jobs = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Photo ph : before.evidence().photos()) {
            if (ph.page() != null || !seen.add(ph.rel())) continue;
            FileEntry f = ph.file().f();
            Set<String> c = codes.getOrDefault(f.rel(), Set.of());
            EnumSet<PhotoFix.Action> wanted = EnumSet.noneOf(PhotoFix.Action.class);
            String caption = null;
            boolean jpeg = f.type() == FileType.JPEG;
            if (jpeg) {
                var pf = ph.file().photo();
                if (!ph.readable() || pf == null) continue;
                if (c.contains("photo.too_large") || c.contains("photo.near_limit")) wanted.add(PhotoFix.Action.RESIZE);
                if (c.contains("photo.format") || c.contains("file.type_mismatch")) wanted.add(PhotoFix.Action.RENAME);
                if (options.stripGps() && c.contains("photo.gps")) wanted.add(PhotoFix.Action.STRIP_GPS);
                if (!ph.captions().isEmpty() && ph.captions().stream().allMatch(x -> SIDECAR.equals(x.source()) || NAME.equals(x.source()))) {
                    caption = ph.captions().get(0).text();
                }
            } else if (CONVERTIBLE.contains(f.type())) {
                wanted.add(PhotoFix.Action.CONVERT);
                String side = sidecars.captionFor(f);
                if (side != null && !CaptionParser.isTrivial(side)) caption = side.strip();
                else if (!CaptionParser.isTrivial(f.stem())) caption = f.stem();
            } else {
                continue;
            }
            if (caption != null) wanted.add(PhotoFix.Action.CAPTION);
            if (jpeg && wanted.isEmpty()) {
                // A CMYK JPEG is converted whatever the check said (browsers and the upload system show it wrongly).
                if (!cmyk(f)) continue;
                wanted.add(PhotoFix.Action.CONVERT);
            }
            String newRel = f.rel();
            boolean jpgName = f.ext().equals("jpg") || f.ext().equals("jpeg");
            if (!jpgName && (wanted.contains(PhotoFix.Action.RENAME) || wanted.contains(PhotoFix.Action.CONVERT))) {
                String dir = f.rel().contains("/") ? f.rel().substring(0, f.rel().lastIndexOf('/') + 1) : "";
                newRel = dir + f.stem() + ".jpg";
                if (taken.contains(newRel.toLowerCase(Locale.ROOT))) newRel = dir + f.stem() + "-" + f.ext() + ".jpg";
                int n = 2;
                while (taken.contains(newRel.toLowerCase(Locale.ROOT))) newRel = dir + f.stem() + "-" + f.ext() + "-" + n++ + ".jpg";
                taken.add(newRel.toLowerCase(Locale.ROOT));
                wanted.add(PhotoFix.Action.RENAME);
            } else {
                wanted.remove(PhotoFix.Action.RENAME);
            }
            jobs.add(new Job(f, f.rel(), newRel, jpeg, Collections.unmodifiableSet(wanted), caption, List.copyOf(c)));
        }
        jobs.sort(Comparator.comparing(Job::rel));
        return jobs;
    }

    /** The caption sources that live outside the photo ({@code check.Photos}). */
    static final String SIDECAR = "图片说明表";
    static final String NAME = "文件名";

    /** Whether a JPEG's frame has four components (CMYK or YCCK), from its head. */
    private static boolean cmyk(FileEntry f) {
        try (InputStream in = f.open()) {
            return JpegSegments.components(in.readNBytes(256 * 1024)) == 4;
        } catch (IOException e) {
            return false;
        }
    }

    /** Does the jobs, {@code threads} at a time; results in the jobs' order. */
    public static List<Done> run(List<Job> jobs, RuleSet rules, int threads) {
        Limits lim = Limits.of(rules.defaults().photo());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, 4)), r -> {
            Thread t = new Thread(r, "evcheck-fix");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Done>> futures = new ArrayList<>();
            for (Job j : jobs) futures.add(pool.submit(() -> one(j, lim)));
            List<Done> out = new ArrayList<>();
            for (int i = 0; i < jobs.size(); i++) {
                try {
                    out.add(futures.get(i).get());
                } catch (Exception e) {
                    out.add(new Done(jobs.get(i), jobs.get(i).file().size(), failed("internal")));
                } catch (Error e) {
                    out.add(new Done(jobs.get(i), jobs.get(i).file().size(), failed("out_of_memory")));
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /** One photo read (through {@link SafeOpen}) and fixed. */
    static Done one(Job j, Limits lim) {
        byte[] bytes;
        try {
            bytes = j.file().readAll(MAX_PHOTO_BYTES);
        } catch (IOException e) {
            return new Done(j, j.file().size(), failed("unreadable"));
        }
        try {
            return new Done(j, bytes.length, PhotoFix.fix(bytes, j.jpeg(), j.wanted(), j.caption(), lim.budget(), lim.limit(), lim.minLongSide()));
        } catch (OutOfMemoryError e) {
            return new Done(j, bytes.length, failed("out_of_memory"));
        } catch (RuntimeException | StackOverflowError e) {
            return new Done(j, bytes.length, failed("internal"));
        }
    }

    /** A photo larger than this is not read for fixing. */
    static final long MAX_PHOTO_BYTES = 64L * 1024 * 1024;

    private static PhotoFix.Result failed(String why) {
        return new PhotoFix.Result(null, EnumSet.noneOf(PhotoFix.Action.class), 0, 0, 0, 0, 0, why, List.of());
    }

    /**
     * The photos of each folder combined into one PDF ({@code --combine-pdf}).
     *
     * @param pdfs     the PDF's path in the copy → its bytes
     * @param replaced the photos (paths in the package) that are in a PDF instead of in the copy
     */
    public record Combined(Map<String, byte[]> pdfs, Set<String> replaced) {
        public static final Combined NONE = new Combined(Map.of(), Set.of());
    }

    /**
     * One PDF per folder of photos, each photo (its fixed copy where it was fixed) on its own page
     * with its caption, in path order; photos that are not sound JPEGs within the limit after the
     * fixes, and photos without a caption, stay files. Reads the unfixed photos through {@link SafeOpen}.
     */
    public static Combined combine(Engine.Outcome before, List<Done> done, RuleSet rules, Path font) throws IOException {
        Limits lim = Limits.of(rules.defaults().photo());
        Map<String, Done> byRel = new HashMap<>();
        for (Done d : done) byRel.put(d.job().rel(), d);
        Set<String> taken = new HashSet<>();
        for (FileEntry f : before.evidence().inventory().files()) taken.add(f.rel().toLowerCase(Locale.ROOT));
        TreeMap<String, List<CombinedPdf.PagePhoto>> byFolder = new TreeMap<>();
        Set<String> seen = new HashSet<>();
        for (Photo ph : before.evidence().photos()) {
            if (ph.page() != null || !seen.add(ph.rel())) continue;
            Done d = byRel.get(ph.rel());
            byte[] jpeg;
            String rel = ph.rel();
            String caption = ph.captions().isEmpty() ? "" : ph.captions().get(0).text();
            if (d != null && d.fixed()) {
                jpeg = d.result().bytes();
                rel = d.job().newRel();
                if (d.job().caption() != null) caption = d.job().caption();
            } else if (ph.readable() && ph.file().f().type() == FileType.JPEG && ph.file().f().size() <= lim.limit()) {
                jpeg = ph.file().f().readAll(MAX_PHOTO_BYTES);
            } else {
                continue;
            }
            // A photo without a caption stays a file: on a page nothing would date it, and printing only a
            // date would hide that its caption is missing.
            if (CaptionParser.isTrivial(caption)) continue;
            // On a page only the printed text dates the photo: a date the check took from EXIF or a name is printed too.
            if (ph.date() != null && CaptionParser.parse(caption).date() == null) caption = (ph.shownDate() + " " + caption).strip();
            String folder = ph.rel().contains("/") ? ph.rel().substring(0, ph.rel().lastIndexOf('/')) : "";
            byFolder.computeIfAbsent(folder, k -> new ArrayList<>()).add(new CombinedPdf.PagePhoto(rel, jpeg, caption));
        }
        Map<String, byte[]> pdfs = new TreeMap<>();
        Set<String> replaced = new TreeSet<>();
        for (Map.Entry<String, List<CombinedPdf.PagePhoto>> e : byFolder.entrySet()) {
            String folder = e.getKey();
            String name = folder.isEmpty() ? "photos" : folder.substring(folder.lastIndexOf('/') + 1);
            String rel = (folder.isEmpty() ? "" : folder + "/") + name + ".pdf";
            for (int n = 2; taken.contains(rel.toLowerCase(Locale.ROOT)); n++) rel = (folder.isEmpty() ? "" : folder + "/") + name + "-" + n + ".pdf";
            List<CombinedPdf.PagePhoto> pages = new ArrayList<>(e.getValue());
            pages.sort(Comparator.comparing(CombinedPdf.PagePhoto::rel));
            pdfs.put(rel, CombinedPdf.build(pages, font));
            for (Photo ph : before.evidence().photos()) {
                String f = ph.rel().contains("/") ? ph.rel().substring(0, ph.rel().lastIndexOf('/')) : "";
                if (f.equals(folder) && pages.stream().anyMatch(pp -> pp.rel().equals(ph.rel()) || isFixedAs(byRel, ph.rel(), pp.rel()))) {
                    replaced.add(ph.rel());
                }
            }
        }
        return new Combined(pdfs, replaced);
    }

    private static boolean isFixedAs(Map<String, Done> byRel, String rel, String newRel) {
        Done d = byRel.get(rel);
        return d != null && d.fixed() && d.job().newRel().equals(newRel);
    }

    /** A CJK font for the combined PDF: {@code wanted} when given, else one found on the system; null when none. */
    public static Path pdfFont(Path wanted) {
        if (wanted != null) return CombinedPdf.usable(wanted) ? wanted : null;
        return CombinedPdf.findFont();
    }

    /** What the copy holds besides the fixed photos, and what was left out. */
    public record Copied(int files, int folders, List<String> skipped) {}

    /**
     * Writes the package's copy into {@code stage} (an empty folder): the fixed photos' new bytes
     * under their new names, every other regular file byte for byte (read through {@link SafeOpen},
     * its modification time kept); links, FIFOs, devices and sockets are not copied, and are listed.
     */
    public static Copied copy(Path pkg, Path stage, List<Done> done, Combined combined) throws IOException {
        Map<String, Done> fixed = new HashMap<>();
        for (Done d : done) if (d.fixed()) fixed.put(d.job().rel(), d);
        int[] counts = new int[2];
        List<String> skipped = new ArrayList<>();
        Files.walkFileTree(pkg, EnumSet.noneOf(FileVisitOption.class), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes a) throws IOException {
                Path rel = pkg.relativize(dir);
                if (!rel.toString().isEmpty()) {
                    Files.createDirectory(stage.resolve(rel.toString()));
                    counts[1]++;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes a) throws IOException {
                Path rel = pkg.relativize(file);
                String relS = rel.toString().replace(file.getFileSystem().getSeparator(), "/");
                if (!a.isRegularFile()) {
                    skipped.add(relS);
                    return FileVisitResult.CONTINUE;
                }
                if (combined.replaced().contains(relS)) return FileVisitResult.CONTINUE;
                Done d = fixed.get(relS);
                Path target;
                if (d != null) {
                    target = stage.resolve(d.job().newRel());
                    Files.write(target, d.result().bytes(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                } else {
                    target = stage.resolve(rel.toString());
                    try (InputStream in = SafeOpen.stream(pkg, rel, SafeOpen.Seen.of(a));
                         OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                        in.transferTo(out);
                    }
                }
                Files.setLastModifiedTime(target, a.lastModifiedTime());
                counts[0]++;
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) throw e;
                Path rel = pkg.relativize(dir);
                BasicFileAttributes a = Files.readAttributes(dir, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                Files.setLastModifiedTime(rel.toString().isEmpty() ? stage : stage.resolve(rel.toString()), a.lastModifiedTime());
                return FileVisitResult.CONTINUE;
            }
        });
        for (Map.Entry<String, byte[]> e : combined.pdfs().entrySet()) {
            Files.write(stage.resolve(e.getKey()), e.getValue(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            counts[0]++;
        }
        Collections.sort(skipped);
        return new Copied(counts[0], counts[1], skipped);
    }
}
