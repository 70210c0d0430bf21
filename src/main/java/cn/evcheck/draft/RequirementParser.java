package cn.evcheck.draft;

import cn.evcheck.rules.Model;
import cn.evcheck.rules.Model.CaptionField;
import cn.evcheck.rules.Model.Each;
import cn.evcheck.rules.Model.Kind;
import cn.evcheck.rules.Model.Per;
import cn.evcheck.rules.Model.Target;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;

/**
 * One 网上申报具体要求 sentence → the materials it asks for, applying the {@link Phrase} table. Each
 * attribute goes to the material its phrase is about: 字数 to the report, 张 counts, periods and
 * caption fields to the photos, thresholds to the data table — so the order in which a list writes
 * them does not matter. What it infers rather than reads is recorded as a doubt. Pure and thread-safe.
 */
public final class RequirementParser {
    private RequirementParser() {}

    /** What one requirement asks for. */
    public static final class Parsed {
        public final List<Draft.Material> materials = new ArrayList<>();
        public final List<String> categories = new ArrayList<>();
        /** Years listed ("分别提供2018年、2019年、2020年"). */
        public final List<Integer> years = new ArrayList<>();
        /** Every year the sentence names, and "2018年以来". */
        public final TreeSet<Integer> yearsNamed = new TreeSet<>();
        public final Draft.Doubts doubts = new Draft.Doubts();
        /** False when no material kind could be told: the item carries its text and a doubt. */
        public boolean understood = true;

        public Draft.Material get(Kind kind) {
            return materials.stream().filter(m -> m.kind == kind).findFirst().orElse(null);
        }
    }

    private static final String DELIMS = "，,；;。（()）\n";
    /** Words that end the context before an enumeration's first item ("本区开展|关爱空巢老人、…"). */
    private static final String[] LEAD_STOPS = {"以来", "年来", "有关部门", "开展", "围绕", "参加", "组织", "推进", "提供", "说明",
            "本区", "本市", "全区", "全市", "本县", "各类", "包括", "例如", "如", "在", "对", "把", "将", "向", "为", "的", "和"};
    /** Words that start the context after an enumeration's last item ("贫困户|等志愿服务活动"). */
    private static final String[] TAIL_STOPS = {"等", "中开展", "开展", "中的", "的", "活动", "工作", "方面", "情况", "领域", "牵头", "实施",
            "参加", "参与", "组织"};

    public static Parsed parse(String requirement, String hint, String standard) {
        Parsed p = new Parsed();
        String text = stripNumber(requirement == null ? "" : requirement);
        String all = hint == null || hint.isBlank() ? text : text + "；" + hint.strip();
        String std = standard == null ? "" : standard;

        // 1. kinds, in the order the sentence first names them
        Map<Kind, Integer> firstAt = new LinkedHashMap<>();
        Phrase[] kindPhrases = {Phrase.KIND_REPORT, Phrase.KIND_PHOTOS, Phrase.KIND_FORMAL_DOC, Phrase.KIND_DEPT_EVAL, Phrase.KIND_DATA_TABLE};
        Kind[] kinds = {Kind.REPORT, Kind.PHOTOS, Kind.FORMAL_DOC, Kind.DEPT_EVAL, Kind.DATA_TABLE};
        List<int[]> mentions = new ArrayList<>();
        for (int k = 0; k < kinds.length; k++) {
            for (int[] s : kindPhrases[k].spans(all)) {
                mentions.add(new int[]{s[0], k});
            }
        }
        mentions.sort((a, b) -> a[0] - b[0]);
        for (int[] m : mentions) firstAt.putIfAbsent(kinds[m[1]], m[0]);
        for (Kind k : firstAt.keySet()) p.materials.add(new Draft.Material(k));
        if (Phrase.DEPT_EVAL_PROCEDURE.found(all)) {
            Draft.Material formal = p.get(Kind.FORMAL_DOC);
            if (formal != null) p.materials.remove(formal);
            Draft.Material eval = material(p, Kind.DEPT_EVAL, null);
            if (formal != null) eval.doubts.add("kind", "清单括注为正式发文/规范文件，但要求是征求主管部门（单位）意见后作出的评价，按部门评价处理");
        }

        // 2. 字数
        boolean reportEach = Phrase.EACH_REPORT.found(all);
        Matcher w = Phrase.WORDS_ABOUT.in(all);
        if (w.find()) {
            Draft.Material r = material(p, Kind.REPORT, "清单只写了字数，未写材料类型，按说明报告处理");
            r.words = Integer.parseInt(w.group(2));
            reportEach |= w.group(1) != null;
        } else {
            Matcher least = Phrase.WORDS_AT_LEAST.in(all);
            Matcher most = Phrase.WORDS_AT_MOST.in(all);
            if (least.find()) {
                Draft.Material r = material(p, Kind.REPORT, "清单只写了字数，未写材料类型，按说明报告处理");
                r.words = Integer.parseInt(least.group(1) != null ? least.group(1) : least.group(2));
                r.doubts.add("words", "清单写的是“" + least.group().strip() + "”（下限），words 按“" + r.words + "字左右”及容差核对");
            } else if (most.find()) {
                Draft.Material r = material(p, Kind.REPORT, "清单只写了字数，未写材料类型，按说明报告处理");
                r.words = Integer.parseInt(most.group(1) != null ? most.group(1) : most.group(2));
                r.doubts.add("words", "清单写的是“" + most.group().strip() + "”（上限），words 按“" + r.words + "字左右”及容差核对");
            }
        }
        Draft.Material report = p.get(Kind.REPORT);
        if (report != null && report.words == null) report.doubts.add("words", "清单未写明字数");

        // 3. caption fields
        List<int[]> excluded = new ArrayList<>();
        Matcher c = Phrase.CAPTION.in(all);
        while (c.find()) {
            excluded.add(new int[]{c.start(), c.end()});
            Draft.Material photos = material(p, Kind.PHOTOS, "清单只写了图片说明要求，未写材料类型，按图片资料处理");
            List<String> unknown = new ArrayList<>();
            for (String label : c.group(1).split("[、，,]|以及|及|和")) {
                String l = label.strip().replaceFirst("等$", "").replaceFirst("^(?:图片的|照片的)", "");
                if (l.isEmpty()) continue;
                CaptionField f = captionField(l);
                if (f == null) unknown.add(l);
                else if (!photos.caption.contains(f)) photos.caption.add(f);
            }
            if (!unknown.isEmpty()) photos.doubts.add("caption", "未能对应的注明项：" + String.join("、", unknown));
        }

        // 4. photo counts and periods
        Matcher n = Phrase.PHOTO_COUNT.in(all);
        boolean counted = false;
        while (n.find()) {
            int from = n.start();
            while (from > 0 && DELIMS.indexOf(all.charAt(from - 1)) < 0) from--;
            String clause = all.substring(from, n.end());
            Draft.Material photos = material(p, Kind.PHOTOS, "清单只写了张数，未写材料类型，按图片资料处理");
            if (counted) {
                photos.doubts.add("min", "另有数量要求“" + clause.strip() + "”未纳入");
                continue;
            }
            counted = true;
            count(photos, clause, Phrase.number(n.group(2)));
        }
        Draft.Material photos = p.get(Kind.PHOTOS);
        if (photos != null && !counted) {
            photos.min = 1;
            photos.per = Per.TOTAL;
            photos.doubts.add("min", "清单未规定张数，按至少1张");
        }

        // 5. years
        Matcher y = Phrase.YEAR_LIST.in(all);
        int firstListAt = -1;
        while (y.find()) {
            excluded.add(new int[]{y.start(), y.end()});
            if (insideTitle(all, y.start())) continue;
            List<Integer> listed = years(y.group());
            if (p.years.isEmpty()) {
                p.years.addAll(listed);
                firstListAt = y.start();
            }
        }
        Matcher since = Phrase.SINCE_YEAR.in(all);
        while (since.find()) if (!insideTitle(all, since.start())) p.yearsNamed.add(Integer.parseInt(since.group(1)));
        Matcher one = Phrase.ONE_YEAR.in(all);
        while (one.find()) if (!insideTitle(all, one.start())) p.yearsNamed.add(Integer.parseInt(one.group(1)));
        p.yearsNamed.removeIf(x -> !plausible(x));
        p.yearsNamed.addAll(p.years);

        // 6. "不少于3种": that many different reports (or photo sets), not one per listed thing
        Matcher kindsAtLeast = Phrase.AT_LEAST_KINDS.in(all);
        boolean atLeastKinds = false;
        if (kindsAtLeast.find() && report != null) {
            report.min = Phrase.number(kindsAtLeast.group(1));
            atLeastKinds = true;
        }

        // 7. categories named in the sentence
        List<String> named = categories(all, excluded);

        // "分别说明 A、B、C 的…（说明报告）": one report each of the listed things, though no 每个 says so
        boolean severally = report != null && !reportEach && !atLeastKinds && Phrase.SEVERALLY.found(text) && named.size() >= 2;
        if (severally) {
            reportEach = true;
            report.doubts.add("each", "清单写“分别…”并列出" + named.size() + "项，推定每项一份说明报告");
        }

        // 8. one report each: per year where the years are listed before the report is named, else per category
        if (report != null && reportEach && !atLeastKinds) {
            Integer reportAt = firstAt.get(Kind.REPORT);
            if (p.years.size() >= 2 && firstListAt >= 0 && reportAt != null && firstListAt < reportAt) {
                report.each = Each.YEAR;
            } else {
                report.each = Each.CATEGORY;
                if (named.isEmpty()) report.doubts.add("each", "“每个/分别”未列出类别，按单位所建分类逐类核对");
            }
        }
        boolean byCategory = p.materials.stream().anyMatch(m -> m.each == Each.CATEGORY);
        if (byCategory) {
            p.categories.addAll(named);
            if (named.stream().anyMatch(t -> t.length() > 8)) p.doubts.add("categories", "类别名称的首尾由句子推定，请核对");
            if (named.isEmpty()) {
                List<String> fromStandard = categories(std, List.of());
                String hintText = fromStandard.isEmpty() ? "" : "；测评标准列有：" + String.join("、", fromStandard);
                p.doubts.add("categories", "清单未列出类别，按单位所建分类文件夹逐类核对" + hintText);
            }
        }

        // 9. festivals
        if (photos != null && photos.per == Per.FESTIVAL) {
            List<String> fest = festivals(all);
            if (fest.isEmpty()) {
                fest = festivals(std);
                photos.doubts.add("festivals", fest.isEmpty() ? "清单未列出节日，按全部七个传统节日" : "节日取自测评标准");
                if (fest.isEmpty()) fest = Model.FESTIVALS;
            }
            photos.festivals.addAll(fest);
            photos.years.addAll(p.years);
        }

        // 10. documents: one at least; 相关正式发文 marked
        for (Draft.Material m : p.materials) {
            if (m.kind == Kind.FORMAL_DOC || m.kind == Kind.DEPT_EVAL || m.kind == Kind.DATA_TABLE) m.min = 1;
        }
        Draft.Material formal = p.get(Kind.FORMAL_DOC);
        if (formal != null && Phrase.MARKED.found(all)) formal.marked = true;

        // 11. thresholds of a data table
        Draft.Material table = p.get(Kind.DATA_TABLE);
        if (table != null) {
            Matcher note = Phrase.NOTE.in(all);
            List<Target> ts = note.find() ? TargetParser.sentence(note.group(1)) : TargetParser.sentence(all);
            if (!ts.isEmpty()) {
                table.targets.addAll(ts);
                table.doubts.add("target", "指标名称与比较方式由句中推定，请核对");
            } else {
                for (Target t : TargetParser.sentence(std)) {
                    if (overlaps(t.metric(), all)) table.targets.add(t);
                }
                if (!table.targets.isEmpty()) table.doubts.add("target", "目标值取自测评标准");
            }
        }

        // 12. nothing recognised: still an item, with its text and a doubt
        if (p.materials.isEmpty()) {
            p.understood = false;
            Draft.Material r = new Draft.Material(Kind.REPORT);
            r.doubts.add("kind", "未能识别材料类型，暂按说明报告，请按原文改写");
            p.materials.add(r);
        }
        return p;
    }

    /** Count, period and per-category of the first photo count clause. */
    static void count(Draft.Material photos, String clause, int n) {
        int min = Math.max(n, 1);
        Per per = Per.TOTAL;
        if (Phrase.PER_FESTIVAL.found(clause)) per = Per.FESTIVAL;
        else if (Phrase.PER_TWO_MONTHS.found(clause)) per = Per.TWO_MONTHS;
        else if (Phrase.PER_MONTH.found(clause)) per = Per.MONTH;
        else if (Phrase.PER_QUARTER.found(clause)) {
            per = Per.YEAR;
            min = 4 * min;
            photos.doubts.add("per", "清单要求“每季度" + n + "张”，规则集不能按季度计数，按每年" + min + "张");
        } else if (Phrase.PER_HALF_YEAR.found(clause)) {
            per = Per.YEAR;
            min = 2 * min;
            photos.doubts.add("per", "清单要求“每半年" + n + "张”，规则集不能按半年计数，按每年" + min + "张");
        } else if (Phrase.PER_WEEK.found(clause)) {
            per = Per.MONTH;
            min = 4 * min;
            photos.doubts.add("per", "清单要求“每周" + n + "张”，规则集不能按周计数，按每月" + min + "张");
        } else if (Phrase.PER_YEAR.found(clause)) per = Per.YEAR;
        photos.min = min;
        photos.per = per;
        if (n <= 0) photos.doubts.add("min", "未能读出张数：“" + clause.strip() + "”");
        if (Phrase.EACH_CATEGORY.found(clause)) photos.each = Each.CATEGORY;
    }

    private static Draft.Material material(Parsed p, Kind kind, String whyInferred) {
        Draft.Material m = p.get(kind);
        if (m == null) {
            m = new Draft.Material(kind);
            if (whyInferred != null) m.doubts.add("kind", whyInferred);
            p.materials.add(m);
        }
        return m;
    }

    /** A caption label: a field's own label, else the longest label inside it. */
    static CaptionField captionField(String label) {
        for (CaptionField f : CaptionField.values()) if (f.labels.contains(label)) return f;
        CaptionField best = null;
        int len = 0;
        for (CaptionField f : CaptionField.values()) {
            for (String l : f.labels) {
                if (label.contains(l) && l.length() > len) {
                    best = f;
                    len = l.length();
                }
            }
        }
        return best;
    }

    /** The years of a year list, a range expanded. */
    static List<Integer> years(String list) {
        List<Integer> out = new ArrayList<>();
        Matcher m = java.util.regex.Pattern.compile("(?:19|20)\\d{2}").matcher(list);
        while (m.find()) out.add(Integer.parseInt(m.group()));
        out.removeIf(y -> !plausible(y));
        if (out.size() == 2 && list.matches(".*\\d\\s*年?\\s*(?:至|到|—|－|-|~|～).*") && out.get(1) > out.get(0) && out.get(1) - out.get(0) <= 20) {
            int a = out.get(0);
            int b = out.get(1);
            out.clear();
            for (int i = a; i <= b; i++) out.add(i);
        }
        return out;
    }

    /** A year a rule set may name (the loader takes 1990–2100). */
    static boolean plausible(int year) {
        return year >= 1990 && year <= 2100;
    }

    static List<String> festivals(String s) {
        List<String> out = new ArrayList<>();
        for (String f : Model.FESTIVALS) if (s.contains(f)) out.add(f);
        return out;
    }

    /**
     * The first enumeration of the sentence that is not a caption list, a year list, a festival list
     * or a title in 《》, its first and last items cut from the words around them; else a single
     * "X等". Empty when there is none.
     */
    static List<String> categories(String s, List<int[]> excluded) {
        Matcher e = Phrase.ENUMERATION.in(s);
        int from = 0;
        while (from < s.length() && e.find(from)) {
            from = e.end();
            int past = -1;
            for (int[] x : excluded) if (e.start() < x[1] && x[0] < e.end()) past = Math.max(past, x[1]);
            if (past >= 0) {
                from = Math.max(past, e.start() + 1);   // what follows a year list may still be an enumeration
                continue;
            }
            if (insideTitle(s, e.start())) continue;
            String[] tokens = e.group().split("、");
            List<String> out = new ArrayList<>();
            for (int i = 0; i < tokens.length; i++) {
                String t = tokens[i];
                if (i == 0) t = afterLead(t);
                if (i == tokens.length - 1) t = beforeTail(t);
                t = t.replaceAll("[“”\"]", "").strip();
                if (!t.isEmpty() && !out.contains(t)) out.add(t);
            }
            if (out.size() < 2) continue;
            if (out.stream().allMatch(t -> Model.FESTIVALS.contains(t) || t.matches("\\d+年?"))) continue;
            return out;
        }
        Matcher one = Phrase.ONE_CATEGORY_ETC.in(s);
        while (one.find()) {
            if (overlapsAny(one.start(), one.end(), excluded) || insideTitle(s, one.start())) continue;
            String t = afterLead(one.group(1));
            if (t.length() >= 2) return List.of(t);
        }
        return List.of();
    }

    private static String afterLead(String t) {
        int cut = -1;
        for (String stop : LEAD_STOPS) {
            int i = t.lastIndexOf(stop);
            if (i >= 0 && i + stop.length() < t.length()) cut = Math.max(cut, i + stop.length());
        }
        String out = cut >= 0 ? t.substring(cut) : t;
        return out.replaceFirst("^\\d+", "");
    }

    private static String beforeTail(String t) {
        int cut = t.length();
        for (String stop : TAIL_STOPS) {
            int i = t.indexOf(stop);
            if (i > 0) cut = Math.min(cut, i);
        }
        return t.substring(0, cut);
    }

    private static boolean insideTitle(String s, int at) {
        int open = s.lastIndexOf('《', at);
        return open >= 0 && s.indexOf('》', open) > at;
    }

    private static boolean overlapsAny(int start, int end, List<int[]> spans) {
        for (int[] x : spans) if (start < x[1] && x[0] < end) return true;
        return false;
    }

    /** Whether a metric and a sentence share a run of six characters (or the whole of a shorter metric). */
    static boolean overlaps(String metric, String sentence) {
        int need = Math.min(6, metric.length());
        for (int i = 0; i + need <= metric.length(); i++) {
            if (sentence.contains(metric.substring(i, i + need))) return true;
        }
        return false;
    }

    /** The requirement without its own number (①, 1., （1）). */
    static String stripNumber(String s) {
        return s.strip().replaceFirst("^(?:[\\u2460-\\u2473\\u2474-\\u2487\\u2488-\\u249B\\u2776-\\u277F]|\\(?（?\\d{1,2}[)）.、．])\\s*", "");
    }
}
