package cn.evcheck.check;

import cn.evcheck.inspect.Facts;
import cn.evcheck.inspect.Sidecars;
import cn.evcheck.rules.Model.*;
import cn.evcheck.rules.Responsibility;
import cn.evcheck.scan.FileEntry;
import cn.evcheck.scan.Inventory;

import java.time.LocalDate;
import java.util.*;

/**
 * One unit's evidence as every check sees it, computed once before the checks run: each file
 * placed in its item and role, the photos with their captions and dates, the documents with
 * their red header, seal and 文号, the indicator values, and which items are the unit's to
 * check. Checks only read it; the one change it sees is the grouping of documents, done once by
 * the engine when the accept phase has refused the files that cannot serve ({@link #settle}).
 */
public final class Evidence {
    private final RuleSet rules;
    private final int threads;
    /** Fewer photos than this per thread are read on one thread: starting another costs more. */
    private static final int PHOTOS_PER_THREAD = 200;
    private final String unit;
    private final LocalDate asOf;
    private final LocalDate until;
    private final Inventory inventory;
    private final Sidecars sidecars;
    private final List<Placed> files = new ArrayList<>();
    private final Map<String, List<Placed>> byItem = new HashMap<>();
    private final Map<String, List<Photo>> photos = new HashMap<>();
    private Map<String, DocumentGroups.Grouped> documents;
    private final Map<String, Document> byPage = new HashMap<>();
    private final List<Item> items = new ArrayList<>();
    private final List<String> notApplicable = new ArrayList<>();
    private final Values values;
    private cn.evcheck.util.Messages.Localized configProblem;

    /**
     * @param facts what inspection learnt, by relative path (every inventory file has an entry)
     * @param asOf  the requested as-of date; counting stops at it or at the rule period's end
     */
    public Evidence(String unit, Inventory inventory, Map<String, Facts> facts, Sidecars sidecars, RuleSet rules, LocalDate asOf) {
        this(unit, inventory, facts, sidecars, rules, asOf, 1);
    }

    /**
     * @param threads threads the judging may use ({@link #threads()}): the photos' captions are read on
     *                them here (a unit of 10,000 photos: 0.7 s of CPU); what is judged does not depend on it
     */
    public Evidence(String unit, Inventory inventory, Map<String, Facts> facts, Sidecars sidecars, RuleSet rules, LocalDate asOf,
                    int threads) {
        this.threads = Math.max(1, threads);
        this.rules = rules;
        this.unit = unit;
        this.asOf = asOf;
        this.until = asOf.isAfter(rules.to()) ? rules.to() : asOf;
        this.inventory = inventory;
        this.sidecars = sidecars;
        for (FileEntry f : inventory.files()) {
            Placed p = Placement.place(f, facts.get(f.rel()), rules);
            files.add(p);
            if (p.placed()) byItem.computeIfAbsent(p.item().id(), k -> new ArrayList<>()).add(p);
        }
        this.values = new Values(files);
        java.util.Map<String, cn.evcheck.inspect.CaptionParser.Parsed> captions = new java.util.concurrent.ConcurrentHashMap<>();
        for (Item item : rules.items()) {
            boolean hasFolder = inventory.itemFolders().contains(item.id());
            if (!hasFolder && placed(item).isEmpty() && !Responsibility.applies(item, unit)) {
                notApplicable.add(item.id());
                continue;
            }
            items.add(item);
            List<Photo> ps = new ArrayList<>();
            for (List<Photo> of : cn.evcheck.util.Parallel.map(placed(item, Kind.PHOTOS), p -> Photos.of(p, sidecars, asOf, captions),
                    this.threads, PHOTOS_PER_THREAD)) {
                ps.addAll(of);
            }
            photos.put(item.id(), ps);
        }
    }

    /**
     * Groups the document files into documents once the accept phase has refused the files that
     * cannot serve as evidence (a document is judged only on pages that open). Called by the engine
     * between the accept phase and the others; documents are not known before.
     */
    void settle(java.util.function.Predicate<Placed> rejected) {
        Map<String, DocumentGroups.Grouped> all = new HashMap<>();
        for (Item item : items) {
            for (Kind kind : Kind.values()) {
                if (!isDocumentKind(kind)) continue;
                List<Placed> files = placed(item, kind).stream().filter(p -> isDocumentFile(p) && !rejected.test(p)).toList();
                DocumentGroups.Grouped g = DocumentGroups.group(files, sidecars);
                all.put(kind.key + ":" + item.id(), g);
                for (Document d : g.documents()) for (Placed p : d.files()) byPage.put(p.rel(), d);
            }
        }
        documents = all;
    }

    public static boolean isDocumentKind(Kind k) {
        return k == Kind.FORMAL_DOC || k == Kind.DEPT_EVAL || k == Kind.DATA_TABLE;
    }

    /** A file filed as a document (正式发文, 部门评价, 数据表格) that is not a data sheet. */
    public static boolean isDocumentFile(Placed p) {
        return p.role() != null && isDocumentKind(p.role()) && !Placement.isSheet(p.f());
    }

    private DocumentGroups.Grouped grouped(Item item, Kind kind) {
        if (documents == null) throw new IllegalStateException("documents are grouped after the accept phase");
        return documents.getOrDefault(kind.key + ":" + item.id(), new DocumentGroups.Grouped(List.of(), List.of()));
    }

    /** The documents of an item's material kind, in path order of their first files. */
    public List<Document> documents(Item item, Kind kind) {
        return grouped(item, kind).documents();
    }

    /** Images filed as documents of an item's kind that show no document page (an activity photo …). */
    public List<Placed> strays(Item item, Kind kind) {
        return grouped(item, kind).strays();
    }

    public RuleSet rules() {
        return rules;
    }

    public String unit() {
        return unit;
    }

    public LocalDate asOf() {
        return asOf;
    }

    /** The as-of date capped at the end of the rule period. */
    public LocalDate until() {
        return until;
    }

    /** The as-of date capped at the end of an item's period (its own, else the rule set's). */
    public LocalDate until(Item item) {
        LocalDate end = rules.to(item);
        return asOf.isAfter(end) ? end : asOf;
    }

    public Inventory inventory() {
        return inventory;
    }

    public Sidecars sidecars() {
        return sidecars;
    }

    /** Every file of the unit, in path order. */
    public List<Placed> files() {
        return files;
    }

    /** The items this unit is checked against, in rule-set order. */
    public List<Item> items() {
        return items;
    }

    /** Items that are not the unit's job by their 责任单位 and that it has no folder for. */
    public List<String> notApplicable() {
        return notApplicable;
    }

    public Values values() {
        return values;
    }

    /** The files placed as evidence for an item, in path order. */
    public List<Placed> placed(Item item) {
        return byItem.getOrDefault(item.id(), List.of());
    }

    public List<Placed> placed(Item item, Kind role) {
        return placed(item).stream().filter(p -> p.role() == role).toList();
    }

    /** An item's photos (JPEGs and PDF pages), in path order. */
    public List<Photo> photos(Item item) {
        return photos.getOrDefault(item.id(), List.of());
    }

    /** The threads the judging may use (at least 1). */
    public int threads() {
        return threads;
    }

    /** Every photo of every checked item. */
    public List<Photo> photos() {
        return items.stream().flatMap(i -> photos(i).stream()).toList();
    }

    /** The document a file is a page of, or null (not a document file, refused, or no document page). */
    public Document document(Placed p) {
        if (documents == null) throw new IllegalStateException("documents are grouped after the accept phase");
        return byPage.get(p.rel());
    }

    /**
     * Whether an item has no material at all: nothing placed for it, unless all it asks for is
     * data tables and the package holds indicator values.
     */
    public boolean missing(Item item) {
        boolean valuesOnly = !item.materials().isEmpty() && item.materials().stream().allMatch(m -> m.kind() == Kind.DATA_TABLE)
                && !values.isEmpty();
        return placed(item).isEmpty() && !valuesOnly;
    }

    /** The items that have material to judge. */
    public List<Item> present() {
        return items.stream().filter(i -> !missing(i)).toList();
    }

    /**
     * The categories a per-category photo requirement is counted over: the item's declared ones,
     * else the category folders its photos are filed under.
     */
    public List<String> categories(Item item, Material m) {
        if (m.each() != Each.CATEGORY) return List.of("");
        if (!item.categories().isEmpty()) return item.categories();
        return photos(item).stream().map(Photo::category).filter(Objects::nonNull).distinct().sorted().toList();
    }

    /** The first material of a kind an item requires, or null. */
    public static Material material(Item item, Kind kind) {
        return item.materials().stream().filter(m -> m.kind() == kind).findFirst().orElse(null);
    }

    /** Why this unit's evcheck.yaml could not be used (it was checked with the drive's settings), or null. */
    public cn.evcheck.util.Messages.Localized configProblem() {
        return configProblem;
    }

    void configProblem(cn.evcheck.util.Messages.Localized problem) {
        this.configProblem = problem;
    }

    private UnitClaim unitClaim;

    /** How this unit's folder and name relate to the drive's other units (--by-unit), or null. */
    public UnitClaim unitClaim() {
        return unitClaim;
    }

    void unitClaim(UnitClaim claim) {
        this.unitClaim = claim;
    }
}
