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
}
