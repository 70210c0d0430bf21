package cn.evcheck.inspect;

import cn.evcheck.scan.FileEntry;

import java.util.*;

/**
 * The captions of caption sidecars ({@code 图片说明.csv}/{@code .xlsx}, columns 文件名 and 图片说明),
 * indexed from their inspected {@link Facts} ({@link CaptionSheet}). A sidecar applies to photos
 * in its own folder and below, matched by path relative to the sidecar's folder, then by file
 * name, then by stem. The nearest sidecar wins. Pure: reads no file.
 */
public final class Sidecars {
    /** A sidecar that gives no captions: why, and whether it was refused as over the limits. */
    public record Problem(String rel, String reason, boolean tooComplex) {}

    /** folder rel path ("" for root) → key (file name or relative path) → caption */
    private final Map<String, Map<String, String>> byFolder = new TreeMap<>();
    private final List<Problem> problems = new ArrayList<>();

    /** No sidecars. */
    public static final Sidecars NONE = new Sidecars();

    /**
     * Indexes the sidecars of a package (in the order given, later ones in the same folder
     * winning) from their facts, as {@link Inspection} read them with {@link Inspector.Needs#CAPTIONS}.
     */
    public static Sidecars index(List<FileEntry> sidecars, Map<String, Facts> facts) {
        Sidecars s = new Sidecars();
        for (FileEntry f : sidecars) {
            Facts fx = facts.get(f.rel());
            if (fx == null || (fx.refused() == null && fx.readError() == null && fx.captions() == null)) {
                s.problems.add(new Problem(f.rel(), "not inspected", false));
                continue;
            }
            if (fx.refused() != null) {
                s.problems.add(new Problem(f.rel(), fx.refused(), true));
                continue;
            }
            if (fx.readError() != null) {
                s.problems.add(new Problem(f.rel(), fx.readError(), false));
                continue;
            }
            CaptionSheet c = fx.captions();
            if ("unreadable".equals(c.problem())) {
                s.problems.add(new Problem(f.rel(), c.detail(), false));
                continue;
            }
            if (c.problem() != null) s.problems.add(new Problem(f.rel(), c.problem(), false));
            String folder = f.rel().contains("/") ? f.rel().substring(0, f.rel().lastIndexOf('/')) : "";
            s.byFolder.computeIfAbsent(folder, k -> new HashMap<>()).putAll(c.captions());
        }
        return s;
    }

    /** Sidecars that could not be read, were refused, or lack the 文件名/图片说明 header. */
    public List<Problem> problems() {
        return Collections.unmodifiableList(problems);
    }

    /** The sidecar caption for a photo, or null. */
    public String captionFor(FileEntry photo) {
        String rel = photo.rel();
        String folder = rel.contains("/") ? rel.substring(0, rel.lastIndexOf('/')) : "";
        while (true) {
            Map<String, String> m = byFolder.get(folder);
            if (m != null) {
                String relToSidecar = folder.isEmpty() ? rel : rel.substring(folder.length() + 1);
                String c = m.get(relToSidecar);
                if (c == null) c = m.get(photo.name());
                if (c == null) c = m.get(photo.stem());
                if (c != null) return c;
            }
            if (folder.isEmpty()) return null;
            folder = folder.contains("/") ? folder.substring(0, folder.lastIndexOf('/')) : "";
        }
    }
}
