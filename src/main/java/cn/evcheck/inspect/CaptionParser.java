package cn.evcheck.inspect;

import cn.evcheck.rules.Model.CaptionField;

import java.text.Normalizer;
import java.util.*;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the fields of a photo caption ({@code reference/photos.md}), in labelled form
 * ({@code 时间：… 地点：…}, full- or half-width colons, one or several per line) and in the
 * usual sentence form ({@code 2019年3月5日，XX医院在XX广场开展…活动}). Pure and thread-safe.
 */
public final class CaptionParser {
    private CaptionParser() {}

    /** The fields found, with the text that gave each, and the caption's date if any. */
    public record Parsed(Map<CaptionField, String> fields, Dates.Found date) {
        /** Read-only: one caption's reading is shared by the photos that carry it. */
        public Parsed {
            fields = java.util.Collections.unmodifiableMap(fields);
        }

        public boolean has(CaptionField f) {
            return fields.containsKey(f);
        }
    }

    /** Labels per field, longest first within the alternation so 活动时间 wins over 时间. */
    private static final LinkedHashMap<String, CaptionField> LABELS = new LinkedHashMap<>();

    static {
        for (CaptionField f : CaptionField.values()) {
            for (String l : f.labels) LABELS.put(l, f);
        }
    }

    private static final Pattern LABELLED;

    static {
        List<String> all = new ArrayList<>(LABELS.keySet());
        all.sort((a, b) -> b.length() - a.length());
        LABELLED = Pattern.compile("(" + String.join("|", all) + ")\\s*[:：]");
    }

    /** Words naming the people served; not when they are part of a place name (市民广场, 老年人活动中心). */
    private static final Pattern BENEFICIARY_WORDS = Pattern.compile(
            "(?<!组织|带领|全院|全体|机关|本院|召集|动员|干部)(老人|老年人|长者|儿童|留守|困境|残疾|残障|贫困户|困难户|困难家庭|特殊家庭|计生家庭|失独家庭|低保户|五保户|特困|孤寡|独居|空巢|"
                    + "群众|居民|村民|患者|病人|学生|孕产妇|妇女|职工|市民|游客|献血者|环卫工人|农民工|退役军人|青少年|幼儿|新生儿|服务对象)"
                    + "(?!广场|中心|公园|之家|活动中心|活动室|服务中心|大学|委员会|体育|日|节|运动会|大会|代表|比赛)");
    /** A project named in prose: “…”项目, …志愿服务项目. */
    private static final Pattern PROJECT_WORDS = Pattern.compile("[\\p{IsHan}”\"』」]{2,40}项目(?!名称)");

    /** The organiser and its organisations: a noun phrase ending in one of these. */
    private static final String ORG_TAIL = "(?:委员会|卫健委|卫计委|委|卫生院|医院|保健院|中心|社区|居委会|村委会|服务队|志愿队|突击队|分队|"
            + "协会|学会|红十字会|血站|办事处|街道|党支部|支部|党委|总支|站|所|局|办|院|队|会|村|学校|小学|中学|大学|幼儿园|馆|政府|公司|集团|部|科|处|团|联|社)";
    private static final Pattern ORG = Pattern.compile("^[\\p{IsHan}A-Za-z0-9“”\"()（）·]{1,30}" + ORG_TAIL + "$");
    /** What ends the subject of a clause: a place or time preposition, a verb, or the people sent. */
    private static final Pattern SUBJECT_END = Pattern.compile(
            "(在|于|组织|开展|举办|举行|联合|携手|走访|深入|前往|来到|走进|为|到|积极|主办|承办|协办|召开|进行|发起|慰问|看望|探望|"
                    + "党员|志愿者|医护人员|医务人员|工作人员|专家|医生|干部|青年|全体|上门|实施|启动|邀请|带领|派出|召集|继续|持续|再次|"
                    + "利用|依托|结合|围绕|针对|积极|通过|把|将|向|给|和|与|及|带队)");
    /** An organisation followed by the people it sent: 青口中心卫生院家庭医生团队, 区卫健委党员志愿者. */
    private static final Pattern ORG_STAFF = Pattern.compile("^(.{2,30}?" + ORG_TAIL + ")的?[\\p{IsHan}]{0,8}"
            + "(?:团队|医生|医护人员|医务人员|志愿者|党员|干部|职工|工作人员|专家|护士|青年|服务队|小分队|领导|负责人|院长|主任|书记|"
            + "民警|教师|老师|采血车|医疗队|宣讲团)(?:一行|们|等)?$");
    /** 主办单位为X / 主办方是X written as prose. */
    private static final Pattern ORG_IS = Pattern.compile("(?:主办|承办|组织)(?:单位|方)?(?:为|是)([^，,。；;\\s]{2,30})");
    /** 在区文明办的组织下: the organiser of a clause led by someone else's action. */
    private static final Pattern ORG_UNDER = Pattern.compile("在([^，,。；;\\s在]{2,30}?)的(?:组织|带领|号召|倡议|指导|统一部署|支持)下");
    /** 在/于/深入… a place, then a verb or the end of the clause. */
    private static final Pattern PLACE_PHRASE = Pattern.compile(
            "(?:在|于|深入|走进|来到|前往|赴|到)\\s*([^在于\\s]{2,24}?)(?=开展|举办|举行|组织|进行|召开|为|参加|参与|学习|慰问|看望|走访|设立|设置|设点|集中|督导|检查|调研|指导|考察|视察|$)");
    private static final String PLACE_TAIL = "(?:广场|公园|室|厅|馆|院|校|小学|中学|大学|幼儿园|门前|门口|站|中心|社区|村|街道|路|街|操场|楼|园|市场|超市|"
            + "车站|家中|镇|乡|基地|礼堂|会场|场|点|处|所|口|大厦|小区|病房|诊室|车间|工地|景区|码头|路口|屋|驿站|食堂)";
    /** The last characters of the place tails: a cheap test before {@link #PLACE_LIKE} backtracks over a stretch. */
    private static final String PLACE_TAIL_LAST = Arrays.stream(PLACE_TAIL.substring(3, PLACE_TAIL.length() - 1).split("\\|"))
            .map(t -> t.substring(t.length() - 1)).distinct().reduce("", String::concat);
    private static final Pattern PLACE_LIKE = Pattern.compile("^[\\p{IsHan}A-Za-z0-9]{0,24}" + PLACE_TAIL + "$");
    /** 在/于… a place noun followed by any verb (在滨河公园植树): the longest place-like stretch after the preposition. */
    private static final Pattern PLACE_PREP = Pattern.compile("(?<!正|现|存|所|实|自|好|内|外)(?:在|于|深入|走进|来到|前往|赴)\\s*");
    /** A clause that is nothing but a place noun, as in “（2019年3月5日，青口镇文化广场，区卫健委主办）”. */
    private static final Pattern BARE_PLACE = Pattern.compile(
            "^(?:[\\p{IsHan}A-Za-z0-9]{1,20}(?:广场|公园|活动室|大厅|门前|门口|操场|卫生室|服务站|敬老院|养老院|福利院|小学|中学|幼儿园|礼堂|会场|小区|病房)"
                    + "|敬老院|养老院|福利院|光荣院)$");
    private static final Pattern GROUP_PHOTO = Pattern.compile("(?:合影|合照)(?:留念)?$");
    /** Verbs of going somewhere: a clause with one (服务进小区) is no bare place noun. */
    private static final Pattern MOVING = Pattern.compile("进|到|深入|来到|前往|服务");
    /** Month and day without a year (3月5日, 三月五日); the year may stand elsewhere in the caption. */
    private static final Pattern MONTH_DAY = Pattern.compile(
            "(?<![0-9年./\\-])(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*[日号]|(?<![〇零一二三四五六七八九○年])([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})[日号]");
    private static final Pattern YEAR = Pattern.compile("(?<![0-9])((?:19|20)\\d{2})\\s*年");
    /** Words that describe a photo rather than an activity: 活动现场, 合影留念, 工作照. */
    private static final Pattern GENERIC = Pattern.compile("(活动|现场|照片|图片|合影|留念|工作照|剪影|掠影|花絮|摄影|拍摄|志愿者|工作人员|"
            + "本次|该|此|结束后|开始前|期间|当天|时间|日期|地点|会场|一角|气氛|氛围|热烈|场面|全体|人员|大家|举行|举办|进行|召开|开展|的|了|于|为|是|在|"
            + "第[一二三四五六七八九十\\d]+[张幅页])");
    /** Clauses end at punctuation, brackets, spaces, and the colons, dashes and bars that set off a heading. */
    private static final Pattern CLAUSE_SPLIT = Pattern.compile("[，,。；;！!？?（）()【】\\[\\]|丨:：—―\\n\\r\\t]+|\\s{1,}");
    /** The time of day (上午, 下午3时), which is part of the time and no theme. */
    private static final Pattern TIME_OF_DAY = Pattern.compile("(?:上午|下午|晚上|中午|早上|傍晚)?\\d{1,2}\\s*[时点](?:\\d{1,2}分)?|上午|下午|晚上|中午|早上|傍晚");

    public static Parsed parse(String caption) {
        Map<CaptionField, String> fields = new EnumMap<>(CaptionField.class);
        if (caption == null || caption.isBlank()) return new Parsed(fields, null);
        String text = Normalizer.normalize(caption, Normalizer.Form.NFKC).replace('\u00A0', ' ').strip();
        Dates.Found date = Dates.find(text);

        Matcher m = LABELLED.matcher(text);
        List<int[]> spans = new ArrayList<>();
        List<CaptionField> order = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[]{m.start(), m.end()});
            order.add(LABELS.get(m.group(1)));
        }
        StringBuilder after = new StringBuilder();
        for (int i = 0; i < spans.size(); i++) {
            int from = spans.get(i)[1];
            int to = i + 1 < spans.size() ? spans.get(i + 1)[0] : text.length();
            // 湖滨社区（地点：社区服务中心二楼）开展…: a label inside brackets ends with them, and the prose goes on.
            int start = spans.get(i)[0];
            if (start > 0 && "(（".indexOf(text.charAt(start - 1)) >= 0) {
                int close = indexOfAny(text, ")）", from, to);
                if (close >= 0) {
                    after.append('，').append(text, close + 1, to);
                    to = close;
                }
            }
            String value = trim(text.substring(from, to), "", " \t\n\r;；,，。、|").strip();
            if (!value.isEmpty()) fields.putIfAbsent(order.get(i), value);
        }
        String rest = spans.isEmpty() ? text : text.substring(0, spans.get(0)[0]) + after;
        if (date == null) date = CaptionParserWords.shortYearDate(text);
        if (date == null) date = monthDay(text);
        Dates.Found restDate = date != null && date.end() <= rest.length() ? date : null;
        sentence(rest, restDate, fields);
        if (date != null) fields.putIfAbsent(CaptionField.TIME, text.substring(date.start(), date.end()));
        Matcher md = MONTH_DAY.matcher(text);
        if (md.find()) fields.putIfAbsent(CaptionField.TIME, md.group());
        String dotDay = CaptionParserWords.dottedDay(text);
        if (dotDay != null) fields.putIfAbsent(CaptionField.TIME, dotDay);
        // Related requirements answered by the same statement.
        if (fields.containsKey(CaptionField.ORGANIZER)) fields.putIfAbsent(CaptionField.UNIT, fields.get(CaptionField.ORGANIZER));
        if (fields.containsKey(CaptionField.PLACE)) fields.putIfAbsent(CaptionField.VENUE, fields.get(CaptionField.PLACE));
        if (fields.containsKey(CaptionField.VENUE)) fields.putIfAbsent(CaptionField.PLACE, fields.get(CaptionField.VENUE));
        if (fields.containsKey(CaptionField.PROJECT)) fields.putIfAbsent(CaptionField.THEME, fields.get(CaptionField.PROJECT));
        if (fields.containsKey(CaptionField.THEME)) fields.putIfAbsent(CaptionField.CONTENT, fields.get(CaptionField.THEME));
        if (fields.containsKey(CaptionField.CONTENT)) fields.putIfAbsent(CaptionField.THEME, fields.get(CaptionField.CONTENT));
        // 服务内容：为空巢老人测量血压 names the people served as well.
        for (CaptionField f : List.of(CaptionField.CONTENT, CaptionField.THEME)) {
            String v = fields.get(f);
            Matcher b = v == null ? null : BENEFICIARY_WORDS.matcher(v);
            if (b != null && b.find()) fields.putIfAbsent(CaptionField.BENEFICIARY, b.group(1));
        }
        return new Parsed(fields, date);
    }

    /** The text without any of {@code lead} at its start and {@code trail} at its end (a loop: regex {@code [x]+$} is quadratic). */
    private static String trim(String s, String lead, String trail) {
        int from = 0, to = s.length();
        while (from < to && lead.indexOf(s.charAt(from)) >= 0) from++;
        while (to > from && trail.indexOf(s.charAt(to - 1)) >= 0) to--;
        return s.substring(from, to);
    }

    private static int indexOfAny(String s, String chars, int from, int to) {
        for (int i = from; i < to; i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) return i;
        }
        return -1;
    }

    /** An organisation's name of three characters or more (乡村医生 is no 乡村 sending its doctor). */
    private static boolean isOrg(String s) {
        return s.length() >= 3 && ORG.matcher(s).matches();
    }

    /** A heading or title's organisation that is a name and not a phrase with a verb or the people sent. */
    private static boolean isHeadingOrg(String s) {
        return s != null && CaptionParserWords.isOrganisation(s) && !SUBJECT_END.matcher(s).find() && !BARE_PLACE.matcher(s).matches();
    }

    /** 3月5日 with the year written elsewhere (2019年学雷锋活动月，3月5日…); null without a year or a valid day. */
    private static Dates.Found monthDay(String text) {
        Matcher md = MONTH_DAY.matcher(text);
        Matcher y = YEAR.matcher(text);
        if (!md.find() || !y.find()) return null;
        try {
            int mo = md.group(1) != null ? Integer.parseInt(md.group(1)) : hanNumber(md.group(3));
            int d = md.group(2) != null ? Integer.parseInt(md.group(2)) : hanNumber(md.group(4));
            return new Dates.Found(java.time.LocalDate.of(Integer.parseInt(y.group(1)), mo, d), true, md.start(), md.end());
        } catch (java.time.DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static int hanNumber(String s) {
        String digits = "〇一二三四五六七八九";
        int ten = s.indexOf('十');
        if (ten < 0) return digits.indexOf(s.charAt(0));
        int hi = ten == 0 ? 1 : digits.indexOf(s.charAt(0));
        int lo = ten == s.length() - 1 ? 0 : digits.indexOf(s.charAt(s.length() - 1));
        return hi * 10 + lo;
    }

    /**
     * Prose form, clause by clause: the organiser as the subject (区卫健委在…开展, 由X主办的…, X主办, X举办/组织…),
     * the place after 在/于/深入 or as a bare place noun, beneficiaries by the words that name them, and as theme
     * whatever describes the activity once dates, the organiser's 主办 phrase and bare places are set aside.
     */
    private static void sentence(String s, Dates.Found date, Map<CaptionField, String> fields) {
        String body = s;
        if (date != null) body = s.substring(0, date.start()) + " " + s.substring(date.end());
        body = MONTH_DAY.matcher(body).replaceAll(" ");
        body = body.replaceAll("(?<![0-9])(?:19|20)\\d{2}\\s*年(?![0-9])", " ");
        body = TIME_OF_DAY.matcher(CaptionParserWords.withoutPhotoMeta(body)).replaceAll(" ");
        String person = CaptionParserWords.namedPerson(body);
        if (person != null) fields.putIfAbsent(CaptionField.UNIT, person);
        StringBuilder residue = new StringBuilder();
        for (String clause : CLAUSE_SPLIT.split(body)) {
            String c = trim(clause, "、:：_-.·", "、:：_-.·").replaceFirst("^图为", "").strip();
            if (c.isEmpty()) continue;
            String left = c;
            Matcher is = ORG_IS.matcher(c);
            if (is.find() && isOrg(is.group(1))) {
                fields.putIfAbsent(CaptionField.ORGANIZER, is.group(1));
                fields.putIfAbsent(CaptionField.UNIT, is.group(1));
                left = c.substring(0, is.start()) + c.substring(is.end());
            }
            Matcher under = ORG_UNDER.matcher(c);
            if (under.find() && isOrg(under.group(1))) {
                fields.putIfAbsent(CaptionField.ORGANIZER, under.group(1));
                fields.putIfAbsent(CaptionField.UNIT, under.group(1));
                left = c.substring(0, under.start()) + c.substring(under.end());
                c = left;
            }
            Matcher end = SUBJECT_END.matcher(c);
            while (end.find()) {
                String subject = c.substring(0, end.start()).replaceFirst("^(由|经|受|图为)", "").strip();
                if (subject.length() > 40) break;
                boolean preposition = end.group(1).equals("在") || end.group(1).equals("于");
                // 义诊活动由区中医院承办: the activity, then its organiser after 由.
                int by = subject.indexOf('由');
                String before = by > 0 && isOrg(subject.substring(by + 1)) ? subject.substring(0, by) : "";
                if (!before.isEmpty()) subject = subject.substring(by + 1);
                Matcher staff = ORG_STAFF.matcher(subject);
                if (!isOrg(subject) && staff.matches()) subject = staff.group(1);
                // 由A、B联合主办: the first of several organisers names the organizer.
                String[] several = subject.split("[、和与及]");
                if (several.length > 1 && Arrays.stream(several).allMatch(x -> isOrg(x.strip()))) subject = several[0].strip();
                if (isOrg(subject)) {
                    fields.putIfAbsent(CaptionField.ORGANIZER, subject);
                    fields.putIfAbsent(CaptionField.UNIT, subject);
                    String verb = end.group(1);
                    if (verb.equals("主办") || verb.equals("承办") || verb.equals("协办")) {
                        left = before + c.substring(end.end()).replaceFirst("^(的|、.*?(主办|承办|协办)的?)", "");
                    } else {
                        left = c.substring(end.start());
                    }
                    break;
                }
                if (preposition) break; // the subject stands before the place
            }
            // The organiser as a heading (【区卫健委】, 区卫健委：…, 2019.10.09 区中医院 …) or leading a title (区卫健委学雷锋义诊).
            if (!fields.containsKey(CaptionField.ORGANIZER)) {
                String lead = isHeadingOrg(c) ? c : CaptionParserWords.leadingOrganisation(c);
                String tail = lead == null ? "" : c.substring(lead.length());
                // 区人民医院门诊大厅 is a place inside the organisation, not a title it leads.
                boolean placeInside = tail.length() <= 8 && BARE_PLACE.matcher(tail).matches();
                if (isHeadingOrg(lead) && (tail.isEmpty() || !placeInside)) {
                    fields.put(CaptionField.ORGANIZER, lead);
                    fields.putIfAbsent(CaptionField.UNIT, lead);
                    left = c.substring(lead.length());
                }
            }
            Matcher pl = PLACE_PHRASE.matcher(c);
            boolean placed = false;
            while (pl.find()) {
                String place = pl.group(1).strip();
                if (PLACE_LIKE.matcher(place).matches() && !CaptionParserWords.vaguePlace(place)) {
                    fields.putIfAbsent(CaptionField.PLACE, place);
                    fields.putIfAbsent(CaptionField.VENUE, place);
                    int at = left.indexOf(pl.group());
                    if (at >= 0) left = left.substring(0, at) + left.substring(at + pl.group().length());
                    placed = true;
                    break;
                }
            }
            Matcher prep = PLACE_PREP.matcher(c);
            while (!placed && prep.find()) {
                String after = c.substring(prep.end(), Math.min(c.length(), prep.end() + 24));
                for (int n = after.length(); n >= 2 && !placed; n--) {
                    if (PLACE_TAIL_LAST.indexOf(after.charAt(n - 1)) < 0) continue;
                    String place = after.substring(0, n);
                    if (PLACE_LIKE.matcher(place).matches() && !place.contains("在") && !CaptionParserWords.vaguePlace(place)) {
                        fields.putIfAbsent(CaptionField.PLACE, place);
                        fields.putIfAbsent(CaptionField.VENUE, place);
                        placed = true;
                    }
                }
            }
            if (!placed && BARE_PLACE.matcher(c).matches() && !MOVING.matcher(c).find() && !fields.containsValue(c)) {
                fields.putIfAbsent(CaptionField.PLACE, c);
                fields.putIfAbsent(CaptionField.VENUE, c);
                left = "";
            }
            Matcher b = BENEFICIARY_WORDS.matcher(c);
            String served = b.find() ? b.group(1) : CaptionParserWords.recipient(c);
            // 社区居民合影: the people in a group photo are not said to be served, nor is the photo an activity.
            boolean groupPhoto = GROUP_PHOTO.matcher(c).find();
            if (groupPhoto) left = "";
            if (served != null && !groupPhoto) fields.putIfAbsent(CaptionField.BENEFICIARY, served);
            Matcher p = PROJECT_WORDS.matcher(c);
            if (p.find()) fields.putIfAbsent(CaptionField.PROJECT, p.group());
            if (!left.isEmpty()) residue.append(left).append('，');
        }
        String theme = trim(residue.toString(), "", "，");
        String meaningful = GENERIC.matcher(theme).replaceAll("").replaceAll("[^\\p{IsHan}A-Za-z]", "");
        if (meaningful.length() >= 2) {
            fields.putIfAbsent(CaptionField.THEME, theme);
            fields.putIfAbsent(CaptionField.CONTENT, theme);
        }
    }

    private static final Pattern CAMERA_DEFAULT = Pattern.compile(
            "(?i)^\\s*(img|dsc|dscn|dscf|dsc_|p|pict|pic|photo|image|mvimg|vid|wp|sam|pxl|mmexport|微信图片|wechat ?image|screenshot|屏幕截图|截图|qq图片|微信截图)"
                    + "[\\s_\\-]*[\\d_\\-\\s()]*\\s*$");
    private static final Set<String> CAMERA_TEXTS = Set.of("olympus digital camera", "sony dsc", "digital camera",
            "default", "untitled", "image", "photo", "picture", "nikon", "canon", "huawei", "samsung", "minolta dsc",
            "sony dsc ", "kodak digital still camera", "exif_jpeg_picture", "lg digital camera", "图片", "照片");

    /** Whether a text is no caption at all: empty, a camera default or a bare camera file name. */
    public static boolean isTrivial(String text) {
        if (text == null) return true;
        String t = text.strip().replaceAll("\\u0000", "");
        if (t.isEmpty()) return true;
        if (CAMERA_TEXTS.contains(t.toLowerCase(Locale.ROOT))) return true;
        if (CAMERA_DEFAULT.matcher(t).matches()) return true;
        return t.chars().allMatch(c -> Character.isDigit(c) || c == '_' || c == '-' || c == ' ' || c == '(' || c == ')');
    }
}
