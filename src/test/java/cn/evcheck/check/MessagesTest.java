package cn.evcheck.check;

import cn.evcheck.model.Code;
import cn.evcheck.util.Messages;
import cn.evcheck.util.Messages.Lang;
import org.junit.jupiter.api.Test;

import java.util.*;

import static org.junit.jupiter.api.Assertions.*;

/** The two bundles say the same things: same keys; every code is explained in both, and no key is an orphan. */
class MessagesTest {
    /** Placeholders may differ (the English text may add a technical detail); the callers fill both (Results asserts it). */
    @Test
    void bundlesHaveTheSameKeys() {
        assertEquals(Messages.keys(Lang.ZH), Messages.keys(Lang.EN));
    }

    @Test
    void everyCodeHasAMeaningAFixAndAMessage() {
        Set<String> codes = new TreeSet<>();
        for (Code c : Checks.codes()) {
            codes.add(c.id());
            for (Lang l : Lang.values()) {
                assertFalse(Messages.template(l, "meaning." + c.id()) == null, "meaning." + c.id() + " " + l);
                assertFalse(Messages.template(l, "fix." + c.id()) == null, "fix." + c.id() + " " + l);
                assertEquals(c.lesser() != null, Messages.template(l, "lesser." + c.id()) != null, "lesser." + c.id() + " " + l);
            }
            assertTrue(Messages.keys(Lang.ZH).stream().anyMatch(k -> k.equals("msg." + c.id()) || k.startsWith("msg." + c.id() + ".")),
                    "no message for " + c.id());
            assertFalse(c.clause().isBlank(), c.id());
        }
        // No message, meaning or fix for a code nothing declares.
        for (String k : Messages.keys(Lang.ZH)) {
            String[] parts = k.split("\\.", 2);
            if (!Set.of("msg", "meaning", "fix", "lesser").contains(parts[0])) continue;
            String rest = parts[1];
            assertTrue(codes.stream().anyMatch(c -> rest.equals(c) || rest.startsWith(c + ".")), "orphan key " + k);
        }
    }

    @Test
    void argumentsRenderInTheirLanguage() {
        Map<String, Object> args = Map.of("categories", List.of("义诊", "宣传"));
        assertEquals("图片未放在类别文件夹中，不计入任何类别；类别：义诊、宣传",
                Messages.format(Lang.ZH, "msg.photo.category_unknown.no_folder", args));
        assertEquals("the photo is in no category folder; not counted; categories: 义诊, 宣传",
                Messages.format(Lang.EN, "msg.photo.category_unknown.no_folder", args));
        assertEquals("page 3: ", Messages.render(Lang.EN, Messages.ref("where.page", "page", 3)));
        // Numbers are never grouped (MessageFormat would write 2,097,152).
        assertTrue(Messages.format(Lang.ZH, "msg.photo.too_large", "size", "2.10 MB", "limit", "2M", "max_bytes", 2097152L)
                .contains("（2097152 字节）"));
    }

    /** Every template of both bundles, formatted, reads as the regular-expression replacement it replaced. */
    @Test
    void formattingFillsEveryPlaceholderAndKeepsTheUnknownOnes() {
        java.util.regex.Pattern ph = java.util.regex.Pattern.compile("\\{([a-z_][a-z0-9_]*)\\}");
        for (Lang l : Lang.values()) {
            for (String k : Messages.keys(l)) {
                String t = Messages.template(l, k);
                Map<String, Object> args = new HashMap<>();
                java.util.regex.Matcher m = ph.matcher(t);
                int n = 0;
                while (m.find()) if (n++ % 2 == 0) args.put(m.group(1), "<$" + m.group(1) + "\\>");   // every other one filled
                StringBuilder expected = new StringBuilder();
                m.reset();
                while (m.find()) {
                    String v = args.containsKey(m.group(1)) ? (String) args.get(m.group(1)) : m.group();
                    m.appendReplacement(expected, java.util.regex.Matcher.quoteReplacement(v));
                }
                m.appendTail(expected);
                assertEquals(expected.toString(), Messages.format(l, k, args), k + " " + l);
            }
        }
    }

    @Test
    void sizesReadAsStringFormatWritesThem() {
        Random r = new Random(13);
        List<Long> sizes = new ArrayList<>(List.of(0L, 1L, 5_242L, 5_243L, 10_485L, 10_486L, 1_048_576L, 2_097_152L, 2_097_153L,
                2_102_395L, 2_102_396L, 3_874_816L, (long) Integer.MAX_VALUE, 1L << 40));
        for (int i = 0; i < 20_000; i++) sizes.add((long) r.nextInt(50_000_000));
        for (long b : sizes) assertEquals(String.format(Locale.ROOT, "%.2f MB", b / 1048576.0), Wording.mb(b), b + " bytes");
    }
}
