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
        public boolean has(CaptionField f) {
            return fields.containsKey(f);
        }
    }

    /** Labels per field, longest first within the alternation so 活动时间 wins over 时间. */
    private static final LinkedHashMap<String, CaptionField> LABELS = new LinkedHashMap<>();

    static {
        put(CaptionField.TIME, "活动时间", "拍摄时间", "服务时间", "时间", "日期");
        put(CaptionField.PLACE, "活动地点", "服务地点", "拍摄地点", "地点");
        put(CaptionField.ORGANIZER, "主办单位", "承办单位", "组织单位", "主办方", "主办");
        put(CaptionField.THEME, "活动主题", "活动名称", "主题");
        put(CaptionField.VENUE, "所在场所位置", "场所名称", "场所位置", "站点名称", "场所", "位置");
        put(CaptionField.UNIT, "开展志愿服务的单位名称或个人姓名", "开展志愿服务的单位名称", "志愿服务单位", "服务单位", "单位名称",
                "个人姓名", "志愿者", "单位");
        put(CaptionField.PROJECT, "志愿服务项目", "项目名称", "项目");
        put(CaptionField.CONTENT, "服务内容", "关爱内容", "活动内容", "内容");
        put(CaptionField.BENEFICIARY, "服务对象", "关爱对象", "受助对象", "对象");
    }

    private static void put(CaptionField f, String... labels) {
        for (String l : labels) LABELS.put(l, f);
    }

    private static final Pattern LABELLED;

    static {
        List<String> all = new ArrayList<>(LABELS.keySet());
        all.sort((a, b) -> b.length() - a.length());
        LABELLED = Pattern.compile("(" + String.join("|", all) + ")\\s*[:：]");
    }

    private static final Pattern VERB = Pattern.compile("(开展|举办|组织|举行|进行|召开|参加|参与|走访|看望|慰问|探望|帮扶|上门|深入|前往|赴|为|送)");
    private static final Pattern BENEFICIARY_WORDS = Pattern.compile(
            "(老人|儿童|留守|困境|残疾|贫困户|群众|居民|村民|患者|病人|学生|孕产妇|妇女|老年人|家庭|职工|市民|游客|献血者|服务对象)");
    private static final Pattern PROJECT_WORDS = Pattern.compile("(项目|品牌|“[^”]{2,30}”)");

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
        for (int i = 0; i < spans.size(); i++) {
            int from = spans.get(i)[1];
            int to = i + 1 < spans.size() ? spans.get(i + 1)[0] : text.length();
            String value = text.substring(from, to).replaceAll("[\\s;；,，。、|]+$", "").strip();
            if (!value.isEmpty()) fields.putIfAbsent(order.get(i), value);
        }
        String rest = spans.isEmpty() ? text : text.substring(0, spans.get(0)[0]);
        sentence(rest.isBlank() && spans.isEmpty() ? text : rest, date, fields);
        if (date != null) fields.putIfAbsent(CaptionField.TIME, text.substring(date.start(), date.end()));
        // A labelled organizer or place answers the related requirement too.
        if (fields.containsKey(CaptionField.ORGANIZER)) fields.putIfAbsent(CaptionField.UNIT, fields.get(CaptionField.ORGANIZER));
        if (fields.containsKey(CaptionField.PLACE)) fields.putIfAbsent(CaptionField.VENUE, fields.get(CaptionField.PLACE));
        if (fields.containsKey(CaptionField.VENUE)) fields.putIfAbsent(CaptionField.PLACE, fields.get(CaptionField.VENUE));
        if (fields.containsKey(CaptionField.THEME)) fields.putIfAbsent(CaptionField.CONTENT, fields.get(CaptionField.THEME));
        if (fields.containsKey(CaptionField.CONTENT)) fields.putIfAbsent(CaptionField.THEME, fields.get(CaptionField.CONTENT));
        for (String v : List.copyOf(fields.values())) {
            Matcher b = BENEFICIARY_WORDS.matcher(v);
            if (b.find()) fields.putIfAbsent(CaptionField.BENEFICIARY, b.group(1));
            Matcher p = PROJECT_WORDS.matcher(v);
            if (p.find() && (fields.containsKey(CaptionField.THEME) || fields.containsKey(CaptionField.CONTENT))) {
                fields.putIfAbsent(CaptionField.PROJECT, p.group(1));
            }
        }
        return new Parsed(fields, date);
    }

    /** Sentence form: [date，]subject 在/于 place verb theme. */
    private static void sentence(String s, Dates.Found date, Map<CaptionField, String> fields) {
        String body = s;
        if (date != null && date.end() <= s.length()) {
            body = s.substring(0, date.start()) + " " + s.substring(date.end());
        }
        body = body.replaceFirst("^[\\s,，、:：;；.。_\\-]+", "").strip();
        if (body.isEmpty()) return;
        Matcher verb = VERB.matcher(body);
        int at = body.indexOf('在');
        if (at < 0) at = body.indexOf('于');
        if (verb.find()) {
            int v = verb.start();
            String subject = body.substring(0, at >= 0 && at < v ? at : v).strip();
            if (subject.length() >= 2) {
                fields.putIfAbsent(CaptionField.ORGANIZER, subject);
                fields.putIfAbsent(CaptionField.UNIT, subject);
            }
            if (at >= 0 && at < v) {
                String place = body.substring(at + 1, v).strip();
                if (place.length() >= 2) {
                    fields.putIfAbsent(CaptionField.PLACE, place);
                    fields.putIfAbsent(CaptionField.VENUE, place);
                }
            }
            String theme = body.substring(v).replaceAll("[。.]$", "").strip();
            if (theme.length() >= 3) {
                fields.putIfAbsent(CaptionField.THEME, theme);
                fields.putIfAbsent(CaptionField.CONTENT, theme);
            }
        } else if (body.length() >= 3 && body.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)) {
            // A bare title such as a file name "2019-03-05 走访空巢老人" states a theme and nothing else.
            fields.putIfAbsent(CaptionField.THEME, body);
            fields.putIfAbsent(CaptionField.CONTENT, body);
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
