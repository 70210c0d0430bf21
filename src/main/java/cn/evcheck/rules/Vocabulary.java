package cn.evcheck.rules;

import cn.evcheck.rules.Model.CaptionField;
import cn.evcheck.rules.Model.Kind;
import cn.evcheck.rules.Model.Per;
import cn.evcheck.rules.Model.Sign;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Chinese words a rule author writes for the English keys and values of a rule file — the words of
 * the requirement text ({@code 服务对象}, {@code 说明报告}, {@code 每月}) or of the key's meaning
 * ({@code 材料}, {@code 字数}) — so that the linter can say which key or value to write instead. The caption
 * labels are {@link CaptionField#labels}, the ones the caption parser reads.
 */
final class Vocabulary {
    private Vocabulary() {}

    /** Chinese names of keys; one word may name keys of several mappings (单位: a target's unit, a config's unit). */
    private static final Map<String, List<String>> KEYS = new LinkedHashMap<>();
    /** Chinese words for the values of an enumerated field, per field. */
    private static final Map<String, Map<String, String>> VALUES = new LinkedHashMap<>();

    static {
        key("evcheck", "版本", "规则版本");
        key("id", "编号", "序号", "条目编号", "标识");
        key("title", "标题", "名称", "规则集名称");
        key("source", "来源", "依据", "文件依据", "出处");
        key("period", "期间", "时间范围", "起止时间", "周期");
        key("from", "开始", "起始", "开始日期", "起始日期", "自");
        key("to", "结束", "截止", "结束日期", "截止日期", "至");
        key("defaults", "默认", "默认值", "默认设置");
        key("items", "条目", "项目", "申报条目", "指标项");
        key("part", "部分", "板块");
        key("indicator", "指标", "测评指标", "指标名称");
        key("standard", "测评标准", "标准");
        key("requirement", "申报要求", "要求", "材料要求");
        key("leader", "分管领导", "领导");
        key("lead_department", "牵头科室", "牵头部门", "牵头单位");
        key("responsible", "责任单位", "责任部门", "配合单位");
        key("categories", "类别", "分类", "类别列表");
        key("years", "年份", "年度", "年");
        key("materials", "材料", "申报材料", "材料列表");
        key("note", "备注", "说明", "注");
        key("kind", "类型", "种类", "材料类型", "类别名");
        key("each", "分别", "每个", "按");
        key("words", "字数", "字");
        key("min", "数量", "最少", "至少", "张数", "最少张数", "份数");
        key("per", "频次", "频率", "每");
        key("caption", "图片说明", "注明", "标注", "说明文字", "说明项");
        key("festivals", "节日", "节日列表");
        key("target", "目标", "指标值", "目标值");
        key("proof", "证明", "凭证", "印证");
        key("number", "文号", "需要文号");
        key("marked", "标记", "标注重点", "标注相关内容");
        key("metric", "指标名称", "指标");
        key("op", "比较", "比较符", "运算符");
        key("value", "值", "数值", "目标值");
        key("unit", "单位", "计量单位", "单位名称");
        key("photo", "图片", "照片", "图片资料");
        key("report", "说明报告", "报告");
        key("document", "文件", "文档");
        key("formats", "格式", "文件格式");
        key("max_bytes", "最大字节", "大小上限", "最大大小");
        key("near_limit_bytes", "接近上限");
        key("min_long_side", "最小边长", "长边");
        key("festival_window", "节日窗口", "节日前后");
        key("before", "之前", "前");
        key("after", "之后", "后");
        key("tolerance", "容差", "误差", "允许误差");
        key("below", "下限", "少于");
        key("above", "上限", "多于");
        key("any_of", "任一", "之一", "任意");
        key("all_of", "全部", "都要");
        key("rules", "规则", "规则集", "规则文件");
        key("as_of", "截至日期", "检查日期", "截止日期");
        key("units", "单位列表", "各单位");
        key("exclude", "排除", "不检查");
        key("waivers", "豁免", "豁免列表");
        key("code", "代码", "问题代码");
        key("reason", "理由", "原因");
        key("approved_by", "批准人", "审批人", "批准");
        key("expires", "到期", "有效期", "到期日期", "截止日期");
        key("item", "条目", "条目编号");
        key("file", "文件", "文件名");

        for (Kind k : Kind.values()) value("kind", k.key, k.zh);
        value("kind", "report", "报告", "情况说明", "说明");
        value("kind", "photos", "图片", "照片", "图片资料", "相片");
        value("kind", "formal_doc", "规范文件", "文件", "发文", "正式文件", "红头文件");
        value("kind", "dept_eval", "评价", "部门评价意见", "评价意见");
        value("kind", "data_table", "数据表", "表格", "数据", "统计表");
        for (Per p : Per.values()) value("per", p.key(), p.zh);
        value("per", "total", "总计", "共计", "一共", "总共");
        value("per", "month", "月", "按月", "每个月");
        value("per", "two_months", "每两个月", "两月", "双月", "每隔一月");
        value("per", "year", "年", "按年", "每年度");
        value("per", "festival", "节日", "每节日", "每个节日");
        value("each", "category", "每类", "类别", "按类别", "每个类别", "分类");
        value("each", "year", "每年", "按年", "年份", "每个年份");
        value("each", "none", "无", "不分", "不区分");
        for (CaptionField f : CaptionField.values()) {
            value("caption", f.key(), f.zh);
            for (String l : f.labels) value("caption", f.key(), l);
        }
        for (Sign s : Sign.values()) value("proof", s.key, s.zh);
        value("proof", "red_header", "红头", "红头文件", "红头页面");
        value("proof", "seal", "盖章", "公章", "印章", "签章", "盖章页面");
        value("proof", "none", "无", "不需要", "不要求");
        value("bool", "true", "是", "需要", "要", "对", "有");
        value("bool", "false", "否", "不需要", "不要", "无", "没有");
    }

    private static void key(String key, String... zh) {
        for (String w : zh) KEYS.computeIfAbsent(w, x -> new ArrayList<>()).add(key);
    }

    private static void value(String field, String value, String... zh) {
        Map<String, String> m = VALUES.computeIfAbsent(field, x -> new LinkedHashMap<>());
        for (String w : zh) m.putIfAbsent(w, value);
    }

    /** The key among {@code allowed} that a Chinese key name means, or null. */
    static String key(String written, Collection<String> allowed) {
        List<String> keys = KEYS.get(clean(written));
        if (keys == null) return null;
        for (String k : keys) if (allowed.contains(k)) return k;
        return null;
    }

    /**
     * The value of {@code field} (kind, per, each, caption, proof, bool) that a Chinese word means, or null;
     * 活动时间 is {@code time}, 每月 {@code month}, 说明报告 {@code report}.
     */
    static String value(String field, String written) {
        Map<String, String> m = VALUES.get(field);
        return m == null ? null : m.get(clean(written));
    }

    /** A word as written, without spaces, quotes and a trailing colon. */
    private static String clean(String s) {
        return s == null ? "" : s.strip().replaceAll("^[“”\"'‘’]+|[“”\"'‘’:：]+$", "").strip();
    }
}
