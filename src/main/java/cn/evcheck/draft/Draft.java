package cn.evcheck.draft;

import cn.evcheck.rules.Model.CaptionField;
import cn.evcheck.rules.Model.Each;
import cn.evcheck.rules.Model.Kind;
import cn.evcheck.rules.Model.Per;
import cn.evcheck.rules.Model.Target;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A draft rule set as the importer builds it: the rule model's fields, still mutable, each field that
 * was inferred rather than read carrying a doubt (what the rule author must confirm, in Chinese: it
 * becomes a {@code # 待确认:} comment on that field's line). Not thread-safe; one import builds one.
 */
public final class Draft {
    private Draft() {}

    /** Doubts keyed by the YAML key they annotate, in the order they were raised. */
    public static final class Doubts {
        private final Map<String, List<String>> byKey = new LinkedHashMap<>();

        public void add(String key, String reason) {
            List<String> l = byKey.computeIfAbsent(key, k -> new ArrayList<>());
            if (!l.contains(reason)) l.add(reason);
        }

        public String on(String key) {
            List<String> l = byKey.get(key);
            return l == null ? null : String.join("；", l);
        }

        public boolean has(String key) {
            return byKey.containsKey(key);
        }

        public int size() {
            return byKey.size();
        }

        public Map<String, List<String>> all() {
            return byKey;
        }
    }

    public static final class Material {
        public final Kind kind;
        public Each each = Each.NONE;
        public Integer words;
        public Integer min;
        public Per per;
        public final List<CaptionField> caption = new ArrayList<>();
        public final List<String> festivals = new ArrayList<>();
        public final List<Integer> years = new ArrayList<>();
        public final List<Target> targets = new ArrayList<>();
        public boolean marked;
        public String note = "";
        public final Doubts doubts = new Doubts();

        public Material(Kind kind) {
            this.kind = kind;
        }
    }

    public static final class Item {
        public String id;
        public String part = "";
        public String indicator = "";
        public String standard = "";
        public String requirement = "";
        public final List<String> leaders = new ArrayList<>();
        public final List<String> leadDepartments = new ArrayList<>();
        public final List<String> responsible = new ArrayList<>();
        public final List<String> categories = new ArrayList<>();
        public final List<Integer> years = new ArrayList<>();
        public String note = "";
        public final List<Material> materials = new ArrayList<>();
        public final Doubts doubts = new Doubts();

        /** Fields and materials that need a person: a count for the summary. */
        public int doubtCount() {
            int n = doubts.size();
            for (Material m : materials) n += m.doubts.size();
            return n;
        }
    }

    /** A whole draft: the rule set's head and its items. */
    public static final class RuleSet {
        public String id;
        public String title = "";
        public String source = "";
        public int fromYear;
        public int toYear;
        public Integer reportWords;
        public final Doubts doubts = new Doubts();
        public final List<Item> items = new ArrayList<>();

        public int materials() {
            return items.stream().mapToInt(i -> i.materials.size()).sum();
        }

        /** Items with at least one doubt. */
        public int itemsInDoubt() {
            return (int) items.stream().filter(i -> i.doubtCount() > 0).count();
        }

        public int doubtLines() {
            return doubts.size() + items.stream().mapToInt(Item::doubtCount).sum();
        }
    }
}
