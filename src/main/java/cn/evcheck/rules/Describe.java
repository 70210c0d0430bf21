package cn.evcheck.rules;

import cn.evcheck.rules.Model.*;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Short human descriptions of what a material requires, in Chinese or English. */
public final class Describe {
    private Describe() {}

    public static String material(Material m, Item item, boolean en) {
        StringBuilder s = new StringBuilder(m.kind().label(en));
        List<Integer> years = item.yearsFor(m);
        switch (m.kind()) {
            case REPORT -> {
                if (m.words() != null) s.append(en ? ", about " + m.words() + " characters" : "，" + m.words() + "字左右");
                if (m.each() == Each.YEAR) s.append(en ? ", one per year (" + years.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", ")) + ")" : "，每年一份（" + join(years) + "）");
                if (m.each() == Each.CATEGORY) s.append(en ? ", one per category" : "，每类一份")
                        .append(item.categories().isEmpty() ? "" : (en ? " (" : "（") + String.join(en ? ", " : "、", item.categories()) + (en ? ")" : "）"));
                if (m.min() > 1) s.append(en ? ", at least " + m.min() : "，至少" + m.min() + "份");
            }
            case PHOTOS -> {
                String each = m.each() == Each.CATEGORY ? (en ? "each category " : "每类") : "";
                String per = switch (m.per()) {
                    case TOTAL -> en ? "in total" : "共";
                    case MONTH -> en ? "per month" : "每月";
                    case TWO_MONTHS -> en ? "every two months" : "每两月";
                    case YEAR -> en ? "per year" : "每年";
                    case FESTIVAL -> en ? "per festival per year" : "每年每个节日";
                };
                s.append(en ? ", " + each + "at least " + m.min() + " " + per : "，" + each + per + "至少" + m.min() + "张");
                if (m.per() == Per.FESTIVAL) s.append(en ? " (" + m.festivals().stream().map(f -> cn.evcheck.util.PeriodText.festival(f, true))
                                .collect(java.util.stream.Collectors.joining(", ")) + "; "
                        + years.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", ")) + ")"
                        : "（" + String.join("、", m.festivals()) + "；" + join(years) + "）");
                if (!m.caption().isEmpty()) {
                    s.append(en ? ", captions stating " : "，需注明");
                    s.append(String.join(en ? ", " : "、", m.caption().stream().map(c -> c.label(en)).toList()));
                }
            }
            default -> {
                String proof = proof(m, en);
                if (!proof.isEmpty()) s.append(en ? " (" + proof + ")" : "（" + proof + "）");
                if (m.min() > 1) s.append(en ? ", at least " + m.min() : "，至少" + m.min() + "份");
                if (!m.targets().isEmpty()) {
                    s.append(en ? ", target " : "，指标：");
                    s.append(String.join(en ? " or " : " 或 ", m.targets().stream().map(Describe::target).toList()));
                }
            }
        }
        return s.toString();
    }

    /**
     * What each document must show: "红头页，须有文号", "红头页和盖章页", "红头页或盖章页", "盖章",
     * and "相关工作须在文件中标注" for a marked 相关正式发文; "" where nothing is asked.
     */
    public static String proof(Material m, boolean en) {
        List<String> parts = new java.util.ArrayList<>();
        Proof p = m.proof();
        if (p.signs().size() == 1 && p.signs().get(0) == Sign.SEAL) {
            parts.add(en ? "stamped with a seal" : "加盖公章");
        } else if (!p.none()) {
            parts.add(String.join(en ? (p.anyOf() ? " or " : " and ") : (p.anyOf() ? "或" : "和"),
                    p.signs().stream().map(x -> en ? x.en : x.zh).toList()));
        }
        if (m.number()) parts.add(en ? "with its document number" : "须有文号");
        if (m.marked()) parts.add(en ? "the relevant work marked in it" : "相关工作须在文件中标注");
        return String.join(en ? ", " : "，", parts);
    }

    /** A note that begins by calling itself one ("备注：…"): the reader's own label says it. */
    private static final Pattern NOTE_LABEL = Pattern.compile("^\\s*备注\\s*[：:]\\s*");

    /**
     * The rule set's notes on an item, for the clerk: the item's own, then each material's,
     * labelled with its material ("图片资料：…"; with the whole description where the item asks
     * for two materials of one kind). Empty when the rule set has none.
     */
    public static List<String> notes(Item item, boolean en) {
        List<String> out = new ArrayList<>();
        String own = clean(item.note());
        if (!own.isEmpty()) out.add(own);
        for (Material m : item.materials()) {
            String n = clean(m.note());
            if (n.isEmpty()) continue;
            boolean alone = item.materials().stream().filter(x -> x.kind() == m.kind()).count() == 1;
            out.add((alone ? m.kind().label(en) : material(m, item, en)) + (en ? ": " : "：") + n);
        }
        return out;
    }

    /** {@link #notes} on one line ("" when none), for the reports. */
    public static String note(Item item, boolean en) {
        return String.join(en ? "; " : "；", notes(item, en));
    }

    private static String clean(String note) {
        return note == null ? "" : NOTE_LABEL.matcher(note).replaceFirst("").strip();
    }

    public static String target(Target t) {
        if (t.op().equals("improves")) return t.metric() + " 持续提升";
        if (t.op().equals("decreases")) return t.metric() + " 持续下降";
        String v = t.value() == Math.rint(t.value()) ? String.valueOf(t.value().longValue()) : String.valueOf(t.value());
        return t.metric() + " " + t.op() + " " + v + (t.unit() == null ? "" : t.unit());
    }

    private static String join(List<Integer> years) {
        return String.join("、", years.stream().map(String::valueOf).toList());
    }
}
