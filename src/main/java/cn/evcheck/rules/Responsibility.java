package cn.evcheck.rules;

import cn.evcheck.rules.Model.Item;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Whether an item is a unit's job, from the item's 责任单位 (responsible) list. An item applies
 * when the unit is unnamed, the list is empty, the list names the unit (names compared without
 * spaces and leading 区/市/县, either containing the other), or the list holds a group that
 * may include it (各民营医院, 委各直属单位, 各医疗卫生单位 …). A list of other units or of the
 * commission's own offices (…科, …办) does not. Pure.
 */
public final class Responsibility {
    private Responsibility() {}

    private static final Pattern GROUP = Pattern.compile(".*(各|全体|所有|全部|相关|等).*");
    private static final Pattern PREFIX = Pattern.compile("^(.{1,6}?[省市县区])?");

    public static boolean applies(Item item, String unit) {
        if (unit == null || unit.isBlank() || item.responsible().isEmpty()) return true;
        String u = norm(unit);
        for (String r : item.responsible()) {
            if (GROUP.matcher(r).matches()) return true;
            String n = norm(r);
            if (!n.isEmpty() && !u.isEmpty() && (n.contains(u) || u.contains(n))) return true;
        }
        return false;
    }

    private static String norm(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC).replaceAll("\\s", "");
        String stripped = PREFIX.matcher(n).replaceFirst("");
        return stripped.length() >= 2 ? stripped : n;
    }
}
