package cn.evcheck.check.photo;

import cn.evcheck.check.*;
import cn.evcheck.inspect.PhotoFacts.Caption;
import cn.evcheck.model.Code;
import cn.evcheck.model.Severity;
import cn.evcheck.rules.Model.Item;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 每张图片需注明…: a caption copied from a template and never filled in ("时间：XXXX年XX月XX日",
 * "XX医院", "某某社区", "【请填写活动主题】") states nothing, although its labels make every field look
 * present. One warning per photo, naming the first placeholder and where the caption came from.
 */
public final class CaptionPlaceholderCheck implements Check {
    public static final Code PLACEHOLDER = Code.of("photo.caption_placeholder", Severity.WARNING, Clauses.CAPTIONS);

    /** XX / ×× / ＊＊ / ○○ runs (not inside a Latin word), 某某 / 某年某月, bracketed fill-in instructions. */
    private static final Pattern TEMPLATE = Pattern.compile(
            "(?<![A-Za-z])[XxＸｘ×＊*○]{2,}(?![A-Za-z])|某某|某年|某月|某日|[【\\[［(（]\\s*(?:请填写|请输入|填写|此处|待填|待定)[^】\\]］)）]{0,20}[】\\]］)）]");
    /** Characters that belong to the placeholder's phrase when it is quoted back ("XXXX年XX月XX日"). */
    private static final Pattern PHRASE = Pattern.compile("[\\p{IsHan}0-9A-Za-zＸｘ×＊*○【】\\[\\]［］()（）]");

    /** Characters one of which every match of {@link #TEMPLATE} starts with. */
    private static final String FIRST = "XxＸｘ×＊*○某【[［(（";

    /**
     * Whether {@link #TEMPLATE} can match at all: not without one of {@link #FIRST}. Most captions have
     * none, and the pattern's alternatives tried at every character were 0.15 s of judging 10,000 photos.
     */
    private static boolean mayHold(String caption) {
        for (int i = 0; i < caption.length(); i++) {
            if (FIRST.indexOf(caption.charAt(i)) >= 0) return true;
        }
        return false;
    }

    @Override
    public List<Code> codes() {
        return List.of(PLACEHOLDER);
    }

    @Override
    public void run(Evidence ev, Results out) {
        for (Item item : ev.present()) {
            for (Photo ph : ev.photos(item)) {
                if (!ph.readable() || ph.fromName()) continue;
                for (Caption c : ph.captions()) {
                    String found = placeholder(c.text());
                    if (found == null) continue;
                    Results.Emit e = out.emit(PLACEHOLDER, ph.file());
                    if (ph.page() != null) e.data("page", ph.page());
                    e.data("caption_source", c.source()).data("placeholder", found).arg("where", Wording.where(ph.page())).say();
                    break;
                }
            }
        }
    }

    /** The first placeholder of a caption with the phrase around it (at most 20 characters), or null. */
    static String placeholder(String caption) {
        if (!mayHold(caption)) return null;
        Matcher m = TEMPLATE.matcher(caption);
        if (!m.find()) return null;
        int from = m.start();
        int to = m.end();
        while (from > 0 && m.end() - from < 20 && PHRASE.matcher(caption.substring(from - 1, from)).matches()) from--;
        while (to < caption.length() && to - from < 20 && PHRASE.matcher(caption.substring(to, to + 1)).matches()) to++;
        return caption.substring(from, to);
    }
}
