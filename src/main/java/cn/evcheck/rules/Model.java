package cn.evcheck.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/** The immutable rule-set model (PRODUCT.md §4). Every list is unmodifiable. */
public final class Model {
    private Model() {}

    /** The traditional festivals of "我们的节日", in calendar order. */
    public static final List<String> FESTIVALS = List.of("春节", "元宵节", "清明节", "端午节", "七夕节", "中秋节", "重阳节");

    /** A material kind: what the upload system calls 图片资料, 说明报告 … */
    public enum Kind {
        REPORT("report", "说明报告", "report"),
        PHOTOS("photos", "图片资料", "photos"),
        FORMAL_DOC("formal_doc", "正式发文", "formal document"),
        DEPT_EVAL("dept_eval", "部门评价", "department evaluation"),
        DATA_TABLE("data_table", "数据表格", "data table");

        public final String key;
        public final String zh;
        public final String en;

        Kind(String key, String zh, String en) {
            this.key = key;
            this.zh = zh;
            this.en = en;
        }

        public String label(boolean english) { return english ? en : zh; }
    }

    public enum Each { NONE, CATEGORY, YEAR }

    /** How often photos are due. */
    public enum Per {
        TOTAL("合计", "in total"), MONTH("每月", "per month"), TWO_MONTHS("每两月", "every two months"),
        YEAR("每年", "per year"), FESTIVAL("每个节日", "per festival");

        public final String zh;
        public final String en;

        Per(String zh, String en) {
            this.zh = zh;
            this.en = en;
        }

        public String key() { return name().toLowerCase(Locale.ROOT); }
    }

    /**
     * The caption field vocabulary of PRODUCT.md §4, each with the labels a caption may write it under
     * (longest first where one contains another): what the caption parser reads, and what a rule file
     * that names a field in Chinese ({@code caption: [服务对象]}) is told to write instead.
     */
    public enum CaptionField {
        TIME("时间", "time", "活动时间", "拍摄时间", "服务时间", "时间", "日期"),
        PLACE("地点", "place", "活动地点", "服务地点", "拍摄地点", "活动地址", "地点", "地址"),
        ORGANIZER("主办单位", "organizer", "主办单位", "承办单位", "组织单位", "主办方", "主办"),
        THEME("主题", "theme", "活动主题", "活动名称", "主题"),
        VENUE("场所名称", "venue", "所在场所位置", "场所名称", "场所位置", "站点名称", "场所", "位置"),
        UNIT("单位名称", "unit", "开展志愿服务的单位名称或个人姓名", "开展志愿服务的单位名称", "志愿服务单位", "服务单位", "单位名称或个人姓名",
                "单位名称", "开展志愿服务的个人", "志愿者姓名", "个人姓名", "志愿者", "单位"),
        PROJECT("项目名称", "project", "志愿服务项目名称", "志愿服务项目", "项目名称", "项目"),
        CONTENT("服务内容", "content", "服务内容", "关爱内容", "活动内容", "内容"),
        BENEFICIARY("服务对象", "beneficiary", "服务对象", "关爱对象", "受助对象", "对象");

        public final String zh;
        public final String en;
        /** The labels a caption writes the field under. */
        public final List<String> labels;

        CaptionField(String zh, String en, String... labels) {
            this.zh = zh;
            this.en = en;
            this.labels = List.of(labels);
        }

        public String key() { return name().toLowerCase(Locale.ROOT); }
        public String label(boolean english) { return english ? en : zh; }
    }

    /**
     * A numeric target; {@code op} is one of >=, >, <=, <, ==, or improves / decreases (持续提升 /
     * 持续下降 against the previous value; {@code value} null).
     */
    public record Target(String metric, String op, Double value, String unit) {}

    /** What a document must show to prove itself (PRODUCT.md §4 {@code proof:}). */
    public enum Sign {
        RED_HEADER("red_header", "红头页", "red-header page"), SEAL("seal", "盖章页", "seal page");

        public final String key;
        public final String zh;
        public final String en;

        Sign(String key, String zh, String en) {
            this.key = key;
            this.zh = zh;
            this.en = en;
        }
    }

    /**
     * The signs a document of a material must show: all of them, or any one ({@code anyOf}); none
     * for a material that needs no proof ({@code proof: none}).
     */
    public record Proof(List<Sign> signs, boolean anyOf) {
        public static final Proof NONE = new Proof(List.of(), false);

        public Proof {
            signs = List.copyOf(signs);
        }

        public static Proof all(Sign... signs) {
            return new Proof(List.of(signs), false);
        }

        public boolean none() {
            return signs.isEmpty();
        }

        /** Whether a document showing these signs is proven. */
        public boolean met(boolean redHeader, boolean seal) {
            if (signs.isEmpty()) return true;
            boolean any = false;
            boolean all = true;
            for (Sign s : signs) {
                boolean has = s == Sign.RED_HEADER ? redHeader : seal;
                any |= has;
                all &= has;
            }
            return anyOf ? any : all;
        }

        /** Whether the sign is required on its own (all-of); in an any-of proof no single sign is. */
        public boolean requires(Sign s) {
            return !anyOf && signs.contains(s);
        }

        public boolean mentions(Sign s) {
            return signs.contains(s);
        }

        /** As the rule file writes it: red_header, [red_header, seal], any_of [red_header, seal], none. */
        public String key() {
            if (signs.isEmpty()) return "none";
            String list = signs.stream().map(s -> s.key).reduce((a, b) -> a + ", " + b).orElse("");
            if (anyOf) return "any_of [" + list + "]";
            return signs.size() == 1 ? list : "[" + list + "]";
        }
    }

    /**
     * How a document kind is judged: the signs it must show, whether a 文号 is required. Seed 000's
     * defaults: 正式发文 red-header page with 文号; 部门评价 red-header page and seal page; 数据表格 a seal.
     */
    public record DocRule(Proof proof, boolean number) {
        public static DocRule seed000(Kind kind) {
            return switch (kind) {
                case FORMAL_DOC -> new DocRule(Proof.all(Sign.RED_HEADER), true);
                case DEPT_EVAL -> new DocRule(Proof.all(Sign.RED_HEADER, Sign.SEAL), false);
                case DATA_TABLE -> new DocRule(Proof.all(Sign.SEAL), false);
                default -> new DocRule(Proof.NONE, false);
            };
        }
    }

    /**
     * A required material. {@code proof} and {@code number} (文号 required) apply to the document
     * kinds and are resolved at load time from the material, the rule set's defaults and seed 000;
     * {@code marked}: a 相关正式发文 whose relevant passage must be marked.
     */
    public record Material(Kind kind, Each each, Integer words, int min, Per per,
                           List<CaptionField> caption, List<String> festivals, List<Integer> years,
                           List<Target> targets, Proof proof, boolean number, boolean marked, String note) {
        public Material {
            caption = List.copyOf(caption);
            festivals = List.copyOf(festivals);
            years = List.copyOf(years);
            targets = List.copyOf(targets);
        }
    }

    public record Item(String id, String part, String indicator, String standard, String requirement,
                       List<String> leaders, List<String> leadDepartments, List<String> responsible,
                       List<String> categories, List<Integer> years, List<Material> materials, String note,
                       LocalDate from, LocalDate to) {
        public Item {
            leaders = List.copyOf(leaders);
            leadDepartments = List.copyOf(leadDepartments);
            responsible = List.copyOf(responsible);
            categories = List.copyOf(categories);
            years = List.copyOf(years);
            materials = List.copyOf(materials);
        }

        public boolean requires(Kind kind) {
            return materials.stream().anyMatch(m -> m.kind() == kind);
        }

        /** Years for a material: its own list, else the item's. */
        public List<Integer> yearsFor(Material m) {
            return m.years().isEmpty() ? years : m.years();
        }
    }

    public record PhotoDefaults(List<String> formats, long maxBytes, long nearLimitBytes, int minLongSide) {
        public PhotoDefaults {
            formats = List.copyOf(formats);
        }
    }

    public record ReportDefaults(List<String> formats, Integer words, double below, double above) {
        public ReportDefaults {
            formats = List.copyOf(formats);
        }
    }

    /** Document formats, and how each document kind is judged where a material does not say. */
    public record DocumentDefaults(List<String> formats, java.util.Map<Kind, DocRule> rules) {
        public DocumentDefaults {
            formats = List.copyOf(formats);
            rules = java.util.Map.copyOf(rules);
        }

        public DocRule rule(Kind kind) {
            return rules.getOrDefault(kind, DocRule.seed000(kind));
        }
    }

    public record Defaults(PhotoDefaults photo, ReportDefaults report, DocumentDefaults document,
                           int festivalBefore, int festivalAfter) {}

    /**
     * A loaded rule set. {@code sha256} is of the exact bytes loaded; {@code origin} is the file
     * path or {@code builtin:ID}.
     */
    public record RuleSet(String id, String title, String source, LocalDate from, LocalDate to,
                          Defaults defaults, List<Item> items, String sha256, String origin) {
        public RuleSet {
            items = List.copyOf(items);
        }

        /** Where an item's period starts: its own {@code period}, else the rule set's. */
        public LocalDate from(Item item) {
            return item != null && item.from() != null ? item.from() : from;
        }

        /** Where an item's period ends: its own {@code period}, else the rule set's. */
        public LocalDate to(Item item) {
            return item != null && item.to() != null ? item.to() : to;
        }

        public Item item(String itemId) {
            return items.stream().filter(i -> i.id().equals(itemId)).findFirst().orElse(null);
        }
    }
}
