package cn.evcheck.rules;

import cn.evcheck.rules.BuiltinRules;
import cn.evcheck.rules.Model.RuleSet;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ResponsibilityTest {
    @Test
    void ganyuItemsForAHospitalAndForTheMentalHospital() throws Exception {
        RuleSet rs = BuiltinRules.load("ganyu-weijian-2020");
        List<String> notQingkou = rs.items().stream().filter(i -> !Responsibility.applies(i, "青口中心卫生院")).map(i -> i.id()).toList();
        // 部门评价 answered by the commission's offices, the CDC/卫生监督所 and the mental hospital's own item.
        assertEquals(List.of("III-60-2-1", "III-60-3-1", "III-67-2-3", "III-73-5-1"), notQingkou);
        assertTrue(Responsibility.applies(rs.item("III-67-2-3"), "精神病防治院"));
        assertTrue(Responsibility.applies(rs.item("III-67-2-3"), "赣榆区精神病防治院"));
        assertTrue(Responsibility.applies(rs.item("III-15-2-1"), "某民营医院"), "各民营医院 is a group");
        assertTrue(Responsibility.applies(rs.item("III-67-2-3"), ""), "an unnamed unit gets every item");
    }
}
