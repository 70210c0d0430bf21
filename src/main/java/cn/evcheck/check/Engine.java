package cn.evcheck.check;

import cn.evcheck.inspect.*;
import cn.evcheck.model.*;
import cn.evcheck.model.Report.*;
import cn.evcheck.rules.Model.*;
import cn.evcheck.scan.FileEntry;
import cn.evcheck.scan.Inventory;
import cn.evcheck.scan.PackageScanner;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.*;

/**
 * One unit's run: scan → inspect every file once, in parallel → evidence → checks, phase by
 * phase → one sorted result. The result does not depend on the thread count: facts are keyed by
 * path, evidence is computed in path order and findings are sorted.
 */
public final class Engine {
    private Engine() {}

    public static UnitResult run(String unit, Path root, RuleSet rules, LocalDate asOf, int threads,
                                 Progress progress) throws IOException {
        return run(unit, root, rules, asOf, threads, progress, null);
    }

    /**
     * @param configProblem why the unit's own evcheck.yaml could not be used (the unit is checked with
     *                      the drive's rule set and date instead, and says so), or null
     */
    public static UnitResult run(String unit, Path root, RuleSet rules, LocalDate asOf, int threads,
                                 Progress progress, cn.evcheck.util.Messages.Localized configProblem) throws IOException {
        return run(unit, root, rules, asOf, threads, progress, configProblem, FactsCache.NONE);
    }

    /** @param cache facts kept from earlier runs ({@link FactsCache#NONE}: read every file) */
    public static UnitResult run(String unit, Path root, RuleSet rules, LocalDate asOf, int threads,
                                 Progress progress, cn.evcheck.util.Messages.Localized configProblem, FactsCache cache)
            throws IOException {
        return run(unit, root, rules, asOf, threads, progress, configProblem, cache, null);
    }

    /** @param claim how the unit's folder and name relate to the drive's other units (--by-unit), or null */
    public static UnitResult run(String unit, Path root, RuleSet rules, LocalDate asOf, int threads,
                                 Progress progress, cn.evcheck.util.Messages.Localized configProblem, FactsCache cache,
                                 UnitClaim claim) throws IOException {
        return run(unit, root, rules, asOf, threads, progress, configProblem, cache, claim, UnitMemo.NONE);
    }

    /**
     * @param memo results kept from earlier runs: a unit whose {@link #memoKey} is unchanged is given its
     *             kept result after the walk, without reading or judging a file
     */
    public static UnitResult run(String unit, Path root, RuleSet rules, LocalDate asOf, int threads,
                                 Progress progress, cn.evcheck.util.Messages.Localized configProblem, FactsCache cache,
                                 UnitClaim claim, UnitMemo memo) throws IOException {
        memo.ahead(root);
        return finish(walk(unit, root, rules, asOf, configProblem, claim, memo != UnitMemo.NONE), cache, threads, progress, memo);
    }

    /**
     * A unit walked, not yet inspected or judged: its files as placed and, when asked for, its
     * {@link #memoKey} (null when not asked for, or when a file's time was not recorded).
     */
    public static final class Walk {
        private final String unit;
        private final Path root;
        private final RuleSet rules;
        private final LocalDate asOf;
        private final cn.evcheck.util.Messages.Localized configProblem;
        private final UnitClaim claim;
        private final String key;
        private PackageScanner scanner;
        private Inventory placed;

        private Walk(String unit, Path root, RuleSet rules, LocalDate asOf, cn.evcheck.util.Messages.Localized configProblem,
                     UnitClaim claim, String key, PackageScanner scanner, Inventory placed) {
            this.unit = unit;
            this.root = root;
            this.rules = rules;
            this.asOf = asOf;
            this.configProblem = configProblem;
            this.claim = claim;
            this.key = key;
            this.scanner = scanner;
            this.placed = placed;
        }

        public String key() {
            return key;
        }

        public Path root() {
            return root;
        }

        /**
         * Lets go of the walk's files, keeping only the key: a walk put aside while its unit may not
         * be needed at all. {@link #finish} then gives the kept result, or walks the unit again.
         */
        public void forget() {
            scanner = null;
            placed = null;
        }
    }

    /**
     * Walks the unit's folder and places its files; with {@code keyed}, computes its {@link #memoKey}.
     * No file is read and no cache is asked (the facts cache may still be opening).
     */
    public static Walk walk(String unit, Path root, RuleSet rules, LocalDate asOf, cn.evcheck.util.Messages.Localized configProblem,
                            UnitClaim claim, boolean keyed) throws IOException {
        long t = System.nanoTime();
        PackageScanner scanner = new PackageScanner(rules);
        Inventory placed = scanner.place(root);
        t = cn.evcheck.util.Timings.since("scan", t);
        String key = keyed ? memoKey(unit, placed, rules, asOf, configProblem, claim) : null;
        cn.evcheck.util.Timings.since("key", t);
        return new Walk(unit, root, rules, asOf, configProblem, claim, key, scanner, placed);
    }

    /**
     * The walked unit's result: the one {@code memo} kept under its key, else its files inspected and
     * judged (and the result kept). A walk that {@linkplain Walk#forget forgot} its files and finds
     * nothing kept is walked again.
     */
    public static UnitResult finish(Walk w, FactsCache cache, int threads, Progress progress, UnitMemo memo) throws IOException {
        long t = System.nanoTime();
        if (w.key != null) {
            UnitResult kept = memo.get(w.root, w.key);
            t = cn.evcheck.util.Timings.since("kept", t);
            if (kept != null) {
                progress.start(w.unit, 0);
                return kept;
            }
        }
        if (w.scanner == null) return finish(walk(w.unit, w.root, w.rules, w.asOf, w.configProblem, w.claim, w.key != null),
                cache, threads, progress, memo);
        Inventory typed = w.scanner.knowing(cache).typedSniffingLater();
        cn.evcheck.util.Timings.since("scan", t);
        Outcome o = examine(w.unit, typed, w.rules, w.asOf, threads, progress, w.configProblem, cache, w.claim, w.scanner);
        UnitResult result = o.result();
        Inventory inv = o.evidence().inventory();
        // A file that could not be read for its type: its identity may stay as it is when it becomes
        // readable (a permission given back), so the result is not kept.
        if (w.key != null && inv.unreadable().size() == w.placed.unreadable().size()) memo.put(w.root, w.key, result);
        return result;
    }

    /**
     * What a unit's result is computed from, hashed: the build and inspection settings
     * ({@link FactsCache#generation()}), the rule set's bytes and origin, the date, the unit's name,
     * configuration problem and claim, and the walk — every file and caption sheet with its place,
     * size, modification time and file key as the walk saw them, the item folders, what could not be
     * read and what was skipped. A file's name, extension and folder names are its place's parts; its
     * item, role and category follow from its place and the rules, and are hashed too. Its type is
     * not: it is what its bytes are, which its size, time and key stand for here as they do for its
     * facts ({@link FactsCache}), so a kept result is found without asking the cache of types.
     * Null when a file's modification time was not recorded (then nothing is reused).
     */
    static String memoKey(String unit, Inventory inv, RuleSet rules, LocalDate asOf,
                          cn.evcheck.util.Messages.Localized configProblem, UnitClaim claim) {
        StringBuilder b = new StringBuilder(256);
        b.append("unit-memo 5\n").append(FactsCache.generation()).append('\n').append(rules.sha256()).append(' ')
                .append(rules.origin()).append('\n').append(asOf).append('\n').append(unit).append('\n')
                .append(configProblem).append('\n').append(claim).append('\n').append(inv.root()).append('\n')
                .append(new TreeSet<>(inv.itemFolders())).append('\n').append(inv.unreadable()).append('\n')
                .append(inv.links()).append(' ').append(inv.special()).append('\n');
        // One short record per file, hashed as it is written: a drive's unit of 10,000 photos is hashed
        // in a few tens of milliseconds, without a second look at each file. What files of a folder share
        // (the folder, item, role folder, category, other folder) is written once, in a record of its own
        // that starts with NUL (which no file name holds), before the first file it differs for: the
        // same facts in about half the bytes (SHA-256 without the JVM's intrinsic, under C1, runs at
        // about 60 MB/s). Names end with NUL, sizes and times are 8 bytes each.
        KeyBytes k = new KeyBytes(cn.evcheck.util.Hashes.sha256());
        k.text(b.toString());
        for (List<FileEntry> list : List.of(inv.files(), inv.sidecars())) {
            String folder = null;
            Object item = null, role = null, category = null, other = null;
            for (FileEntry f : list) {
                if (f.modified() < 0) return null;
                String rel = f.rel();
                int slash = rel.lastIndexOf('/');
                boolean sameFolder = folder != null && (slash < 0 ? folder.isEmpty() : slash == folder.length() && rel.startsWith(folder));
                if (!sameFolder || !java.util.Objects.equals(item, f.itemId()) || !java.util.Objects.equals(role, f.roleFolder())
                        || !java.util.Objects.equals(category, f.category()) || !java.util.Objects.equals(other, f.otherFolder())) {
                    folder = slash < 0 ? "" : rel.substring(0, slash);
                    item = f.itemId();
                    role = f.roleFolder();
                    category = f.category();
                    other = f.otherFolder();
                    k.zero().text(folder).zero().text(String.valueOf(item)).zero().text(String.valueOf(role)).zero()
                            .text(String.valueOf(category)).zero().text(String.valueOf(other)).zero();
                }
                k.text(rel.substring(slash + 1)).zero().number(f.size()).number(f.modified()).text(String.valueOf(f.fileKey())).zero();
            }
            k.text("--").zero();
        }
        return java.util.HexFormat.of().formatHex(k.digest());
    }

    /**
     * What a unit's key is hashed from, gathered in a buffer and handed to the digest 32 KB at a time:
     * text in UTF-8, each string encoded by itself (ASCII is copied as it is; a StringBuilder with one
     * Chinese folder name in it held every line in UTF-16, to be compressed and encoded again), numbers
     * as 8 bytes.
     */
    private static final class KeyBytes {
        private final java.security.MessageDigest md;
        private final byte[] buf = new byte[32 * 1024];
        private int n;

        KeyBytes(java.security.MessageDigest md) {
            this.md = md;
        }

        KeyBytes text(String s) {
            byte[] x = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            if (n + x.length > buf.length) flush();
            if (x.length > buf.length) {
                md.update(x);
            } else {
                System.arraycopy(x, 0, buf, n, x.length);
                n += x.length;
            }
            return this;
        }

        KeyBytes zero() {
            if (n == buf.length) flush();
            buf[n++] = 0;
            return this;
        }

        KeyBytes number(long v) {
            if (n + 8 > buf.length) flush();
            for (int i = 56; i >= 0; i -= 8) buf[n++] = (byte) (v >>> i);
            return this;
        }

        private void flush() {
            md.update(buf, 0, n);
            n = 0;
        }

        byte[] digest() {
            flush();
            return md.digest();
        }
    }

    /** A unit's result together with the evidence it was judged on (what {@code evcheck fix} acts on). */
    public record Outcome(UnitResult result, Evidence evidence) {}

    /** {@link #run}, keeping the evidence: the placed files, their facts and the photos with their captions. */
    public static Outcome examine(String unit, Path root, RuleSet rules, LocalDate asOf, int threads, Progress progress)
            throws IOException {
        return examine(unit, root, rules, asOf, threads, progress, null, FactsCache.NONE, null);
    }

    private static Outcome examine(String unit, Path root, RuleSet rules, LocalDate asOf, int threads, Progress progress,
                                   cn.evcheck.util.Messages.Localized configProblem, FactsCache cache, UnitClaim claim)
            throws IOException {
        long t = System.nanoTime();
        Inventory inv = new PackageScanner(rules).knowing(cache).scan(root);
        cn.evcheck.util.Timings.since("scan", t);
        return examine(unit, inv, rules, asOf, threads, progress, configProblem, cache, claim);
    }

    private static Outcome examine(String unit, Inventory inv, RuleSet rules, LocalDate asOf, int threads, Progress progress,
                                   cn.evcheck.util.Messages.Localized configProblem, FactsCache cache, UnitClaim claim) {
        return examine(unit, inv, rules, asOf, threads, progress, configProblem, cache, claim, null);
    }

    /**
     * @param scanner the walk's scanner when it placed files by their names without sniffing them
     *                ({@link PackageScanner#typedSniffingLater}): each is sniffed as it is about to be
     *                read; those that are not what their names say are placed with their real type (or
     *                listed as unreadable) and read as such, and the unit is judged on the inventory so
     *                set right
     */
    private static Outcome examine(String unit, Inventory inv, RuleSet rules, LocalDate asOf, int threads, Progress progress,
                                   cn.evcheck.util.Messages.Localized configProblem, FactsCache cache, UnitClaim claim,
                                   PackageScanner scanner) {
        long t = System.nanoTime();
        List<FileEntry> all = new ArrayList<>(inv.files());
        all.addAll(inv.sidecars());
        Set<String> sidecars = new HashSet<>();
        for (FileEntry f : inv.sidecars()) sidecars.add(f.rel());
        progress.start(unit, all.size());
        java.util.function.Function<FileEntry, Inspector.Needs> needs =
                f -> sidecars.contains(f.rel()) ? Inspector.Needs.CAPTIONS : Placement.needs(f, rules);
        Map<String, Facts> facts;
        if (scanner == null) {
            facts = Inspection.run(all, needs, threads, progress, cache);
        } else {
            Map<String, Object> misnamed = new java.util.concurrent.ConcurrentHashMap<>();
            facts = Inspection.run(all, needs, threads, progress, cache, f -> {
                if (!scanner.unsniffed(f)) return null;
                Object type = scanner.verify(f);
                if (type == f.type()) return null;
                misnamed.put(f.rel(), type);
                return Facts.none(f);   // set aside below
            });
            if (!misnamed.isEmpty()) {
                inv = scanner.retyped(misnamed);
                facts = new HashMap<>(facts);
                facts.keySet().removeAll(misnamed.keySet());
                List<FileEntry> again = inv.files().stream().filter(f -> misnamed.containsKey(f.rel())).toList();
                facts.putAll(Inspection.run(again, needs, threads, Progress.NONE, cache));
            }
        }
        // Also on a run whose facts came from the cache: only photos whose size and fingerprint collide are read.
        t = cn.evcheck.util.Timings.since("inspect", t);
        facts = Inspection.confirmCopies(facts);
        cn.evcheck.util.Timings.since("copies", t);
        return judge(unit, inv, facts, Sidecars.index(inv.sidecars(), facts), rules, asOf, configProblem, claim, threads);
    }

    /** Runs every registered check over inspected facts. Pure. */
    public static UnitResult check(String unit, Inventory inv, Map<String, Facts> facts, Sidecars sidecars, RuleSet rules,
                                   LocalDate asOf) {
        return check(unit, inv, facts, sidecars, rules, asOf, null);
    }

    static UnitResult check(String unit, Inventory inv, Map<String, Facts> facts, Sidecars sidecars, RuleSet rules,
                            LocalDate asOf, cn.evcheck.util.Messages.Localized configProblem) {
        return check(unit, inv, facts, sidecars, rules, asOf, configProblem, null);
    }

    static UnitResult check(String unit, Inventory inv, Map<String, Facts> facts, Sidecars sidecars, RuleSet rules,
                            LocalDate asOf, cn.evcheck.util.Messages.Localized configProblem, UnitClaim claim) {
        return judge(unit, inv, facts, sidecars, rules, asOf, configProblem, claim, 1).result();
    }

    private static Outcome judge(String unit, Inventory inv, Map<String, Facts> facts, Sidecars sidecars, RuleSet rules,
                                 LocalDate asOf, cn.evcheck.util.Messages.Localized configProblem, UnitClaim claim, int threads) {
        Map<String, Facts> all = new HashMap<>(facts);
        for (FileEntry f : inv.files()) all.putIfAbsent(f.rel(), Facts.none(f));
        Evidence ev = new Evidence(unit, inv, all, sidecars, rules, asOf, threads);
        ev.configProblem(configProblem);
        ev.unitClaim(claim);
        Results out = new Results();
        long t = System.nanoTime();
        for (Check.Phase phase : Check.Phase.values()) {
            for (Check c : Checks.all()) {
                if (c.phase() != phase) continue;
                out.running(c);
                c.run(ev, out);
                t = cn.evcheck.util.Timings.since("checks", t);
            }
            if (phase == Check.Phase.ACCEPT) ev.settle(out::rejected);
        }
        out.running(null);
        Outcome o = new Outcome(result(ev, out, all), ev);
        cn.evcheck.util.Timings.since("result", t);
        return o;
    }

    private static UnitResult result(Evidence ev, Results out, Map<String, Facts> facts) {
        List<Finding> sorted = out.findings().stream().map(f -> f.withUnit(ev.unit())).sorted(Finding.ORDER).toList();
        List<ItemResult> items = new ArrayList<>();
        for (Item item : ev.items()) {
            Map<String, Integer> byKind = new TreeMap<>();
            // Files per kind; for documents, documents (a run of page images is one) and the files that are none.
            for (Placed p : ev.placed(item)) {
                Document d = Evidence.isDocumentFile(p) ? ev.document(p) : null;
                if (d == null || d.first() == p) byKind.merge(p.role().key, 1, Integer::sum);
            }
            List<Finding> mine = sorted.stream().filter(f -> item.id().equals(f.item())).toList();
            Status status = ev.missing(item) ? Status.MISSING
                    : mine.stream().anyMatch(f -> f.severity() == Severity.ERROR) ? Status.INCOMPLETE : Status.COMPLETE;
            items.add(new ItemResult(item, status, byKind, mine, out.coverage(item.id())));
        }
        boolean ocrMissed = facts.values().stream().anyMatch(fx -> fx.doc() != null && fx.doc().problem() == null
                && fx.doc().text().isEmpty()
                && (fx.doc().ocrState() == DocFacts.OcrState.UNAVAILABLE || fx.doc().ocrState() == DocFacts.OcrState.DISABLED));
        return new UnitResult(ev.unit(), ev.inventory().root().toString(), items, sorted, photos(ev, out), reports(ev, out),
                documents(ev, sorted), out.duplicates(), ev.inventory().files().size(), ocrMissed, ev.notApplicable(),
                new Skipped(ev.inventory().links(), ev.inventory().special()));
    }

    /** Why each photo counted or not. */
    private static List<PhotoRecord> photos(Evidence ev, Results out) {
        Map<String, String> group = new HashMap<>();
        for (DuplicateGroup g : out.duplicates()) {
            for (DuplicateGroup.Member m : g.members()) group.put(m.file() + "#" + m.page(), g.id());
        }
        List<PhotoRecord> list = new ArrayList<>();
        for (Photo p : ev.photos()) {
            String item = p.item().id();
            if (!p.readable()) {
                list.add(new PhotoRecord(p.rel(), null, item, p.category(), null, null, List.of(), List.of(), false, null));
                continue;
            }
            list.add(new PhotoRecord(p.rel(), p.page(), item, p.category(), p.shownDate(), p.dateSource(),
                    p.captions().stream().map(PhotoFacts.Caption::source).toList(),
                    p.parsed().fields().keySet().stream().map(CaptionField::key).toList(),
                    !out.rejected(p.file()) && p.inPeriod(ev), group.get(p.rel() + "#" + p.page()), identity(p), p.phash()));
        }
        list.sort(Comparator.comparing(PhotoRecord::file).thenComparing(r -> r.page() == null ? 0 : r.page()));
        return list;
    }

    /**
     * What identifies a photo's bytes across units: its SHA-256 where it was read whole, else its size and
     * {@link cn.evcheck.inspect.Fingerprint} (CRCs of the first 16 KiB and the last 4 KiB; named apart from
     * the SHA-256 of the ends and the CRCs of the last 64 KiB that earlier builds wrote, so that none is
     * taken for another); null for a page of a PDF.
     */
    private static String identity(Photo p) {
        if (p.page() != null) return null;
        if (p.sha() != null) return "sha256:" + p.sha();
        PhotoFacts pf = p.file().photo();
        return pf == null || pf.fingerprint() == null ? null : "head16k-tail4k-crc:" + p.file().f().size() + ":" + pf.fingerprint();
    }

    /** The 字数 of every usable report. */
    private static List<ReportRecord> reports(Evidence ev, Results out) {
        List<ReportRecord> list = new ArrayList<>();
        for (Item item : ev.present()) {
            for (Placed p : ev.placed(item, Kind.REPORT)) {
                TextFacts t = p.text();
                if (out.rejected(p) || t == null) continue;
                WordCounter.Counts w = t.words();
                list.add(new ReportRecord(p.rel(), item.id(), t.format(), w.words(), w.han(), w.nonSpaceChars(),
                        t.counts().words(), t.notes().words(), t.boxes().words(), !t.subdocsExcluded()));
            }
        }
        list.sort(Comparator.comparing(ReportRecord::file));
        return list;
    }

    /** The verdict on every document. */
    private static List<DocumentRecord> documents(Evidence ev, List<Finding> findings) {
        List<DocumentRecord> list = new ArrayList<>();
        Map<String, java.util.SortedSet<String>> codesOf = new HashMap<>();
        for (Finding f : findings) {
            if (f.file() != null) codesOf.computeIfAbsent(f.file(), k -> new java.util.TreeSet<>()).add(f.code());
        }
        for (Item item : ev.present()) {
            for (Material m : item.materials()) {
                if (!Evidence.isDocumentKind(m.kind())) continue;
                for (Document d : ev.documents(item, m.kind())) {
                    List<String> files = d.files().stream().map(Placed::rel).toList();
                    java.util.SortedSet<String> codes = new java.util.TreeSet<>();
                    for (String file : files) codes.addAll(codesOf.getOrDefault(file, java.util.Collections.emptySortedSet()));
                    List<String> problems = List.copyOf(codes);
                    list.add(new DocumentRecord(d.rel(), files, item.id(), m.kind().key, d.pages(), ref(d.redHeader()),
                            ref(d.seal()), d.number() == null ? null : d.number().text(), d.number() == null ? null : d.numberSource(),
                            d.number() != null && d.numberSource().equals("text") ? d.number().standard() : null,
                            d.greyscale(), d.substitute(), m.proof().key(), m.number(), d.proves(m), problems,
                            m.marked() && d.marks() != null ? d.marks().state().name().toLowerCase(Locale.ROOT) : null));
                }
            }
        }
        list.sort(Comparator.comparing(DocumentRecord::file).thenComparing(DocumentRecord::kind));
        return list;
    }

    private static DocumentRecord.PageRef ref(Document.Page p) {
        return p == null ? null : new DocumentRecord.PageRef(p.file().rel(), p.page());
    }
}
