package cn.evcheck.draft;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The phrase patterns of a 网上申报具体要求 sentence: each constant reads one thing and is tested on
 * its own ({@code PhraseTest}, cases in {@code phrases.txt}). {@link RequirementParser} applies them;
 * none of them names a seed's own words (an activity, an office, a year), only the grammar every
 * responsibility list shares.
 */
public enum Phrase {
    // ---- material kinds and their synonyms (longest first within each) ----
    KIND_REPORT("说明报告|情况说明|文字说明|书面说明|书面报告|工作报告|总结报告|工作总结|专题报告|(?<=每个|每份|每篇)报告"),
    KIND_PHOTOS("图片资料|实景图片|现场照片|现场图片|活动照片|工作照片|影像资料|照片|图片|截图|截屏"),
    KIND_FORMAL_DOC("相关正式发文|正式发文|规范性文件|规范文件|相关文件|红头文件|制度文件|政策文件|正式文件"),
    KIND_DEPT_EVAL("部门评价|主管部门评价"),
    KIND_DATA_TABLE("统计表格|数据表格|统计报表|统计表|数据表"),
    /** "省级文明办征求省级主管部门意见、作出评价", "征求市级法院意见、作出评价": an evaluation whatever the brackets call it. */
    DEPT_EVAL_PROCEDURE("征求[^。；;]{0,16}意见[^。；;]{0,8}作出评价"),

    // ---- 字数 ----
    /** "400字左右", "每个说明报告300字左右", "每个300字左右". */
    WORDS_ABOUT("(每个|每份|每篇)?(?:说明报告|报告)?\\s*(\\d+)\\s*字左右"),
    /** "不少于500字", "500字以上": a floor, which the rule file can only write as an approximate target. */
    WORDS_AT_LEAST("(?:不少于|不低于|至少|不得少于)\\s*(\\d+)\\s*字|(\\d+)\\s*字以上"),
    /** "不超过1000字", "1000字以内". */
    WORDS_AT_MOST("(?:不超过|不多于|不得超过)\\s*(\\d+)\\s*字|(\\d+)\\s*字以内"),

    // ---- photo counts and periods (read within one count clause) ----
    /** "不少于2张", "至少3张", "1张", "两幅": the count of a count clause. */
    PHOTO_COUNT("(不少于|至少|不低于|不得少于)?\\s*(\\d+|[一二两三四五六七八九十]+)\\s*(?:张|幅)"),
    PER_FESTIVAL("每(?:个)?(?:传统)?节日|每节"),
    PER_TWO_MONTHS("每(?:两|2|二)个?月"),
    PER_MONTH("每(?:个)?月"),
    PER_QUARTER("每(?:个)?季度?"),
    PER_HALF_YEAR("每半年"),
    PER_WEEK("每(?:周|星期)"),
    PER_YEAR("每(?:一)?年"),
    PER_TOTAL("共|合计|总计|累计"),
    /** "每类", "每类场所", "每种", "每个类别": one set per category. */
    EACH_CATEGORY("每(?:一)?(?:类|种|个类别|项活动)"),
    /** "分别提供说明报告", "每个说明报告", "每个300字": one report each. */
    EACH_REPORT("分别提供(?:说明报告|报告)|(?:每个|每份|每篇)(?:说明报告|报告)?\\s*\\d+\\s*字"),
    /** "分别说明区委党校、行政学院…的课程安排": one each of the things the sentence goes on to list. */
    SEVERALLY("^分别(?:说明|提供|列举|简述|介绍)"),
    /** "（不少于3种）", "至少3项": a number of different things, one report each. */
    AT_LEAST_KINDS("(?:不少于|至少)\\s*(\\d+|[一二两三四五六七八九十]+)\\s*(?:种|项|类|个方面)"),

    // ---- caption fields ----
    /** "每张图片需注明活动时间、活动地点、主办单位、活动主题". */
    CAPTION("注明([^。；;）)\\n]{1,80})"),

    // ---- years ----
    /** "2018年、2019年、2020年", "2018、2019、2020年", "2018—2020年", "2018年至2020年". */
    YEAR_LIST("((?:19|20)\\d{2})\\s*年?\\s*(?:(?:[、，,和及]\\s*(?:19|20)\\d{2}\\s*年?)+|(?:至|到|—|－|-|~|～)\\s*(?:19|20)\\d{2}\\s*年)"),
    /** "2018年以来", "2018年来", "2018年起", "自2018年". */
    SINCE_YEAR("((?:19|20)\\d{2})\\s*年(?:以来|来|起|至今)"),
    /** Any one year named ("2019年"): the period only. */
    ONE_YEAR("((?:19|20)\\d{2})\\s*年"),

    // ---- festivals, categories, marking ----
    FESTIVAL("春节|元宵节|清明节|端午节|七夕节|中秋节|重阳节"),
    /** "关爱空巢老人、留守儿童、困境儿童…等": an enumeration, 2 to 12 characters a token. */
    ENUMERATION("[\\p{IsHan}A-Za-z0-9“”\"]{1,16}(?:、[\\p{IsHan}A-Za-z0-9“”\"]{1,16})+"),
    /** "健康教育等志愿服务": a single named category followed by 等. */
    ONE_CATEGORY_ETC("([\\p{IsHan}]{2,12})等"),
    /** 相关正式发文 / "在文件中作出标注": the relevant work marked in a deployment document. */
    MARKED("相关正式发文|作出标注|进行标注|标注出"),
    /** "注：…", "备注：…": where a requirement states its thresholds. */
    NOTE("(?:注|备注|说明)\\s*[：:]\\s*(.+)");

    public final Pattern pattern;

    Phrase(String regex) {
        this.pattern = Pattern.compile(regex);
    }

    public Matcher in(CharSequence s) {
        return pattern.matcher(s);
    }

    public boolean found(CharSequence s) {
        return pattern.matcher(s).find();
    }

    /** Every match's start, in order. */
    public List<int[]> spans(CharSequence s) {
        List<int[]> out = new ArrayList<>();
        Matcher m = in(s);
        while (m.find()) out.add(new int[]{m.start(), m.end()});
        return out;
    }

    /** Arabic or Chinese numerals up to 99 ("3", "三", "两", "十二"); -1 when neither. */
    public static int number(String s) {
        if (s == null || s.isBlank()) return -1;
        s = s.strip();
        if (s.chars().allMatch(Character::isDigit)) {
            try {
                return Integer.parseInt(s);
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        String digits = "零一二三四五六七八九";
        int n = 0;
        int cur = -1;
        for (char c : s.toCharArray()) {
            int d = c == '两' ? 2 : digits.indexOf(c);
            if (d >= 0) {
                cur = d;
            } else if (c == '十') {
                n += (cur < 0 ? 1 : cur) * 10;
                cur = -1;
            } else {
                return -1;
            }
        }
        return n + Math.max(cur, 0);
    }
}
