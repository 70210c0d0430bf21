package cn.evcheck.fix;

import cn.evcheck.check.Wording;
import cn.evcheck.model.Finding;
import cn.evcheck.model.Report.UnitResult;
import cn.evcheck.util.Messages;
import cn.evcheck.util.Messages.Lang;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.nio.charset.StandardCharsets;
import java.util.*;

/**
 * The fix log of one run, as text and JSON: what was done to each photo (before and after bytes,
 * pixels and the quality chosen), the photos that could not be fixed and why, the finding counts
 * per code before and after, and the findings that remain in the copy and need a person.
 * Deterministic: no time, no timing.
 */
public final class FixLog {
    private final String tool;
    private final String pkg;
    private final String copy;
    private final String rules;
    private final String asOf;
    private final List<Fixer.Done> done;
    private final Fixer.Copied copied;
    private final UnitResult before;
    private final UnitResult after;
    private final boolean dryRun;

    /**
     * @param copied what the copy holds, or null for a dry run
     * @param after  the copy's check, or null for a dry run
     */
    public FixLog(String tool, String pkg, String copy, String rules, String asOf, List<Fixer.Done> done, Fixer.Copied copied,
                  UnitResult before, UnitResult after) {
        this.tool = tool;
        this.pkg = pkg;
        this.copy = copy;
        this.rules = rules;
        this.asOf = asOf;
        this.done = List.copyOf(done);
        this.copied = copied;
        this.before = before;
        this.after = after;
        this.dryRun = after == null;
    }

    private Fixer.Combined combined = Fixer.Combined.NONE;

    /** With the PDFs {@code --combine-pdf} made. */
    public FixLog combined(Fixer.Combined c) {
        this.combined = c;
        return this;
    }

    /** Findings per code: {before, after}, codes sorted. */
    public SortedMap<String, int[]> counts() {
        SortedMap<String, int[]> m = new TreeMap<>();
        for (Finding f : before.findings()) m.computeIfAbsent(f.code(), k -> new int[2])[0]++;
        if (after != null) for (Finding f : after.findings()) m.computeIfAbsent(f.code(), k -> new int[2])[1]++;
        return m;
    }

    public List<Fixer.Done> done() {
        return done;
    }

    public byte[] json(boolean en) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("tool", "evcheck " + tool);
        root.put("dry_run", dryRun);
        root.put("package", pkg);
        root.put("copy", copy);
        root.put("rules", rules);
        root.put("as_of", asOf);
        List<Object> photos = new ArrayList<>();
        for (Fixer.Done d : done) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("file", d.job().rel());
            p.put("copy", d.job().newRel());
            p.put("findings", d.job().codes());
            p.put("planned", d.job().actions());
            PhotoFix.Result r = d.result();
            if (r != null) {
                p.put("fixed", d.fixed());
                if (d.fixed()) {
                    List<String> actions = new ArrayList<>(r.done().stream().map(a -> a.key).toList());
                    if (d.job().wanted().contains(PhotoFix.Action.RENAME)) actions.add(PhotoFix.Action.RENAME.key);
                    p.put("done", actions.stream().sorted(Comparator.comparing(k -> PhotoFix.Action.valueOf(k.toUpperCase(Locale.ROOT)).ordinal())).toList());
                    p.put("bytes_before", d.before());
                    p.put("bytes_after", r.bytes().length);
                    if (r.width() > 0) {
                        p.put("pixels_before", r.width() + "x" + r.height());
                        p.put("pixels_after", r.newWidth() + "x" + r.newHeight());
                    }
                    if (r.quality() > 0) p.put("quality", r.quality());
                    if (!r.notes().isEmpty()) p.put("notes", r.notes());
                } else {
                    p.put("problem", r.problem());
                    p.put("reason", reason(en, r.problem()));
                }
            }
            photos.add(p);
        }
        root.put("photos", photos);
        if (!combined.pdfs().isEmpty()) {
            Map<String, Object> pdfs = new LinkedHashMap<>();
            for (Map.Entry<String, byte[]> e : combined.pdfs().entrySet()) pdfs.put(e.getKey(), e.getValue().length);
            root.put("combined_pdfs", pdfs);
            root.put("photos_in_pdfs", List.copyOf(combined.replaced()));
        }
        if (copied != null) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("files", copied.files());
            c.put("folders", copied.folders());
            c.put("not_copied", copied.skipped());
            root.put("copied", c);
        }
        Map<String, Object> counts = new LinkedHashMap<>();
        for (Map.Entry<String, int[]> e : counts().entrySet()) {
            Map<String, Object> ba = new LinkedHashMap<>();
            ba.put("before", e.getValue()[0]);
            if (after != null) ba.put("after", e.getValue()[1]);
            counts.put(e.getKey(), ba);
        }
        root.put("counts", counts);
        List<Object> remaining = new ArrayList<>();
        for (Finding f : (after != null ? after : before).findings()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("code", f.code());
            x.put("severity", f.severity().name().toLowerCase(Locale.ROOT));
            x.put("item", f.item());
            x.put("file", f.file());
            x.put("period", f.period());
            x.put("message", f.message(en));
            remaining.add(x);
        }
        root.put(after != null ? "remaining" : "findings", remaining);
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root)
                    .concat("\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Why a photo was left as it was, in words. */
    static String reason(boolean en, String problem) {
        String key = "fixlog.problem." + problem;
        return Messages.has(key) ? msg(en, key) : msg(en, "fixlog.problem.other", "problem", problem);
    }

    public String text(boolean en) {
        StringBuilder b = new StringBuilder();
        b.append(msg(en, dryRun ? "fixlog.title_dry" : "fixlog.title", "package", pkg, "copy", copy)).append('\n');
        int fixed = 0;
        int failed = 0;
        for (Fixer.Done d : done) {
            PhotoFix.Result r = d.result();
            String name = d.job().rel().equals(d.job().newRel()) ? d.job().rel() : d.job().rel() + " → " + d.job().newRel();
            if (r == null) {
                b.append("  ").append(name).append(": ").append(actions(en, d.job().wanted())).append('\n');
            } else if (d.fixed()) {
                fixed++;
                EnumSet<PhotoFix.Action> did = r.done().isEmpty() ? EnumSet.noneOf(PhotoFix.Action.class) : EnumSet.copyOf(r.done());
                if (d.job().wanted().contains(PhotoFix.Action.RENAME)) did.add(PhotoFix.Action.RENAME);
                b.append("  ").append(name).append(": ").append(actions(en, did));
                b.append(" · ").append(Wording.mb(d.before())).append(" → ").append(Wording.mb(r.bytes().length));
                if (r.width() > 0 && (r.width() != r.newWidth() || r.height() != r.newHeight())) {
                    b.append(" · ").append(r.width()).append('×').append(r.height()).append(" → ").append(r.newWidth()).append('×').append(r.newHeight());
                }
                if (r.quality() > 0) b.append(" · ").append(msg(en, "fixlog.quality", "quality", r.quality()));
                b.append('\n');
            } else {
                failed++;
                b.append("  ").append(name).append(": ").append(msg(en, "fixlog.not_fixed", "reason", reason(en, r.problem()))).append('\n');
            }
        }
        if (done.isEmpty()) b.append("  ").append(msg(en, "fixlog.nothing")).append('\n');
        if (!dryRun) b.append(msg(en, "fixlog.summary", "fixed", fixed, "failed", failed, "files", copied.files())).append('\n');
        for (Map.Entry<String, byte[]> e : combined.pdfs().entrySet()) {
            b.append(msg(en, "fixlog.pdf", "file", e.getKey(), "size", Wording.mb(e.getValue().length))).append('\n');
        }
        if (copied != null && !copied.skipped().isEmpty()) {
            b.append(msg(en, "fixlog.not_copied", "files", String.join(", ", copied.skipped()))).append('\n');
        }
        b.append(msg(en, dryRun ? "fixlog.counts_dry" : "fixlog.counts")).append('\n');
        for (Map.Entry<String, int[]> e : counts().entrySet()) {
            b.append("  ").append(e.getKey()).append(": ").append(e.getValue()[0]);
            if (!dryRun) b.append(" → ").append(e.getValue()[1]);
            b.append('\n');
        }
        List<Finding> left = (after != null ? after : before).findings();
        if (!dryRun) {
            b.append(msg(en, left.isEmpty() ? "fixlog.remaining_none" : "fixlog.remaining", "count", left.size())).append('\n');
            for (Finding f : left) {
                // The severity in the log's language; the period is in the message already, spelt for a person.
                b.append("  ").append(f.severity().label(en)).append(' ');
                if (f.file() != null) b.append(f.file());
                else if (f.item() != null) b.append(f.item());
                b.append(en ? ": " : "：").append(f.message(en)).append("  [").append(f.code()).append("]\n");
            }
        }
        return b.toString();
    }

    private static String actions(boolean en, Set<PhotoFix.Action> actions) {
        StringJoiner j = new StringJoiner(en ? ", " : "、");
        for (PhotoFix.Action a : actions) j.add(msg(en, "fixlog.action." + a.key));
        return j.toString();
    }

    static String msg(boolean en, String key, Object... kv) {
        return Messages.format(en ? Lang.EN : Lang.ZH, key, kv);
    }
}
