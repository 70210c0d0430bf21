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

    /** The caption field vocabulary of PRODUCT.md §4. */
    public enum CaptionField {
        TIME("时间", "time"), PLACE("地点", "place"), ORGANIZER("主办单位", "organizer"), THEME("主题", "theme"),
        VENUE("场所名称", "venue"), UNIT("单位名称", "unit"), PROJECT("项目名称", "project"),
        CONTENT("服务内容", "content"), BENEFICIARY("服务对象", "beneficiary");

        public final String zh;
        public final String en;

        CaptionField(String zh, String en) {
            this.zh = zh;
            this.en = en;
        }

        public String key() { return name().toLowerCase(Locale.ROOT); }
        public String label(boolean english) { return english ? en : zh; }
    }

    /**
     * A numeric target; {@code op} is one of >=, >, <=, <, ==, or improves / decreases (持续提升 /
     * 持续下降 against the previous value; {@code value} null).
     */
    public record Target(String metric, String op, Double value, String unit) {}

    public record Material(Kind kind, Each each, Integer words, int min, Per per,
                           List<CaptionField> caption, List<String> festivals, List<Integer> years,
                           List<Target> targets, String note) {
        public Material {
            caption = List.copyOf(caption);
            festivals = List.copyOf(festivals);
            years = List.copyOf(years);
            targets = List.copyOf(targets);
        }
    }

    public record Item(String id, String part, String indicator, String standard, String requirement,
                       List<String> leaders, List<String> leadDepartments, List<String> responsible,
                       List<String> categories, List<Integer> years, List<Material> materials, String note) {
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

    public record DocumentDefaults(List<String> formats) {
        public DocumentDefaults {
            formats = List.copyOf(formats);
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

        public Item item(String itemId) {
            return items.stream().filter(i -> i.id().equals(itemId)).findFirst().orElse(null);
        }
    }
}
