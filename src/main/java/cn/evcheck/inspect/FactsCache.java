package cn.evcheck.inspect;

import cn.evcheck.scan.FileEntry;
import cn.evcheck.util.Limits;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDateTime;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What inspection learnt of each file, kept between runs outside the package, so that a re-run of
 * an unchanged package does not read its files again (issue 13). An entry is keyed by the file's
 * absolute path, size, modification time and file key (inode), and by what the checks needed of it;
 * the whole store is dropped when evcheck's build or its inspection settings (OCR on this machine,
 * limits) change — not when the rules change, since facts do not depend on them. The store is H2's
 * MVStore: crash-safe (a run killed midway leaves the last commit) and locked to one process; a
 * second run that finds it locked runs without it. Facts of files that could not be read, or that
 * were refused, are not kept (the cause may pass). Thread-safe.
 */
public final class FactsCache implements AutoCloseable, cn.evcheck.scan.KnownTypes {
    /** No cache: every file is read. */
    public static final FactsCache NONE = new FactsCache(null, null, null, "off");

    private final MVStore store;
    private final MVMap<String, byte[]> facts;
    /** The type sniffed from each file ({@link cn.evcheck.scan.KnownTypes}), by the same identity as its facts. */
    private final MVMap<String, String> types;
    /**
     * Whole results kept by name (a unit's folder), each with the key it was computed under, each in a
     * map of its own (named {@link #KEPT} and a hash of the name): a map's first page is read whole
     * when it is opened, so a drive's units in one map would all be read to give one of them.
     */
    private static final String KEPT = "kept:";
    private final String state;
    private final AtomicInteger hits = new AtomicInteger();
    private final AtomicInteger misses = new AtomicInteger();

    /**
     * The mapper of the facts, made when facts are first read or kept: it loads about 400 classes, which
     * a run that only opens the cache (a re-check whose reports are current) need not wait for.
     */
    private static final class Json {
        static final ObjectMapper MAPPER = mapper();
    }

    private FactsCache(MVStore store, MVMap<String, byte[]> facts, MVMap<String, String> types, String state) {
        this.store = store;
        this.facts = facts;
        this.types = types;
        this.state = state;
    }

    /**
     * Opens (or creates) the cache in {@code dir}; {@link #NONE}-like (with {@link #state()} saying why)
     * when it cannot: another run holds it, the folder is not writable, the store is damaged.
     */
    public static FactsCache open(Path dir) {
        try {
            Files.createDirectories(dir);
            MVStore s = new MVStore.Builder().fileName(dir.resolve("facts.mv.db").toString()).compress().open();
            MVMap<String, String> meta = s.openMap("meta");
            String generation = generation();
            MVMap<String, byte[]> map = s.openMap("facts");
            MVMap<String, String> types = s.openMap("types");
            if (!generation.equals(meta.get("generation"))) {
                map.clear();
                types.clear();
                for (String name : new java.util.ArrayList<>(s.getMapNames())) {
                    // A map is opened with the types it was written with before it is removed.
                    if (name.startsWith(KEPT)) s.removeMap(s.openMap(name, keptBuilder()));
                    else if (name.equals("kept")) s.removeMap(name);   // one map for all units, by earlier builds
                }
                meta.put("generation", generation);
                s.commit();
            }
            return new FactsCache(s, map, types, "on");
        } catch (IOException | RuntimeException e) {
            return new FactsCache(null, null, null, "unavailable: " + Errors.oneLine(e));
        }
    }

    /** "on", "off", or why the cache could not be used. */
    public String state() {
        return state;
    }

    public int hits() {
        return hits.get();
    }

    public int misses() {
        return misses.get();
    }

    /** Whether the facts of this file, unchanged, are kept (a read of it will be answered from here). */
    boolean has(FileEntry f, Inspector.Needs needs) {
        if (facts == null) return false;
        String key = key(f, needs);
        return key != null && facts.containsKey(key);
    }

    /** {@code read}, answered from the cache where the file is unchanged, and kept for next time. */
    Inspection.Read wrap(Inspection.Read read) {
        if (facts == null) return read;
        return (f, needs) -> {
            String key = key(f, needs);
            if (key != null) {
                byte[] b = facts.get(key);
                if (b != null) {
                    try {
                        Facts fx = Json.MAPPER.readValue(b, Facts.class);
                        hits.incrementAndGet();
                        return new Facts(f, fx.readError(), fx.photo(), fx.text(), fx.pdf(), fx.doc(), fx.sheet(), fx.captions(),
                                fx.refused());
                    } catch (IOException | RuntimeException e) {
                        facts.remove(key);   // unreadable entry: read the file again
                    }
                }
            }
            misses.incrementAndGet();
            Facts fx = read.read(f, needs);
            if (key != null && fx != null && fx.readError() == null && fx.refused() == null) {
                try {
                    facts.put(key, Json.MAPPER.writeValueAsBytes(fx));
                } catch (IOException | RuntimeException e) {
                    // not kept: read again next time
                }
            }
            return fx;
        };
    }

    /** A result kept under a name: the key it was computed under, and its bytes from {@code offset} on. */
    public record Kept(String key, byte[] bytes, int offset) {}

    /** What was kept under {@code name}, with the key it was kept under; null when nothing was. */
    public Kept kept(String name) {
        if (store == null) return null;
        try {
            byte[] v = keptMap(name).get(VALUE);
            if (v == null) return null;
            int nl = 0;
            while (nl < v.length && v[nl] != '\n') nl++;
            if (nl == v.length) return null;
            return new Kept(new String(v, 0, nl, java.nio.charset.StandardCharsets.UTF_8), v, nl + 1);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Keeps {@code value} under {@code name}, computed under {@code key}, replacing what was kept under
     * that name. Key and value are one entry, written together or not at all.
     */
    public void keep(String name, String key, byte[] value) {
        if (store == null) return;
        byte[] k = (key + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] v = java.util.Arrays.copyOf(k, k.length + value.length);
        System.arraycopy(value, 0, v, k.length, value.length);
        try {
            keptMap(name).put(VALUE, v);
        } catch (RuntimeException e) {
            // not kept: computed again next time
        }
    }

    private static final String VALUE = "value";

    private MVMap<String, byte[]> keptMap(String name) {
        return store.openMap(KEPT + cn.evcheck.util.Hashes.sha256(name.getBytes(java.nio.charset.StandardCharsets.UTF_8)), keptBuilder());
    }

    /** Byte arrays stored as they are: the generic type reads an array byte by byte (a tenth of a second for 10 MB). */
    private static MVMap.Builder<String, byte[]> keptBuilder() {
        return new MVMap.Builder<String, byte[]>().keyType(org.h2.mvstore.type.StringDataType.INSTANCE)
                .valueType(org.h2.mvstore.type.ByteArrayDataType.INSTANCE);
    }

    /** The file's identity now (absolute path, size, modification time, file key), or null when it is not that regular file any more. */
    static String identity(FileEntry f) {
        try {
            BasicFileAttributes a = Files.readAttributes(f.path(), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!a.isRegularFile() || a.size() != f.size()) return null;
            return identity(f.path(), a);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public cn.evcheck.scan.FileType get(Path file, BasicFileAttributes attrs) {
        if (types == null) return null;
        String t = types.get(identity(file, attrs));
        if (t == null) return null;
        try {
            return cn.evcheck.scan.FileType.valueOf(t);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public void put(Path file, BasicFileAttributes attrs, cn.evcheck.scan.FileType type) {
        if (types != null) types.put(identity(file, attrs), type.name());
    }

    private static String identity(Path file, BasicFileAttributes a) {
        return file.toAbsolutePath() + "\u0000" + a.size() + "\u0000" + a.lastModifiedTime().toMillis() + "\u0000" + a.fileKey();
    }

    /** The file's identity now (path, size, modification time, file key) and what is needed of it; null if unknown. */
    static String key(FileEntry f, Inspector.Needs needs) {
        String identity = identity(f);
        return identity == null ? null : identity + "\u0000" + needs;
    }

    /**
     * What the facts depend on besides the file: this build of evcheck (its jar's size and time; a
     * run from class folders is keyed by the time of this class) and the inspection settings.
     */
    public static String generation() {
        String build = "unknown";
        try {
            Path code = Path.of(FactsCache.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path stamp = Files.isDirectory(code) ? code.resolve("cn/evcheck/inspect/FactsCache.class") : code;
            build = Files.size(stamp) + "@" + Files.getLastModifiedTime(stamp).toMillis();
        } catch (Exception e) {
            // unknown build: still keyed by the version and settings
        }
        return "evcheck " + cn.evcheck.scan.FileType.class.getPackage().getImplementationVersion() + " " + build
                + " ocr=" + Ocr.availability() + " pixels=" + Limits.MAX_PIXELS + " progressive=" + Limits.MAX_PROGRESSIVE_BYTES
                + " timeout=" + Inspection.timeoutSeconds();
    }

    @Override
    public void close() {
        if (store == null) return;
        try {
            store.commit();
            store.close(0);   // no compaction on the way out: it rewrote live pages on every run, even one that changed nothing
        } catch (RuntimeException e) {
            // the last commit stands
        }
    }

    @JsonIgnoreProperties({"file"})
    private abstract static class FactsMixin {}

    private static ObjectMapper mapper() {
        ObjectMapper m = new ObjectMapper();
        SimpleModule times = new SimpleModule();
        times.addSerializer(LocalDateTime.class, ToStringSerializer.instance);
        times.addDeserializer(LocalDateTime.class, new StdDeserializer<>(LocalDateTime.class) {
            @Override
            public LocalDateTime deserialize(JsonParser p, DeserializationContext c) throws IOException {
                return LocalDateTime.parse(p.getText());
            }
        });
        m.registerModule(times);
        m.addMixIn(Facts.class, FactsMixin.class);
        m.setVisibility(com.fasterxml.jackson.annotation.PropertyAccessor.FIELD,
                com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.ANY);
        return m;
    }
}
