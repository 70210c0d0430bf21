package cn.evcheck.scan;

import cn.evcheck.rules.Model.Kind;

import java.text.Normalizer;
import java.util.List;
import java.util.Map;

/** Role folder names and their synonyms (PRODUCT.md §3). */
public final class Roles {
    private Roles() {}

    private static final List<Map.Entry<String, Kind>> SYNONYMS = List.of(
            Map.entry("图片资料", Kind.PHOTOS), Map.entry("图片材料", Kind.PHOTOS), Map.entry("现场照片", Kind.PHOTOS),
            Map.entry("实景图片", Kind.PHOTOS), Map.entry("图片", Kind.PHOTOS), Map.entry("照片", Kind.PHOTOS),
            Map.entry("说明报告", Kind.REPORT), Map.entry("文字说明", Kind.REPORT), Map.entry("说明材料", Kind.REPORT),
            Map.entry("报告", Kind.REPORT),
            Map.entry("正式发文", Kind.FORMAL_DOC), Map.entry("规范文件", Kind.FORMAL_DOC), Map.entry("红头文件", Kind.FORMAL_DOC),
            Map.entry("发文", Kind.FORMAL_DOC), Map.entry("文件", Kind.FORMAL_DOC),
            Map.entry("部门评价", Kind.DEPT_EVAL), Map.entry("评价", Kind.DEPT_EVAL),
            Map.entry("数据表格", Kind.DATA_TABLE), Map.entry("统计表格", Kind.DATA_TABLE), Map.entry("数据表", Kind.DATA_TABLE),
            Map.entry("表格", Kind.DATA_TABLE));

    /** The role a folder name announces, or null. Leading numbering such as "1." or "（一）" is ignored. */
    public static Kind ofFolder(String name) {
        String n = Normalizer.normalize(name, Normalizer.Form.NFKC).strip()
                .replaceFirst("^[\\d一二三四五六七八九十]+[.、\\s)]*", "")
                .replaceFirst("^\\([\\d一二三四五六七八九十]+\\)\\s*", "")
                .strip();
        for (Map.Entry<String, Kind> e : SYNONYMS) {
            if (n.startsWith(e.getKey())) return e.getValue();
        }
        return null;
    }

    public static boolean isCaptionSidecar(String fileName) {
        // NFKC gives a CJK ideograph only from characters at U+2E80 or above (radicals, compatibility,
        // enclosed and squared forms): a name without any (IMG_0001.jpg) is not one, unnormalised.
        boolean ideographic = false;
        for (int i = 0; i < fileName.length() && !ideographic; i++) ideographic = fileName.charAt(i) >= 0x2E80;
        if (!ideographic) return false;
        String n = Normalizer.normalize(fileName, Normalizer.Form.NFKC);
        int dot = n.lastIndexOf('.');
        if (dot < 0) return false;
        String stem = n.substring(0, dot);
        String ext = n.substring(dot + 1);
        // The extension is matched as written: "图片说明.CSV" is an ordinary file, as it always was.
        return (stem.equals("图片说明") || stem.equals("照片说明")) && Formats.isCaptionSheet(ext)
                && ext.equals(ext.toLowerCase(java.util.Locale.ROOT));
    }
}
