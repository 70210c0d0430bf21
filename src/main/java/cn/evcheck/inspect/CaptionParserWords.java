package cn.evcheck.inspect;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Word-level helpers of {@link CaptionParser} for captions written as clerks write them: the organiser as a
 * caption's heading or title ({@code 【区卫健委】…}, {@code 区卫健委：…}, {@code 市第一人民医院“世界肾脏日”义诊}), volunteers named
 * in prose ({@code 志愿者张晓梅为…}), the people served after 为/给/向, credits and people-in-picture notes that say
 * nothing about the activity, and two-digit years ({@code 19年3月5日}). Every pattern is bounded and linear.
 */
final class CaptionParserWords {
    private CaptionParserWords() {}

    /**
     * Tails that name an organisation on their own, without a verb to show it acts (committees, hospitals, schools):
     * a heading made of one of these is its organiser, where 街道, 村, 站 could as well be a place.
     */
    private static final String STRONG_TAIL = "(?:委员会|卫健委|卫计委|委|卫生院|医院|保健院|中心|社区|居委会|村委会|服务队|志愿队|协会|学会|"
            + "红十字会|血站|办事处|党支部|支部|党委|总支|政府|局|办|馆|小学|中学|大学|学院|派出所|大队|公司|集团|妇联|团委|工会|文明办)";
    private static final Pattern STRONG_ORG = Pattern.compile("^[\\p{IsHan}A-Za-z0-9()（）·]{1,24}" + STRONG_TAIL + "$");
    /** Where a title's leading organisation may end: just after a strong tail. */
    private static final Pattern STRONG_TAIL_AT = Pattern.compile(STRONG_TAIL);
    /** Words that start an action, never an organisation's name. */
    private static final Pattern VERB_START = Pattern.compile("^(?:清|扫|发|开展|举|组织|走|慰|看|为|给|向|在|于|参|学|宣|到|进|送|帮|陪|义|免费|深入|关爱|助|图为)");

    /** Whether a whole clause names an organisation (a heading such as 【区卫健委】 or 区卫健委：). */
    static boolean isOrganisation(String clause) {
        return clause.length() >= 3 && clause.length() <= 30 && STRONG_ORG.matcher(clause).matches()
                && !VERB_START.matcher(clause).find();
    }

    /**
     * The organisation a title starts with: 市第一人民医院“世界肾脏日”大型义诊活动 → 市第一人民医院; the longest such lead that
     * leaves at least two characters of title after it. Null when the clause does not start so.
     */
    static String leadingOrganisation(String clause) {
        if (clause.length() > 60 || VERB_START.matcher(clause).find()) return null;
        Matcher m = STRONG_TAIL_AT.matcher(clause);
        String best = null;
        while (m.find()) {
            if (m.end() < 3 || clause.length() - m.end() < 2) continue;
            String lead = clause.substring(0, m.end());
            if (isOrganisation(lead)) best = lead;
        }
        return best;
    }

    /** Common surnames (a resource: the font subset of the tests reads .java sources and need not carry them). */
    private static final String SURNAMES = surnames();

    private static String surnames() {
        try (var in = CaptionParserWords.class.getResourceAsStream("CaptionParserSurnames.txt")) {
            if (in == null) throw new IllegalStateException("CaptionParserSurnames.txt missing from the class path");
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).findFirst().orElseThrow().strip();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
    /** A volunteer named in prose after the role that introduces him or her: 志愿者张晓梅为…, 党员李建国同志走访…. */
    private static final Pattern NAMED_PERSON = Pattern.compile("(?:志愿者|党员|网格员|教师|老师|医生|护士|民警|辅警|社工|队员|楼长|村医|"
            + "爱心人士|干部|书记|主任|院长|同志)([" + SURNAMES + "][\\p{IsHan}]{1,2}?)"
            + "(?=同志|先生|女士|老师|医生|护士|[、，,（(和与及等\\s]|为|给|在|于|到|来到|走进|深入|上门|走访|看望|慰问|探望|义务|正在|带领|帮|陪|耐心|认真|$)"
            // 王丽娟（右一）为居民…: a name marked with where the person stands in the picture.
            + "|(?<![\\p{IsHan}])([" + SURNAMES + "][\\p{IsHan}]{1,2})[（(](?:左|右|中|前排|后排)[一二三四五六七八九十\\d]{0,2}[）)]");

    /** Names listed before the role they share: 张晓梅、李娜等志愿者…. */
    private static final Pattern NAMES_THEN_ROLE = Pattern.compile("(?<![\\p{IsHan}])([" + SURNAMES + "][\\p{IsHan}]{1,2})"
            + "(?=、[" + SURNAMES + "]|等(?:志愿者|党员|同志|医生|医护人员|医务人员|工作人员|人))");

    /** The first volunteer named in prose, or null. */
    static String namedPerson(String clause) {
        Matcher m = NAMED_PERSON.matcher(clause);
        if (m.find()) return m.group(1) != null ? m.group(1) : m.group(2);
        Matcher n = NAMES_THEN_ROLE.matcher(clause);
        return n.find() ? n.group(1) : null;
    }

    /** A day named by month and day with a middle dot, 3·5 or 5·12 (学雷锋日, 护士节), never a decimal. */
    private static final Pattern DOTTED_DAY = Pattern.compile("(?<![0-9.·•・])(1[0-2]|[1-9])[·•・](3[01]|[12][0-9]|[1-9])(?![0-9.·•・])");

    /** The 3·5-style day in a caption, or null. */
    static String dottedDay(String text) {
        Matcher m = DOTTED_DAY.matcher(text);
        return m.find() ? m.group() : null;
    }

    /** The people served, introduced by 为/给/向/陪 or a visiting verb: 为旅客提供…, 向辖区敬老院捐赠…, 慰问困难党员. */
    private static final Pattern RECIPIENT = Pattern.compile("(?:为|给|向|陪|帮助|慰问|看望|探望|引导|指导|接待)[^，,。；;\\s为给向]{0,10}?"
            + "(旅客|乘客|行人|考生|员工|读者|孩子|小朋友|学员|党员|干部|敬老院|福利院|住户|家属|病友|伤员|来访者|办事群众|"
            + "官兵|军属|烈属|老兵|学子|外来务工人员|快递员|外卖员|司机)(?!志愿者|代表|干部)");

    /** The people named as served after 为/给/向/陪, or null. */
    static String recipient(String clause) {
        Matcher m = RECIPIENT.matcher(clause);
        return m.find() ? m.group(1) : null;
    }

    /** Photo credits and who-is-who notes: 摄影：张明, 照片由…提供, （张明 摄）, 左一为区卫健委主任. */
    private static final Pattern PHOTO_META = Pattern.compile(
            "(?:摄影|摄像|供图|图片来源|来源|通讯员|记者)\\s*[:：]\\s*[^，,。；;\\s]{0,20}|(?:照片|图片|图)由[^，,。；;\\s]{0,30}?(?:提供|拍摄|摄)"
                    + "|[（(][^（()）]{0,20}(?:摄|供图)[）)]|(?<![\\p{IsHan}])[" + SURNAMES + "][\\p{IsHan}]{1,2}\\s?摄(?![\\p{IsHan}])"
                    + "|(?<![\\p{IsHan}])(?:(?:第[一二三四五六七八九十\\d]{1,2}排|前排|后排|中排)[左右]?|[左右])[一二三四五六七八九十\\d]{0,2}起?为[^，,。；;\\s]{0,30}");

    /** The text with its photo credits and who-is-who notes blanked out. */
    static String withoutPhotoMeta(String text) {
        return PHOTO_META.matcher(text).replaceAll(" ");
    }

    /** Places too vague to name where the photo was taken (深入社区, 走进基层). */
    private static final Set<String> VAGUE_PLACES = Set.of("社区", "基层", "一线", "农村", "乡村", "小区", "村", "校园", "企业", "街道",
            "现场", "辖区", "各社区", "村里", "田间地头", "群众中");

    /** 各村, 全区, 本村, 结对帮扶村: a kind of place, not one place. */
    private static final Pattern VAGUE_START = Pattern.compile("^(?:各|全|本|该|附近|周边|结对|帮扶|贫困)");

    static boolean vaguePlace(String place) {
        return VAGUE_PLACES.contains(place) || VAGUE_START.matcher(place).find();
    }

    /** A date with a two-digit year (19年3月5日), which the year-aware date finder leaves alone. */
    private static final Pattern SHORT_YEAR = Pattern.compile("(?<![0-9])(\\d{2})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*[日号]");

    static Dates.Found shortYearDate(String text) {
        Matcher m = SHORT_YEAR.matcher(text);
        while (m.find()) {
            try {
                return new Dates.Found(java.time.LocalDate.of(2000 + Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3))), true, m.start(), m.end());
            } catch (java.time.DateTimeException e) {
                // not a date; look further
            }
        }
        return null;
    }
}
