package cn.evcheck.rules;

import cn.evcheck.rules.Model.*;
import cn.evcheck.rules.YNode.*;
import cn.evcheck.util.Hashes;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.*;

/**
 * Loads a YAML rule set into the immutable {@link Model.RuleSet}. Strict: unknown keys, wrong
 * types, unknown enum values and duplicate item ids are rejected with {@code file:line:column} and the
 * key path, for a typo the nearest valid key, for a Chinese word the key or value it means. Every problem
 * of the file is found in one load and thrown together. A rule set that loads can be checked against.
 */
public final class RuleLoader extends YamlBinder {
    private RuleLoader(String source) {
        super(source);
    }

    /** A rule file larger than this is refused before it is parsed (the built-in ones are under 50 KB). */
    public static final long MAX_BYTES = 4L * 1024 * 1024;

    public static RuleSet load(Path file) throws RuleException {
        return load(read(file, MAX_BYTES, "规则文件", "rule file"), file.toString(), file.toString());
    }

    /**
     * The bytes of a rule or config file, refused before reading when it is not a regular file or is
     * larger than {@code max}; never more than {@code max} bytes are read, whatever the file system says.
     */
    static byte[] read(Path file, long max, String zh, String en) throws RuleException {
        String src = file.toString();
        try {
            if (!Files.isRegularFile(file)) {
                throw new RuleException(src, new Loc(1, 1), "无法读取" + zh + "：不是普通文件", "cannot read the " + en + ": not a regular file");
            }
            long size = Files.size(file);
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file)) {
                bytes = size > max ? null : in.readNBytes((int) max + 1);
            }
            if (bytes == null || bytes.length > max) {
                throw new RuleException(src, new Loc(1, 1), zh + "过大（" + size + " 字节，上限 " + max + " 字节）",
                        "the " + en + " is too large (" + size + " bytes, the limit is " + max + ")");
            }
            return bytes;
        } catch (IOException e) {
            throw new RuleException(src, new Loc(1, 1), "无法读取" + zh + "：" + e.getClass().getSimpleName(),
                    "cannot read the " + en + ": " + e.getClass().getSimpleName());
        }
    }

    public static RuleSet load(byte[] bytes, String source, String origin) throws RuleException {
        String text = cn.evcheck.util.Text.utf8OrGb18030(bytes);   // Notepad's "ANSI" (GBK) too
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') text = text.substring(1);
        RuleLoader loader = new RuleLoader(source);
        List<RuleException> duplicates = new ArrayList<>();
        YNode root = YamlTree.parse(text, source, duplicates);   // a syntax error ends it here
        duplicates.forEach(loader::note);
        String sha = Hashes.sha256(bytes);
        RuleSet rs = loader.attempt(() -> loader.ruleSet(root, sha, origin), null);
        loader.finish();
        return rs;
    }

    public static RuleSet load(InputStream in, String source, String origin) throws RuleException, IOException {
        return load(in.readAllBytes(), source, origin);
    }

    // ---- binding -------------------------------------------------------------------------
    // Every step that can fail is attempted on its own, so that one run names every problem of the file;
    // what depends on a value that failed (the kind of a material, the period of the set) is not judged.

    private static final List<String> TOP_KEYS = List.of("evcheck", "id", "title", "source", "period", "defaults", "items");
    private static final List<String> ITEM_KEYS = List.of("id", "part", "indicator", "standard", "requirement", "leader",
            "lead_department", "responsible", "categories", "years", "materials", "note", "period");
    private static final List<String> MATERIAL_KEYS = List.of("kind", "each", "words", "min", "per", "caption",
            "festivals", "years", "target", "proof", "number", "marked", "note");
    private static final List<String> FESTIVALS = Model.FESTIVALS;
    private static final What RULE_SET = new What("规则集", "the rule set");
    private static final What ITEM = new What("条目", "item");
    private static final What MATERIAL = new What("材料", "material");

    private RuleSet ruleSet(YNode root, String sha, String origin) throws RuleException {
        Obj top = obj(root, RULE_SET, TOP_KEYS);
        attempt(() -> {
            YScalar version = top.required("evcheck", YScalar.class);
            if (!"1".equals(version.text())) {
                throw error(version.loc(), "不支持的规则版本“" + shown(version.text()) + "”，只支持 evcheck: 1",
                        "unsupported rule-set version '" + shown(version.text()) + "'; only evcheck: 1 is supported");
            }
            return null;
        }, null);
        String id = attempt(() -> str(top.required("id", YScalar.class)), "");
        String title = top.optString("title", id);
        String src = top.optString("source", "");
        LocalDate[] period = attempt(() -> period(top.required("period", YMap.class), false, null, null), new LocalDate[2]);
        LocalDate from = period[0];
        LocalDate to = period[1];
        Defaults defaults = defaults(top.opt("defaults"));

        YList itemsNode = attempt(() -> top.required("items", YList.class), null);
        List<Item> items = new ArrayList<>();
        if (itemsNode != null) {
            Map<String, Loc> seen = new HashMap<>();
            Map<String, String> seenNormal = new HashMap<>();
            for (YNode n : itemsNode.values()) {
                Item item = attempt(() -> item(n, defaults, from, to), null);
                if (item == null) continue;
                Loc at = n.loc();
                if (seen.containsKey(item.id())) {
                    problem(at, "条目编号“" + shown(item.id()) + "”重复（首次出现在第 " + seen.get(item.id()).line() + " 行）",
                            "duplicate item id '" + shown(item.id()) + "' (first at line " + seen.get(item.id()).line() + ")");
                    continue;
                }
                String norm = cn.evcheck.rules.ItemIds.normalize(item.id());
                if (seenNormal.containsKey(norm)) {
                    problem(at, "条目编号“" + shown(item.id()) + "”与“" + shown(seenNormal.get(norm)) + "”规范化后相同，无法区分文件夹",
                            "item id '" + shown(item.id()) + "' equals '" + shown(seenNormal.get(norm))
                                    + "' after normalisation; folders could not tell them apart");
                    continue;
                }
                seen.put(item.id(), at);
                seenNormal.put(norm, item.id());
                items.add(item);
            }
            if (itemsNode.values().isEmpty()) {
                problem(itemsNode.loc(), "不能为空（至少要有一个条目）", "must not be empty (list at least one item)");
            }
        }
        if (failed()) return null;   // finish() says why
        return new RuleSet(id, title, src, from, to, defaults, items, sha, origin);
    }

    /**
     * A period's {@code from} and {@code to} (either null when it has a problem); an item's period may
     * leave one out, which is then the rule set's.
     */
    private LocalDate[] period(YMap node, boolean own, LocalDate setFrom, LocalDate setTo) throws RuleException {
        Obj p = obj(node, What.of("period"), List.of("from", "to"));
        LocalDate from = own ? p.get("from", () -> date(p.required("from", YScalar.class)), setFrom)
                : attempt(() -> date(p.required("from", YScalar.class)), null);
        LocalDate to = own ? p.get("to", () -> date(p.required("to", YScalar.class)), setTo)
                : attempt(() -> date(p.required("to", YScalar.class)), null);
        if (from != null && to != null) {
            attempt(() -> {
                span(from, to, node.loc());
                return null;
            }, null);
        }
        return new LocalDate[]{from, to};
    }

    private Defaults defaults(YNode node) {
        PhotoDefaults photo = new PhotoDefaults(List.of("jpg", "jpeg"), 2_097_152L, 2_000_001L, 640);
        ReportDefaults report = new ReportDefaults(List.of("doc", "docx", "wps", "uof", "uot"), null, 0.2, 0.5);
        DocumentDefaults document = new DocumentDefaults(List.of("jpg", "jpeg", "pdf"), Map.of());
        Defaults base = new Defaults(photo, report, document, 7, 7);
        if (node == null) return base;
        Obj d = attempt(() -> obj(node, What.of("defaults"), List.of("photo", "report", "document", "festival_window")), null);
        if (d == null) return base;
        PhotoDefaults p = d.get("photo", () -> photoDefaults(d.opt("photo"), photo), photo);
        ReportDefaults r = d.get("report", () -> reportDefaults(d.opt("report"), report), report);
        DocumentDefaults doc = d.get("document", () -> documentDefaults(d.opt("document"), document), document);
        int[] window = d.get("festival_window", () -> {
            Obj o = obj(d.opt("festival_window"), What.of("festival_window"), List.of("before", "after"));
            return new int[]{o.get("before", () -> (int) nonNegativeLong(o.required("before", YScalar.class)), 7),
                    o.get("after", () -> (int) nonNegativeLong(o.required("after", YScalar.class)), 7)};
        }, new int[]{7, 7});
        return new Defaults(p, r, doc, window[0], window[1]);
    }

    private PhotoDefaults photoDefaults(YNode node, PhotoDefaults dflt) throws RuleException {
        Obj o = obj(node, What.of("defaults.photo"), List.of("formats", "max_bytes", "near_limit_bytes", "min_long_side"));
        List<String> formats = o.get("formats", () -> formats(o.required("formats", YList.class)), dflt.formats());
        long max = o.get("max_bytes", () -> positiveLong(o.required("max_bytes", YScalar.class)), dflt.maxBytes());
        long near = o.get("near_limit_bytes", () -> positiveLong(o.required("near_limit_bytes", YScalar.class)), nearLimit(max));
        int minSide = o.get("min_long_side", () -> (int) positiveLong(o.required("min_long_side", YScalar.class)), 640);
        return new PhotoDefaults(formats, max, near, minSide);
    }

    private ReportDefaults reportDefaults(YNode node, ReportDefaults dflt) throws RuleException {
        Obj o = obj(node, What.of("defaults.report"), List.of("formats", "words", "tolerance"));
        List<String> formats = o.get("formats", () -> formats(o.required("formats", YList.class)), dflt.formats());
        Integer words = o.get("words", () -> (int) positiveLong(o.required("words", YScalar.class)), dflt.words());
        Obj t = o.get("tolerance", () -> obj(o.required("tolerance", YMap.class), What.of("tolerance"), List.of("below", "above")), null);
        double below = t == null ? dflt.below() : t.get("below", () -> fraction(t.required("below", YScalar.class), true), dflt.below());
        double above = t == null ? dflt.above() : t.get("above", () -> fraction(t.required("above", YScalar.class), false), dflt.above());
        return new ReportDefaults(formats, words, below, above);
    }

    private DocumentDefaults documentDefaults(YNode node, DocumentDefaults dflt) throws RuleException {
        List<String> keys = new ArrayList<>(List.of("formats"));
        for (Kind k : DOCUMENT_KINDS) keys.add(k.key);
        Obj o = obj(node, What.of("defaults.document"), keys);
        Map<Kind, DocRule> rules = new EnumMap<>(Kind.class);
        for (Kind k : DOCUMENT_KINDS) {
            DocRule rule = o.get(k.key, () -> docRule(obj(o.required(k.key, YMap.class), What.of("defaults.document." + k.key),
                    List.of("proof", "number")), DocRule.seed000(k)), null);
            if (rule != null) rules.put(k, rule);
        }
        return new DocumentDefaults(o.get("formats", () -> formats(o.required("formats", YList.class)), dflt.formats()), rules);
    }

    /**
     * Where the "close to the limit" band starts when the rule set does not say: the limit read
     * in decimal units, since a server may count "2M" as 2,000,000 bytes (2 MiB → 2,000,001);
     * no band for a limit that is not a whole number of KiB.
     */
    static long nearLimit(long max) {
        if (max % 1_048_576 == 0) return max / 1_048_576 * 1_000_000 + 1;
        if (max % 1024 == 0) return max / 1024 * 1000 + 1;
        return max + 1;
    }

    private static final List<Kind> DOCUMENT_KINDS = List.of(Kind.FORMAL_DOC, Kind.DEPT_EVAL, Kind.DATA_TABLE);

    /** {@code proof:} and {@code number:} over a base rule. */
    private DocRule docRule(Obj o, DocRule base) {
        Proof proof = o.get("proof", () -> proof(o.opt("proof")), base.proof());
        boolean number = o.get("number", () -> bool(o.required("number", YScalar.class)), base.number());
        return new DocRule(proof, number);
    }

    private static final java.util.regex.Pattern ANY_OF = java.util.regex.Pattern.compile("(any_of|all_of)\\s*\\[(.*)]");

    /**
     * A proof: {@code red_header}, {@code [red_header, seal]} (all of them), {@code any_of [red_header, seal]}
     * (also as a mapping {@code {any_of: [...]}}), or {@code none}.
     */
    private Proof proof(YNode node) throws RuleException {
        if (node instanceof YMap) {
            Obj o = obj(node, What.of("proof"), List.of("any_of", "all_of"));
            if (o.has("any_of") == o.has("all_of")) {
                throw error(node.loc(), "proof 映射须只有 any_of 或 all_of 之一", "a proof mapping takes exactly one of any_of, all_of");
            }
            String key = o.has("any_of") ? "any_of" : "all_of";
            YList l = o.required(key, YList.class);
            return new Proof(signs(l), key.equals("any_of"));
        }
        if (node instanceof YList l) return new Proof(signs(l), false);
        YScalar s = scalar(node);
        String text = str(s).strip();
        if (text.equals("none")) return Proof.NONE;
        java.util.regex.Matcher m = ANY_OF.matcher(text);
        if (m.matches()) {
            List<Sign> signs = new ArrayList<>();
            for (String part : m.group(2).split("[,，、]")) {
                if (!part.isBlank()) signs.add(sign(s, part.strip()));
            }
            if (signs.isEmpty()) throw error(s.loc(), "proof 的列表为空", "the proof list is empty");
            return new Proof(signs, m.group(1).equals("any_of"));
        }
        return new Proof(List.of(sign(s, text)), false);
    }

    private List<Sign> signs(YList list) throws RuleException {
        List<Sign> signs = new ArrayList<>();
        boolean bad = false;
        for (YNode n : list.values()) {
            Sign sign = attempt(() -> {
                YScalar s = scalar(n);
                return sign(s, str(s).strip());
            }, null);
            bad |= sign == null;
            if (sign != null && !signs.contains(sign)) signs.add(sign);
        }
        if (signs.isEmpty() && !bad) throw error(list.loc(), "proof 的列表为空", "the proof list is empty");
        return signs;
    }

    private Sign sign(YScalar at, String key) throws RuleException {
        for (Sign s : Sign.values()) if (s.key.equals(key)) return s;
        List<String> known = new ArrayList<>();
        for (Sign s : Sign.values()) known.add(s.key);
        known.add("none");
        throw error(at.loc(), "未知的 proof“" + shown(key) + "”，可用：" + String.join("、", known) + hint(key, known, "proof", true),
                "unknown proof '" + shown(key) + "'; known: " + String.join(", ", known) + hint(key, known, "proof", false));
    }

    private Item item(YNode node, Defaults defaults, LocalDate setFrom, LocalDate setTo) throws RuleException {
        Obj o = obj(node, ITEM, ITEM_KEYS);
        String id = attempt(() -> {
            String v = str(o.required("id", YScalar.class));
            if (v.isBlank()) throw error(o.keyLoc("id"), "条目编号为空", "the item id is empty");
            return v;
        }, null);
        List<String> categories = o.get("categories", () -> categories(o.required("categories", YList.class)), List.of());
        List<Integer> years = o.get("years", () -> years(o.required("years", YList.class)), List.of());
        // An item whose own period differs from the rule set's (a campaign year of its own).
        LocalDate[] period = o.get("period", () -> period(o.required("period", YMap.class), true, setFrom, setTo), new LocalDate[2]);
        YList mats = attempt(() -> o.required("materials", YList.class), null);
        List<Material> materials = new ArrayList<>();
        if (mats != null) {
            boolean yearsGiven = written(o, "years");
            for (YNode m : mats.values()) {
                Material x = attempt(() -> material(m, categories, years, yearsGiven, defaults), null);
                if (x != null) materials.add(x);
            }
            if (mats.values().isEmpty()) problem(mats.loc(), "不能为空（至少要有一种材料）", "must not be empty (list at least one material)");
        }
        String part = o.optString("part", "");
        String indicator = o.optString("indicator", "");
        String standard = o.optString("standard", "");
        String requirement = o.optString("requirement", "");
        List<String> leaders = o.stringOrList("leader");
        List<String> leadDepartments = o.stringOrList("lead_department");
        List<String> responsible = o.stringOrList("responsible");
        String note = o.optString("note", "");
        if (id == null) return null;
        return new Item(id, part, indicator, standard, requirement, leaders, leadDepartments, responsible, categories, years,
                materials, note, period[0], period[1]);
    }

    /** An item's categories; one listed twice is a problem where it is written the second time. */
    private List<String> categories(YList l) throws RuleException {
        List<String> out = new ArrayList<>();
        for (YNode n : l.values()) {
            String c = attempt(() -> str(scalar(n)), null);
            if (c == null) continue;
            if (out.contains(c)) {
                problem(n.loc(), "类别“" + shown(c) + "”重复", "category '" + shown(c) + "' is listed twice");
                continue;
            }
            out.add(c);
        }
        return out;
    }

    private Material material(YNode node, List<String> categories, List<Integer> itemYears, boolean itemYearsGiven, Defaults defaults)
            throws RuleException {
        Obj o = obj(node, MATERIAL, MATERIAL_KEYS);
        Kind kind = attempt(() -> enumValue(o.required("kind", YScalar.class), Kind.values(), k -> k.key, "kind"), null);
        Each eachGiven = o.get("each", () -> enumValue(o.required("each", YScalar.class), Each.values(),
                e -> e.name().toLowerCase(Locale.ROOT), "each"), null);
        Each each = eachGiven == null ? Each.NONE : eachGiven;
        Integer words = o.get("words", () -> (int) positiveLong(o.required("words", YScalar.class)), null);
        onlyFor(o, "words", kind, List.of(Kind.REPORT));
        int min = o.get("min", () -> (int) positiveLong(o.required("min", YScalar.class)), 1);
        Per perGiven = o.get("per", () -> enumValue(o.required("per", YScalar.class), Per.values(), Per::key, "per"), null);
        Per per = perGiven == null ? Per.TOTAL : perGiven;
        onlyFor(o, "per", kind, List.of(Kind.PHOTOS));
        List<CaptionField> caption = new ArrayList<>();
        if (o.has("caption")) {
            onlyFor(o, "caption", kind, List.of(Kind.PHOTOS));
            YList cl = attempt(() -> o.required("caption", YList.class), null);
            for (YNode c : cl == null ? List.<YNode>of() : cl.values()) {
                CaptionField f = attempt(() -> enumValue(scalar(c), CaptionField.values(), CaptionField::key, "caption"), null);
                if (f != null) caption.add(f);
            }
        }
        List<String> festivals = new ArrayList<>();
        if (o.has("festivals")) {
            YList fl = attempt(() -> o.required("festivals", YList.class), null);
            for (YNode f : fl == null ? List.<YNode>of() : fl.values()) {
                String name = attempt(() -> {
                    YScalar s = scalar(f);
                    String n = str(s);
                    if (!FESTIVALS.contains(n)) {
                        throw error(s.loc(), "未知节日“" + shown(n) + "”，可用：" + String.join("、", FESTIVALS) + suggestion(n, FESTIVALS, true),
                                "unknown festival '" + shown(n) + "'; known: '" + String.join("', '", FESTIVALS) + "'" + suggestion(n, FESTIVALS, false));
                    }
                    return n;
                }, null);
                if (name != null) festivals.add(name);
            }
        }
        List<Integer> years = o.get("years", () -> years(o.required("years", YList.class)), List.of());
        // years written but all wrong are a problem already: no second one for their absence
        boolean yearsGiven = !years.isEmpty() || !itemYears.isEmpty() || written(o, "years") || itemYearsGiven;
        if (per == Per.FESTIVAL) {
            if (festivals.isEmpty()) festivals = FESTIVALS;
            if (!yearsGiven) {
                problem(node.loc(), "per: festival 需要 years（写在材料或条目上）", "per: festival needs years (on the material or the item)");
            }
        } else if (written(o, "festivals") && (perGiven != null || !o.has("per"))) {
            problem(o.keyLoc("festivals"), "只能与 per: festival 一起使用", "needs per: festival");
        }
        if (each == Each.YEAR && !yearsGiven) {
            problem(node.loc(), "each: year 需要 years（写在材料或条目上）", "each: year needs years (on the material or the item)");
        }
        List<Target> targets = new ArrayList<>();
        if (o.has("target")) {
            YNode t = o.opt("target");
            for (YNode x : t instanceof YList l ? l.values() : List.of(t)) {
                Target target = attempt(() -> target(x), null);
                if (target != null) targets.add(target);
            }
        }
        onlyFor(o, "proof", kind, DOCUMENT_KINDS);
        onlyFor(o, "number", kind, DOCUMENT_KINDS);
        DocRule rule = kind == null ? new DocRule(Proof.NONE, false)
                : DOCUMENT_KINDS.contains(kind) ? defaults.document().rule(kind) : DocRule.seed000(kind);
        rule = docRule(o, rule);
        boolean marked = o.get("marked", () -> bool(o.required("marked", YScalar.class)), false);
        onlyFor(o, "marked", kind, List.of(Kind.FORMAL_DOC));
        String note = o.optString("note", "");
        if (kind == null) return null;
        return new Material(kind, each, words, min, per, caption, festivals, years, targets, rule.proof(), rule.number(),
                marked, note);
    }

    /** Whether a key is written with something in it (not an empty list). */
    private static boolean written(Obj o, String key) {
        return o.has(key) && !(o.opt(key) instanceof YList l && l.values().isEmpty());
    }

    /** A key that only some kinds take, written on a material of another kind: a problem at the key. */
    private void onlyFor(Obj o, String key, Kind kind, List<Kind> kinds) {
        if (!o.has(key) || kind == null || kinds.contains(kind)) return;
        String list = String.join(kinds.size() > 1 ? ", " : "", kinds.stream().map(k -> k.key).toList());
        problem(o.keyLoc(key), "只适用于 kind: " + list.replace(", ", "、") + "（本材料是 kind: " + kind.key + "）",
                "applies only to kind: " + list + " (this material is kind: " + kind.key + ")");
    }

    private static final List<String> OPS = List.of(">=", ">", "<=", "<", "==", "improves", "decreases");

    private Target target(YNode node) throws RuleException {
        Obj o = obj(node, What.of("target"), List.of("metric", "op", "value", "unit"));
        String metric = attempt(() -> str(o.required("metric", YScalar.class)), null);
        String op = attempt(() -> {
            YScalar opNode = o.required("op", YScalar.class);
            String v = str(opNode);
            if (!OPS.contains(v)) {
                throw error(opNode.loc(), "未知比较符“" + shown(v) + "”，可用：" + String.join(" ", OPS),
                        "unknown op '" + shown(v) + "'; known: " + String.join(" ", OPS));
            }
            return v;
        }, null);
        Double value = o.get("value", () -> number(o.required("value", YScalar.class)), null);
        if (op != null && !o.has("value") && !op.equals("improves") && !op.equals("decreases")) {
            problem(node.loc(), "target 缺少 value（只有 improves、decreases 可以不写）", "the target lacks a value (only improves and decreases take none)");
        }
        String unit = o.optString("unit", "");
        if (metric == null || op == null) return null;
        return new Target(metric, op, value, unit);
    }
}
