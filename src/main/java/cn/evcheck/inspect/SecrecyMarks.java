package cn.evcheck.inspect;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Secrecy markings (密级和保密期限, GB/T 9704): 秘密★1年, 机密★10年, 绝密★长期, 机密★ … at the
 * top of a document. "涉密文件不得通过网上申报系统上传" (赣卫〔2020〕44号). A marking with its star
 * is certain; the bare word alone on one of the first lines is suspicious. Pure.
 */
public final class SecrecyMarks {
    private SecrecyMarks() {}

    /** @param certain the level with its star (and period); false for a bare level word on its own line */
    public record Mark(String text, boolean certain) {}

    /** The period of a marking: 5年, 6个月, 长期, or 启用前 (until released). */
    private static final String PERIOD = "(\\d+\\s*(?:年|个月)|长期|启用前)";
    private static final Pattern STARRED = Pattern.compile("(绝密|机密|秘密)\\s*[★☆*＊✩✭]\\s*" + PERIOD + "?");
    /** The label form of a form or table: 密级：秘密, 密级: 机密★5年, 密 级　绝密. */
    private static final Pattern LABELLED = Pattern.compile("密[\\s\u3000]*级[\\s\u3000]*[：:]?[\\s\u3000]*(绝密|机密|秘密)(?:\\s*[★☆*＊✩✭]\\s*" + PERIOD + "?)?");
    private static final Pattern BARE_LINE = Pattern.compile("^\\s*(绝密|机密|秘密)\\s*$");

    /**
     * A starred or labelled marking anywhere in the text (it never occurs in prose: GB/T 9704 prints
     * it at the top of page 1, forms label it 密级), else the bare level word alone on one of the
     * first {@code lines} non-blank lines.
     */
    public static Mark find(String text, int lines) {
        if (text == null || text.isBlank()) return null;
        List<String> all = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        for (String l : all) {
            Matcher m = LABELLED.matcher(l);
            if (m.find()) return new Mark(m.group(), true);
            m = STARRED.matcher(l);
            if (m.find()) return new Mark(m.group(), true);
        }
        for (String l : all.subList(0, Math.min(lines, all.size()))) {
            Matcher m = BARE_LINE.matcher(l);
            if (m.find()) return new Mark(m.group(1), false);
        }
        return null;
    }

    /**
     * OCR reads ★ as another character (女, 六, 大, 食, 犬, 贪, 人, 米, *, x …) or drops it: a level, at
     * most one stray character and a period.
     */
    private static final Pattern OCR_STARRED = Pattern.compile("(绝密|机密|秘密)\\s*\\S?\\s*(\\d{1,2}\\s*(?:年|个月)|长期|启用前)");

    /** Like {@link #find}, also accepting a star that OCR misread, when a period follows the level (first {@code lines} lines). */
    public static Mark findOcr(String text, int lines) {
        Mark m = find(text, lines);
        if (m != null && m.certain()) return m;
        if (text == null) return m;
        for (String l : text.lines().map(String::strip).filter(x -> !x.isEmpty()).limit(lines).toList()) {
            Matcher o = OCR_STARRED.matcher(l);
            if (o.find()) return new Mark(o.group(), true);
        }
        return m;
    }

    /** A starred marking anywhere in a short text such as a file name. */
    public static Mark inName(String name) {
        Matcher m = LABELLED.matcher(name);
        if (m.find()) return new Mark(m.group(), true);
        m = STARRED.matcher(name);
        return m.find() ? new Mark(m.group(), true) : null;
    }
}
