package cn.evcheck.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.*;

class ItemIdsTest {
    @ParameterizedTest
    @ValueSource(strings = {"III-15-2-1 关爱志愿服务", "Ⅲ-15-2-1关爱志愿服务", "Ⅲ－15－2－1 关爱", "Ⅲ-15-2①", "Ⅲ_15_2_1",
            "Ⅲ.15.2.1", "Ⅲ、15、2、1", "ⅲ-１５-２-１ 志愿", "III 15 2 1", "Ⅲ—15—2—1（关爱空巢老人）", "III-15-2-1"})
    void clerkSpellingsMatchTheId(String folder) {
        assertTrue(ItemIds.startsWithId(ItemIds.normalize(folder), ItemIds.normalize("III-15-2-1")), folder);
    }

    @Test
    void normalisedForms() {
        assertEquals("III-15-2-1", ItemIds.normalize("Ⅲ－15－2①"));
        assertEquals("III-15-2-1-关爱", ItemIds.normalize("Ⅲ-15-2① 关爱"));
        assertEquals("M-3-10-1", ItemIds.normalize("m-3-10-1"));
    }

    @Test
    void aLongerNumberIsNotAPrefixMatch() {
        String id = ItemIds.normalize("III-15-2-1");
        assertFalse(ItemIds.startsWithId(ItemIds.normalize("III-15-2-10 其他"), id));
        assertFalse(ItemIds.startsWithId(ItemIds.normalize("III-15-21"), id));
        assertFalse(ItemIds.startsWithId(ItemIds.normalize("关爱 III-15-2-1"), id));
    }
}
