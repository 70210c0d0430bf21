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
 * types, unknown enum values and duplicate item ids are rejected with {@code file:line:column}
 * and, for a typo, the nearest valid key. A rule set that loads can be checked against.
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
        YNode root = YamlTree.parse(text, source);
        return new RuleLoader(source).ruleSet(root, Hashes.sha256(bytes), origin);
    }

    public static RuleSet load(InputStream in, String source, String origin) throws RuleException, IOException {
        return load(in.readAllBytes(), source, origin);
    }

    // ---- binding -------------------------------------------------------------------------

    private static final List<String> TOP_KEYS = List.of("evcheck", "id", "title", "source", "period", "defaults", "items");
    private static final List<String> ITEM_KEYS = List.of("id", "part", "indicator", "standard", "requirement", "leader",
            "lead_department", "responsible", "categories", "years", "materials", "note", "period");
    private static final List<String> MATERIAL_KEYS = List.of("kind", "each", "words", "min", "per", "caption",
            "festivals", "years", "target", "proof", "number", "marked", "note");
    private static final List<String> FESTIVALS = Model.FESTIVALS;

    private RuleSet ruleSet(YNode root, String sha, String origin) throws RuleException {
        Obj top = obj(root, "规则集", TOP_KEYS);
        YScalar version = top.required("evcheck", YScalar.class);
        if (!"1".equals(version.text())) {
            throw error(version.loc(), "不支持的规则版本“" + version.text() + "”，只支持 evcheck: 1",
                    "unsupported rule-set version '" + version.text() + "'; only evcheck: 1 is supported");
        }
        String id = str(top.required("id", YScalar.class));
        String title = top.optString("title", id);
        String src = top.optString("source", "");
        Obj period = obj(top.required("period", YMap.class), "period", List.of("from", "to"));
        LocalDate from = date(period.required("from", YScalar.class));
        LocalDate to = date(period.required("to", YScalar.class));
        span(from, to, period.map.loc());
        Defaults defaults = defaults(top.opt("defaults"));

        YList itemsNode = top.required("items", YList.class);
        List<Item> items = new ArrayList<>();
        Map<String, Loc> seen = new HashMap<>();
        Map<String, String> seenNormal = new HashMap<>();
        for (YNode n : itemsNode.values()) {
            Item item = item(n, defaults, from, to);
            Loc at = n.loc();
            if (seen.containsKey(item.id())) {
                throw error(at, "条目编号“" + item.id() + "”重复（首次出现在第 " + seen.get(item.id()).line() + " 行）",
                        "duplicate item id '" + item.id() + "' (first at line " + seen.get(item.id()).line() + ")");
            }
            String norm = cn.evcheck.rules.ItemIds.normalize(item.id());
            if (seenNormal.containsKey(norm)) {
                throw error(at, "条目编号“" + item.id() + "”与“" + seenNormal.get(norm) + "”规范化后相同，无法区分文件夹",
                        "item id '" + item.id() + "' equals '" + seenNormal.get(norm) + "' after normalisation; folders could not tell them apart");
            }
            seen.put(item.id(), at);
            seenNormal.put(norm, item.id());
            items.add(item);
        }
        if (items.isEmpty()) {
            throw error(itemsNode.loc(), "items 不能为空", "items must not be empty");
        }
        return new RuleSet(id, title, src, from, to, defaults, items, sha, origin);
    }

    private Defaults defaults(YNode node) throws RuleException {
        PhotoDefaults photo = new PhotoDefaults(List.of("jpg", "jpeg"), 2_097_152L, 2_000_001L, 640);
        ReportDefaults report = new ReportDefaults(List.of("doc", "docx", "wps", "uof", "uot"), null, 0.2, 0.5);
        DocumentDefaults document = new DocumentDefaults(List.of("jpg", "jpeg", "pdf"), Map.of());
        int before = 7;
        int after = 7;
        if (node == null) return new Defaults(photo, report, document, before, after);
        Obj d = obj(node, "defaults", List.of("photo", "report", "document", "festival_window"));
        YNode p = d.opt("photo");
        if (p != null) {
            Obj o = obj(p, "defaults.photo", List.of("formats", "max_bytes", "near_limit_bytes", "min_long_side"));
            List<String> formats = o.has("formats") ? formats(o.required("formats", YList.class)) : photo.formats();
            long max = o.has("max_bytes") ? positiveLong(o.required("max_bytes", YScalar.class)) : photo.maxBytes();
            long near = o.has("near_limit_bytes") ? positiveLong(o.required("near_limit_bytes", YScalar.class)) : nearLimit(max);
            int minSide = o.has("min_long_side") ? (int) positiveLong(o.required("min_long_side", YScalar.class)) : 640;
            photo = new PhotoDefaults(formats, max, near, minSide);
        }
        YNode r = d.opt("report");
        if (r != null) {
            Obj o = obj(r, "defaults.report", List.of("formats", "words", "tolerance"));
            List<String> formats = o.has("formats") ? formats(o.required("formats", YList.class)) : report.formats();
            Integer words = o.has("words") ? (int) positiveLong(o.required("words", YScalar.class)) : null;
            double below = report.below();
            double above = report.above();
            if (o.has("tolerance")) {
                Obj t = obj(o.required("tolerance", YMap.class), "tolerance", List.of("below", "above"));
                if (t.has("below")) below = fraction(t.required("below", YScalar.class), true);
                if (t.has("above")) above = fraction(t.required("above", YScalar.class), false);
            }
            report = new ReportDefaults(formats, words, below, above);
        }
        YNode doc = d.opt("document");
        if (doc != null) {
            List<String> keys = new ArrayList<>(List.of("formats"));
            for (Kind k : DOCUMENT_KINDS) keys.add(k.key);
            Obj o = obj(doc, "defaults.document", keys);
            Map<Kind, DocRule> rules = new EnumMap<>(Kind.class);
            for (Kind k : DOCUMENT_KINDS) {
                if (!o.has(k.key)) continue;
                Obj kr = obj(o.required(k.key, YMap.class), "defaults.document." + k.key, List.of("proof", "number"));
                rules.put(k, docRule(kr, DocRule.seed000(k)));
            }
            document = new DocumentDefaults(o.has("formats") ? formats(o.required("formats", YList.class)) : document.formats(), rules);
        }
        YNode fw = d.opt("festival_window");
        if (fw != null) {
            Obj o = obj(fw, "festival_window", List.of("before", "after"));
            if (o.has("before")) before = (int) nonNegativeLong(o.required("before", YScalar.class));
            if (o.has("after")) after = (int) nonNegativeLong(o.required("after", YScalar.class));
        }
        return new Defaults(photo, report, document, before, after);
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
    private DocRule docRule(Obj o, DocRule base) throws RuleException {
        Proof proof = o.has("proof") ? proof(o.opt("proof")) : base.proof();
        boolean number = o.has("number") ? bool(o.required("number", YScalar.class)) : base.number();
        return new DocRule(proof, number);
    }

    private static final java.util.regex.Pattern ANY_OF = java.util.regex.Pattern.compile("(any_of|all_of)\\s*\\[(.*)]");

    /**
     * A proof: {@code red_header}, {@code [red_header, seal]} (all of them), {@code any_of [red_header, seal]}
     * (also as a mapping {@code {any_of: [...]}}), or {@code none}.
     */
    private Proof proof(YNode node) throws RuleException {
        if (node instanceof YMap) {
            Obj o = obj(node, "proof", List.of("any_of", "all_of"));
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
        for (YNode n : list.values()) {
            YScalar s = scalar(n);
            Sign sign = sign(s, str(s).strip());
            if (!signs.contains(sign)) signs.add(sign);
        }
        if (signs.isEmpty()) throw error(list.loc(), "proof 的列表为空", "the proof list is empty");
        return signs;
    }

    private Sign sign(YScalar at, String key) throws RuleException {
        for (Sign s : Sign.values()) if (s.key.equals(key)) return s;
        List<String> known = new ArrayList<>();
        for (Sign s : Sign.values()) known.add(s.key);
        known.add("none");
        throw error(at.loc(), "未知的 proof“" + key + "”，可用：" + String.join("、", known) + suggestion(key, known, true),
                "unknown proof '" + key + "'; known: " + String.join(", ", known) + suggestion(key, known, false));
    }

    private Item item(YNode node, Defaults defaults, LocalDate setFrom, LocalDate setTo) throws RuleException {
        Obj o = obj(node, "条目", ITEM_KEYS);
        String id = str(o.required("id", YScalar.class));
        if (id.isBlank()) throw error(node.loc(), "条目编号为空", "item id is empty");
        List<String> categories = o.has("categories") ? strings(o.required("categories", YList.class)) : List.of();
        if (new HashSet<>(categories).size() != categories.size()) {
            throw error(o.opt("categories").loc(), "categories 中有重复的类别", "categories has duplicates");
        }
        List<Integer> years = o.has("years") ? years(o.required("years", YList.class)) : List.of();
        LocalDate from = null;
        LocalDate to = null;
        if (o.has("period")) {
            // An item whose own period differs from the rule set's (a campaign year of its own).
            Obj period = obj(o.required("period", YMap.class), "period", List.of("from", "to"));
            from = period.has("from") ? date(period.required("from", YScalar.class)) : setFrom;
            to = period.has("to") ? date(period.required("to", YScalar.class)) : setTo;
            span(from, to, period.map.loc());
        }
        YList mats = o.required("materials", YList.class);
        List<Material> materials = new ArrayList<>();
        for (YNode m : mats.values()) materials.add(material(m, categories, years, defaults));
        if (materials.isEmpty()) throw error(mats.loc(), "materials 不能为空", "materials must not be empty");
        Item item = new Item(id, o.optString("part", ""), o.optString("indicator", ""), o.optString("standard", ""),
                o.optString("requirement", ""), o.stringOrList("leader"), o.stringOrList("lead_department"),
                o.stringOrList("responsible"), categories, years, materials, o.optString("note", ""), from, to);
        return item;
    }

    private Material material(YNode node, List<String> categories, List<Integer> itemYears, Defaults defaults) throws RuleException {
        Obj o = obj(node, "材料", MATERIAL_KEYS);
        YScalar kindNode = o.required("kind", YScalar.class);
        Kind kind = enumValue(kindNode, Kind.values(), k -> k.key, "kind");
        Each each = o.has("each") ? enumValue(o.required("each", YScalar.class), Each.values(),
                e -> e.name().toLowerCase(Locale.ROOT), "each") : Each.NONE;
        Integer words = o.has("words") ? (int) positiveLong(o.required("words", YScalar.class)) : null;
        if (words != null && kind != Kind.REPORT) {
            throw error(o.keyLoc("words"), "words 只适用于 kind: report", "words applies only to kind: report");
        }
        int min = o.has("min") ? (int) positiveLong(o.required("min", YScalar.class)) : 1;
        Per per = o.has("per") ? enumValue(o.required("per", YScalar.class), Per.values(), Per::key, "per") : Per.TOTAL;
        if (o.has("per") && kind != Kind.PHOTOS) {
            throw error(o.keyLoc("per"), "per 只适用于 kind: photos", "per applies only to kind: photos");
        }
        List<CaptionField> caption = new ArrayList<>();
        if (o.has("caption")) {
            if (kind != Kind.PHOTOS) throw error(o.keyLoc("caption"), "caption 只适用于 kind: photos", "caption applies only to kind: photos");
            for (YNode c : o.required("caption", YList.class).values()) {
                caption.add(enumValue(scalar(c), CaptionField.values(), CaptionField::key, "caption"));
            }
        }
        List<String> festivals = List.of();
        if (o.has("festivals")) {
            YList fl = o.required("festivals", YList.class);
            festivals = new ArrayList<>();
            for (YNode f : fl.values()) {
                YScalar s = scalar(f);
                String name = str(s);
                if (!FESTIVALS.contains(name)) {
                    throw error(s.loc(), "未知节日“" + name + "”，可用：" + String.join("、", FESTIVALS) + suggestion(name, FESTIVALS, true),
                            "unknown festival '" + name + "'; known: " + String.join(", ", FESTIVALS) + suggestion(name, FESTIVALS, false));
                }
                festivals.add(name);
            }
        }
        List<Integer> years = o.has("years") ? years(o.required("years", YList.class)) : List.of();
        if (per == Per.FESTIVAL) {
            if (festivals.isEmpty()) festivals = FESTIVALS;
            if (years.isEmpty() && itemYears.isEmpty()) {
                throw error(node.loc(), "per: festival 需要 years（材料或条目上）", "per: festival needs years (on the material or the item)");
            }
        } else if (!festivals.isEmpty()) {
            throw error(o.keyLoc("festivals"), "festivals 只能与 per: festival 一起使用", "festivals needs per: festival");
        }
        if (each == Each.YEAR && years.isEmpty() && itemYears.isEmpty()) {
            throw error(node.loc(), "each: year 需要 years（材料或条目上）", "each: year needs years (on the material or the item)");
        }
        List<Target> targets = new ArrayList<>();
        if (o.has("target")) {
            YNode t = o.opt("target");
            if (t instanceof YList l) {
                for (YNode x : l.values()) targets.add(target(x));
            } else {
                targets.add(target(t));
            }
        }
        DocRule rule = DOCUMENT_KINDS.contains(kind) ? defaults.document().rule(kind) : DocRule.seed000(kind);
        for (String key : List.of("proof", "number")) {
            if (o.has(key) && !DOCUMENT_KINDS.contains(kind)) {
                throw error(o.keyLoc(key), key + " 只适用于 formal_doc、dept_eval、data_table", key + " applies only to formal_doc, dept_eval, data_table");
            }
        }
        rule = docRule(o, rule);
        boolean marked = o.has("marked") && bool(o.required("marked", YScalar.class));
        if (o.has("marked") && kind != Kind.FORMAL_DOC) {
            throw error(o.keyLoc("marked"), "marked 只适用于 kind: formal_doc", "marked applies only to kind: formal_doc");
        }
        Material m = new Material(kind, each, words, min, per, caption, festivals, years, targets, rule.proof(), rule.number(),
                marked, o.optString("note", ""));
        return m;
    }

    private static final List<String> OPS = List.of(">=", ">", "<=", "<", "==", "improves", "decreases");

    private Target target(YNode node) throws RuleException {
        Obj o = obj(node, "target", List.of("metric", "op", "value", "unit"));
        String metric = str(o.required("metric", YScalar.class));
        YScalar opNode = o.required("op", YScalar.class);
        String op = str(opNode);
        if (!OPS.contains(op)) {
            throw error(opNode.loc(), "未知比较符“" + op + "”，可用：" + String.join(" ", OPS),
                    "unknown op '" + op + "'; known: " + String.join(" ", OPS));
        }
        Double value = null;
        if (o.has("value")) value = number(o.required("value", YScalar.class));
        if (value == null && !op.equals("improves") && !op.equals("decreases")) {
            throw error(node.loc(), "target 缺少 value", "target lacks value");
        }
        Target t = new Target(metric, op, value, o.optString("unit", ""));
        return t;
    }
}
