package cn.evcheck.scan;

import cn.evcheck.rules.ItemIds;
import cn.evcheck.rules.Model.Item;
import cn.evcheck.rules.Model.Kind;
import cn.evcheck.rules.Model.RuleSet;
import cn.evcheck.util.SafeOpen;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.*;
import java.nio.file.attribute.BasicFileAttributes;
import java.text.Normalizer;
import java.util.*;
import java.util.regex.Pattern;

/**
 * Walks a package (PRODUCT.md §3) and places every file: which item folder holds it (matched
 * by normalised id), which role and category its folders announce, and its sniffed type (first
 * 1 KiB only, and a ZIP's central directory: {@link ZipDirectory}). Uses {@code java.nio.file}
 * throughout so GBK-named files from Windows shares stay openable. Never follows symbolic links
 * and never opens a FIFO, device or socket: both are skipped and counted ({@link Inventory#links()},
 * {@link Inventory#special()}); files are opened through {@link SafeOpen}. Never writes. Not
 * thread-safe; one per walk.
 */
public final class PackageScanner {
    /** Operating-system litter and evcheck's own config: never evidence, never reported. */
    private static final Set<String> IGNORED = Set.of("thumbs.db", "desktop.ini", ".ds_store", "evcheck.yaml", "evcheck.yml");
    private static final int IGNORED_LONGEST = IGNORED.stream().mapToInt(String::length).max().orElse(0);
    private static final Pattern OFFICE_TEMP = Pattern.compile("~wr[a-z]\\d{4}\\.tmp");
    private static final Pattern DATE_LIKE = Pattern.compile("^\\s*(19|20)\\d{2}\\s*(年|[-._/]|$).*");

    private final RuleSet rules;
    private final List<Map.Entry<String, String>> normalizedIds = new ArrayList<>();
    private final List<FileEntry> files = new ArrayList<>();
    private final List<FileEntry> sidecars = new ArrayList<>();
    private final Set<String> itemFolders = new TreeSet<>();
    private final List<Inventory.Unreadable> unreadable = new ArrayList<>();
    private KnownTypes known = KnownTypes.NONE;
    private Path root;
    private int links;
    private int special;

    public PackageScanner(RuleSet rules) {
        this.rules = rules;
        for (Item item : rules.items()) {
            normalizedIds.add(Map.entry(ItemIds.normalize(item.id()), item.id()));
        }
        // Longest first, so III-15-2-10 is tried before III-15-2-1.
        normalizedIds.sort((a, b) -> b.getKey().length() - a.getKey().length());
    }

    /** Types sniffed on an earlier run: an unchanged file is not opened to sniff it again. */
    public PackageScanner knowing(KnownTypes types) {
        this.known = types;
        return this;
    }

    /** The package's inventory: every file placed and typed ({@link #place}, then {@link #typed}). */
    public Inventory scan(Path root) throws IOException {
        place(root);
        return typed();
    }

    /**
     * The walk alone: every file placed by its folders and name, with what the walk saw of it (size,
     * modification time, file key), and no type yet ({@link FileEntry#type()} null): no file is read and
     * the cache of types is not asked. What a kept unit result is keyed on; {@link #typed} completes it.
     */
    public Inventory place(Path root) throws IOException {
        this.root = root;
        if (!Files.isDirectory(root)) throw new NoSuchFileException(root.toString(), null, "不是文件夹");
        try {
            config = cn.evcheck.rules.PackageConfig.load(root);
        } catch (cn.evcheck.rules.RuleException e) {
            config = cn.evcheck.rules.PackageConfig.EMPTY;   // reported by whoever read it first (exit 2, or config.invalid)
        }
        ahead = FolderLister.aheadOf(root);
        try (FolderLister lister = new FolderLister()) {
            this.lister = lister;
            walk(root, "", new Placement(null, null, null, null, List.of()));
        } finally {
            this.lister = null;
            ahead = null;
        }
        Inventory placed = inventory();
        files.clear();
        sidecars.clear();
        return placed;
    }

    /**
     * The placed files with their types: from the cache of known types, else sniffed from their first
     * bytes ({@link #SNIFFERS} at a time); a file that cannot be read is listed as unreadable.
     */
    public Inventory typed() throws IOException {
        return typed(false);
    }

    /**
     * {@link #typed()}, except that a file whose type is not known and whose name says JPEG, PNG, PDF,
     * .docx or .xlsx is placed with that type unsniffed: the reader of its facts sniffs it
     * ({@link #verify}) just before it reads it, when read-ahead has already brought its first bytes in,
     * instead of every such file waiting here on the disk before any is read (0.34 s of a cold check of
     * the benchmark's 10,700 files, both cores idle). One that is something else after all, or cannot be
     * read, is set right by {@link #retyped}.
     */
    public Inventory typedSniffingLater() throws IOException {
        return typed(true);
    }

    private Inventory typed(boolean later) throws IOException {
        List<Pending> unknown = new ArrayList<>();
        for (Pending f : pending) {
            FileType type = known.get(f.p(), f.attrs());
            if (type != null) {
                addFile(f, type);
            } else if (later && f.attrs().size() > 0 && byName(f.name()) != null && !Roles.isCaptionSidecar(f.name())) {
                addFile(f, byName(f.name()));
                unsniffed.put(f.rel(), f);
            } else {
                unknown.add(f);
            }
        }
        pending.clear();
        pending.addAll(unknown);
        sniffPending();
        return inventory();
    }

    /** The type a file's name says, for the common kinds whose sniffing may wait ({@link #typedSniffingLater}); else null. */
    private static FileType byName(String name) {
        int dot = name.lastIndexOf('.');
        if (dot < 0) return null;
        return switch (name.substring(dot + 1).toLowerCase(Locale.ROOT)) {
            case "jpg", "jpeg" -> FileType.JPEG;
            case "png" -> FileType.PNG;
            case "pdf" -> FileType.PDF;
            case "docx" -> FileType.DOCX;
            case "xlsx" -> FileType.XLSX;
            default -> null;
        };
    }

    /** Files placed by their name, not yet sniffed, by their path in the package (read by several threads once filled). */
    private final Map<String, Pending> unsniffed = new HashMap<>();

    /** Whether {@code f} was placed by its name alone ({@link #typedSniffingLater}), not yet sniffed. */
    public boolean unsniffed(FileEntry f) {
        return unsniffed.containsKey(f.rel());
    }

    /**
     * The type of a file placed by its name, sniffed now (and kept as known when it is the one its name
     * says), or why it could not be read; the type it has for any other file. Thread-safe.
     */
    public Object verify(FileEntry f) {
        Pending p = unsniffed.get(f.rel());
        if (p == null) return f.type();
        Object type = sniffOrWhy(p);
        if (type == f.type()) known.put(p.p(), p.attrs(), f.type());
        return type;
    }

    /**
     * The inventory with the files {@link #verify} found not to be what their names say set right: {@code found} maps
     * each one's path in the package to its sniffed type (it is placed with it, as the walk would have)
     * or to why it could not be read (it is listed as unreadable).
     */
    public Inventory retyped(Map<String, Object> found) {
        files.removeIf(e -> found.containsKey(e.rel()));
        for (Map.Entry<String, Object> e : found.entrySet()) {
            Pending f = unsniffed.get(e.getKey());
            if (f == null) continue;
            if (e.getValue() instanceof FileType type) {
                known.put(f.p(), f.attrs(), type);
                addFile(f, type);
            } else {
                unreadable.add(new Inventory.Unreadable(f.rel(), (String) e.getValue()));
            }
        }
        return inventory();
    }

    private Inventory inventory() {
        Comparator<FileEntry> byRel = Comparator.comparing(FileEntry::rel);
        files.sort(byRel);
        sidecars.sort(byRel);
        unreadable.sort(Comparator.comparing(Inventory.Unreadable::rel));
        return new Inventory(root, files, sidecars, itemFolders, unreadable, links, special);
    }

    /**
     * The files an office suite keeps beside an open document, which are not evidence: Word's and
     * WPS's owner files ({@code ~$报告.docx}), Word's temporary saves ({@code ~WRL0001.tmp},
     * {@code ~WRD0000.tmp}), LibreOffice's lock files ({@code .~lock.报告.docx#}).
     */
    /** Folders the operating system or a file server keeps on a share: never evidence, never a unit. */
    private static final Set<String> SYSTEM = Set.of("$recycle.bin", "system volume information", ".snapshot", "~snapshot",
            "recycler", "$recycler", ".trash", ".trashes", "lost+found", "#recycle", "@eadir");

    public static boolean isSystemFolder(String name) {
        return SYSTEM.contains(name.toLowerCase(Locale.ROOT));
    }

    /** The package's own {@code exclude:} globs (its evcheck.yaml); none when it has none or it is invalid. */
    private cn.evcheck.rules.PackageConfig config = cn.evcheck.rules.PackageConfig.EMPTY;

    private boolean excluded(Path p) {
        return excluded(config, root, p);
    }

    private static boolean excluded(cn.evcheck.rules.PackageConfig config, Path root, Path p) {
        if (config.exclude().isEmpty()) return false;
        StringJoiner j = new StringJoiner("/");
        for (Path part : root.relativize(p)) j.add(Names.shown(part));
        return config.excludes(j.toString());
    }

    /** Whether the walk goes into a folder of this name at {@code p}: not hidden, not the system's, not excluded. */
    static boolean entered(String name, Path p, cn.evcheck.rules.PackageConfig config, Path root) {
        return !(name.startsWith(".") || isSystemFolder(name) || excluded(config, root, p));
    }

    static boolean isOfficeTemp(String name) {
        // Each of the three begins with '~' or '.': most names are ruled out without a lower-casing or a match.
        if (name.isEmpty() || (name.charAt(0) != '~' && name.charAt(0) != '.')) return false;
        String lower = name.toLowerCase(Locale.ROOT);
        return name.startsWith("~$") || (lower.startsWith(".~lock.") && lower.endsWith("#"))
                || OFFICE_TEMP.matcher(lower).matches();
    }

    /** Where a folder sits: item, role, category, unknown sub-folder, and folder names so far. */
    private record Placement(String itemId, Kind role, String category, String other, List<String> folders) {}

    /** Folders with at least this many entries have their entries' attributes read by several threads ({@link FolderLister}). */
    static final int PARALLEL_STAT = FolderLister.PARALLEL_STAT;

    /** @param rel the folder's path relative to the root, as shown ("" for the root) */
    private void walk(Path dir, String rel, Placement here) {
        Object listed = ahead == null ? null : ahead.take(dir);
        if (listed == null) listed = lister.list(dir);
        if (listed instanceof Exception e) {
            unreadable.add(new Inventory.Unreadable(rel, reason(e)));
            return;
        }
        List<Map.Entry<String, Path>> children = ((FolderLister.Listing) listed).children();
        Object[] read = ((FolderLister.Listing) listed).attrs();
        for (int c = 0; c < children.size(); c++) {
            Map.Entry<String, Path> child = children.get(c);
            Path p = child.getValue();
            String name = child.getKey();
            String childRel = rel.isEmpty() ? name : rel + "/" + name;
            if (read[c] instanceof IOException e) {
                unreadable.add(new Inventory.Unreadable(childRel, reason(e)));
                continue;
            }
            BasicFileAttributes attrs = (BasicFileAttributes) read[c];
            if (attrs.isSymbolicLink()) {
                links++;
                continue;
            }
            if (attrs.isOther()) {
                special++;
                continue;
            }
            if (attrs.isDirectory()) {
                if (!entered(name, p, config, root)) continue;
                walk(p, childRel, descend(here, name));
            } else if (attrs.isRegularFile()) {
                boolean ignored = name.length() <= IGNORED_LONGEST && IGNORED.contains(name.toLowerCase(Locale.ROOT));
                if (ignored || isOfficeTemp(name) || name.startsWith("._") || excluded(p)) continue;
                Pending f = new Pending(p, childRel, name, attrs, here);
                pending.add(f);
                // Placed as it is found: the walk is mostly waiting for the next folder's listing (ahead)
                // then, not after the last one, when nothing else is left to do.
                addFile(f, null);
            }
        }
    }

    /** The listing of the package being walked, when it was started ahead ({@link #listAhead}); null otherwise. */
    private FolderLister.Ahead ahead;
    /** Lists the folders of the walk in progress that were not listed ahead. */
    private FolderLister lister;

    /**
     * Starts listing the folders of {@code root} and reading their entries' attributes, on a thread of
     * its own, in the order the walk goes (the same folders: not hidden, not the system's, not
     * excluded by the package's evcheck.yaml): what the walk needs that does not depend on the rules,
     * done while they load. The next {@link #place} of {@code root} in this process takes each folder's
     * listing from it (waiting for it when it is not there yet) instead of listing the folder itself.
     * Never opens a file.
     */
    public static void listAhead(Path root) {
        FolderLister.listAhead(root);
    }

    private Placement descend(Placement here, String name) {
        List<String> grown = new ArrayList<>(here.folders());
        grown.add(name);
        List<String> folders = List.copyOf(grown);   // once per folder: each file's entry shares it
        if (here.itemId() == null) {
            String id = matchItem(name);
            return new Placement(id, null, null, null, folders);
        }
        Item item = rules.item(here.itemId());
        Kind role = here.role();
        String category = here.category();
        String other = here.other();
        Kind announced = Roles.ofFolder(name);
        String cat = categoryOf(item, name);
        if (role == null && announced != null && cat == null) {
            role = announced;
        } else if (category == null && cat != null) {
            category = cat;
        } else if (category == null && other == null && !DATE_LIKE.matcher(name).matches()) {
            if (item.categories().isEmpty()) {
                category = name.strip();   // an item without declared categories: the folder is the category
            } else {
                other = name.strip();
            }
        }
        return new Placement(here.itemId(), role, category, other, folders);
    }

    private String matchItem(String folderName) {
        String n = ItemIds.normalize(folderName);
        for (Map.Entry<String, String> e : normalizedIds) {
            if (ItemIds.startsWithId(n, e.getKey())) {
                itemFolders.add(e.getValue());
                return e.getValue();
            }
        }
        return null;
    }

    /** The declared category a name contains (longest match), or null. */
    public static String categoryOf(Item item, String name) {
        String n = Normalizer.normalize(name, Normalizer.Form.NFKC);
        String best = null;
        for (String c : item.categories()) {
            if (n.contains(c) && (best == null || c.length() > best.length())) best = c;
        }
        return best;
    }

    /** A file the walk found, placed but not yet typed ({@link #typed}). */
    private record Pending(Path p, String rel, String name, BasicFileAttributes attrs, Placement here) {}

    private final List<Pending> pending = new ArrayList<>();

    /** The bytes a type is sniffed from. */
    private static final int SNIFF_BYTES = 1024;

    /** What the sniff warms of a file: the page that holds its first 1,024 bytes. */
    private static final int SNIFF_PAGE = 4096;

    /**
     * Files sniffed at once: each is a read of a file's first bytes, mostly waiting on a cold disk or a
     * share (the more in flight, the more the disk can order). Over the 10,700 files of the benchmark,
     * dropped page cache: the walk took 0.51-0.56 s eight at a time, 0.45 s sixteen, 0.42-0.43 s 32.
     */
    static final int SNIFFERS = 32;

    /**
     * Sniffs the type of every file the walk left pending, {@link #SNIFFERS} at a time, and places them.
     * The inventory's lists are sorted once the walk is done, so the order they are placed in does not
     * show. On a cold disk this took 1.2 s for 10,700 files one at a time, 0.6 s eight at a time.
     */
    private void sniffPending() throws IOException {
        int n = pending.size();
        Object[] out = new Object[n];   // the type, or why the file could not be read
        int threads = Math.min(SNIFFERS, n);
        if (threads <= 1) {
            for (int i = 0; i < n; i++) out[i] = sniffOrWhy(pending.get(i));
        } else {
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "evcheck-sniff");
                t.setDaemon(true);
                return t;
            });
            try {
                List<java.util.concurrent.Future<Object>> done = new ArrayList<>(n);
                for (Pending f : pending) done.add(pool.submit(() -> sniffOrWhy(f)));
                for (int i = 0; i < n; i++) out[i] = done.get(i).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while reading the files' first bytes");
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof RuntimeException re) throw re;
                if (e.getCause() instanceof Error err) throw err;
                throw new IOException(e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
        for (int i = 0; i < n; i++) {
            Pending f = pending.get(i);
            if (out[i] instanceof FileType type) {
                known.put(f.p(), f.attrs(), type);
                addFile(f, type);
            } else {
                unreadable.add(new Inventory.Unreadable(f.rel(), (String) out[i]));
            }
        }
        pending.clear();
    }

    /** The file's type from its first bytes (and a ZIP's directory), or why it could not be read. */
    private Object sniffOrWhy(Pending f) {
        // The first bytes through the C library where it can (no link followed, no FIFO waited on): a
        // tenth of the CPU of opening through SafeOpen, which checks every folder on the way and hands the
        // open to a thread of its own; what inspection reads of the file goes through SafeOpen's checks.
        // A ZIP's directory, and a file not read this way, are read through SafeOpen, which says why
        // a file cannot be read.
        byte[] first = cn.evcheck.util.RandomReads.head(f.p(), SNIFF_BYTES);
        if (first != null) {
            FileType type = FileType.sniff(first, first.length);
            if (type != FileType.ZIP) return type;
        }
        byte[] head = new byte[SNIFF_BYTES];
        // Into the page cache without a readahead mark first (see RandomReads): the read below then
        // reads from the cache, and the first page is not where Linux starts reading megabytes ahead.
        if (first == null) cn.evcheck.util.RandomReads.touch(f.p(), f.attrs().size(), SNIFF_PAGE, 0);
        try (SeekableByteChannel ch = SafeOpen.channel(root, root.relativize(f.p()), SafeOpen.Seen.of(f.attrs()))) {
            InputStream in = Channels.newInputStream(ch);
            int n = in.readNBytes(head, 0, head.length);
            FileType type = FileType.sniff(head, n);
            return type == FileType.ZIP ? ZipDirectory.classify(ch) : type;
        } catch (IOException e) {
            return reason(e);
        }
    }

    private void addFile(Pending f, FileType type) {
        Path p = f.p();
        String name = f.name();
        BasicFileAttributes attrs = f.attrs();
        Placement here = f.here();
        long size = attrs.size();
        int dot = name.lastIndexOf('.');
        String ext = dot > 0 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
        String category = here.category();
        if (category == null && here.itemId() != null) {
            category = categoryOf(rules.item(here.itemId()), name);
        }
        FileEntry e = new FileEntry(p, f.rel(), name, ext, size, type, here.itemId(), here.role(), category,
                here.other(), here.folders(), attrs.fileKey(), attrs.lastModifiedTime().toMillis());
        if (Roles.isCaptionSidecar(name)) {
            sidecars.add(e);
        } else {
            files.add(e);
        }
    }

    private static String reason(Exception e) {
        if (e instanceof AccessDeniedException) return "没有读取权限";
        if (e instanceof NoSuchFileException) return "文件不存在";
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
