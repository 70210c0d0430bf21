package cn.evcheck.draft;

import cn.evcheck.rules.Model.Target;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numeric targets ("≥13%", "不低于90%", "＜20%", "≤18/10万或持续降低", "逐年下降") read from a 目标值
 * cell or a sentence. Alternatives joined by 或 become a list, any one of which satisfies. Pure.
 */
public final class TargetParser {
    private TargetParser() {}

    /** What was read, and what of it was inferred (a bare "100%" read as at least 100%). */
    public record Result(List<Target> targets, List<String> doubts) {}

    static final String NUM = "(\\d+(?:\\.\\d+)?)";
    /** Comparison words and signs, longest first. */
    static final Pattern OP = Pattern.compile(
            "(≥|>=|＞=|大于或等于|大于等于|不低于|不少于|不小于|达到|≤|<=|＜=|小于或等于|小于等于|不高于|不超过|不大于|不多于|＞|>|大于|高于|超过|＜|<|小于|低于|＝|=|等于)\\s*"
                    + NUM + "\\s*(%|％|‰|/10万|/万|[\\p{IsHan}]{1,3}(?=$|[或，,；;。、）)\\s]))?");
    static final Pattern BARE = Pattern.compile("^\\s*" + NUM + "\\s*(%|％|‰)\\s*$");
    static final Pattern RISE = Pattern.compile("持续提升|持续提高|持续改善|持续增长|逐年提高|逐年提升|逐年增长|逐年上升|稳步提升|逐步提高");
    static final Pattern FALL = Pattern.compile("逐年下降|逐年降低|逐年减少|持续降低|持续下降|持续减少|呈下降趋势|逐步下降|逐步降低");

    /** The targets of a 目标值 cell for an indicator named {@code metric}. */
    public static Result cell(String metric, String text) {
        List<Target> out = new ArrayList<>();
        List<String> doubts = new ArrayList<>();
        if (text == null || text.isBlank()) return new Result(out, doubts);
        for (String alt : text.strip().split("或")) {
            Matcher m = OP.matcher(alt);
            if (m.find()) {
                out.add(target(metric, m));
                continue;
            }
            Matcher b = BARE.matcher(alt);
            if (b.find()) {
                out.add(new Target(metric, ">=", Double.parseDouble(b.group(1)), unit(b.group(2))));
                doubts.add("目标值只写了“" + alt.strip() + "”，按“不低于”处理");
                continue;
            }
            if (RISE.matcher(alt).find()) out.add(new Target(metric, "improves", null, ""));
            else if (FALL.matcher(alt).find()) out.add(new Target(metric, "decreases", null, ""));
        }
        return new Result(out, doubts);
    }

    /**
     * Targets stated inside a sentence ("每千名常住人口公共卫生人员数≥0.83人", "≥95%的社区卫生服务机构纳入…"):
     * the metric is the words before the sign in its clause, else the words after it.
     */
    public static List<Target> sentence(String text) {
        List<Target> out = new ArrayList<>();
        if (text == null) return out;
        for (String clause : text.split("[，,；;。\\n]|或")) {
            String c = clause.replaceFirst("^\\s*\\d+[)）、.]\\s*", "").strip();
            Matcher m = OP.matcher(c);
            if (m.find()) {
                String metric = c.substring(0, m.start()).strip();
                if (metric.isEmpty()) metric = c.substring(m.end()).replaceFirst("^的", "").strip();
                metric = metric.replaceFirst("^(?:注|备注)\\s*[：:]", "").replaceFirst("^(?:统计|提供|说明)(?:本区|本市|全区|全市)?", "").replaceAll("[（(][^）)]*[）)]$", "").strip();
                if (!metric.isEmpty()) out.add(target(metric, m));
            } else if (RISE.matcher(c).find() || FALL.matcher(c).find()) {
                Matcher t = (RISE.matcher(c).find() ? RISE : FALL).matcher(c);
                t.find();
                String metric = c.substring(0, t.start()).replaceFirst("^(?:实现)?", "").strip();
                if (!metric.isEmpty()) out.add(new Target(metric, RISE.matcher(c).find() ? "improves" : "decreases", null, ""));
            }
        }
        return out;
    }

    private static Target target(String metric, Matcher m) {
        return new Target(metric, op(m.group(1)), Double.parseDouble(m.group(2)), unit(m.group(3)));
    }

    static String op(String word) {
        return switch (word) {
            case "≥", ">=", "＞=", "大于或等于", "大于等于", "不低于", "不少于", "不小于", "达到" -> ">=";
            case "≤", "<=", "＜=", "小于或等于", "小于等于", "不高于", "不超过", "不大于", "不多于" -> "<=";
            case "＞", ">", "大于", "高于", "超过" -> ">";
            case "＜", "<", "小于", "低于" -> "<";
            default -> "==";
        };
    }

    private static String unit(String u) {
        if (u == null) return "";
        return u.equals("％") ? "%" : u;
    }
}
