package cn.evcheck.draft;

import java.util.ArrayList;
import java.util.List;

/**
 * The columns of a responsibility list, told by their header names and the variants lists use.
 * A requirements table has a {@link Role#REQUIREMENT} column; an indicator table (评价指标 / 目标值)
 * a {@link Role#TARGET} column. Pure.
 */
public final class Columns {
    private Columns() {}

    public enum Role {
        SECTION("板块", "类别", "板块类别"),
        PROJECT("测评项目", "项目", "测评板块"),
        INDICATOR("指标名称", "一级指标", "二级指标", "指标"),
        CONTENT("测评内容", "三级指标", "测评指标"),
        STANDARD("测评标准", "评分标准", "考核标准", "标准"),
        METHOD("测评方法", "测评方式", "考核方式"),
        REQUIREMENT("网上申报具体要求", "网上申报要求", "网上申报材料", "网上申报内容", "上报材料", "申报材料", "报送材料",
                "材料要求", "具体要求", "工作要求", "申报要求", "任务要求", "工作任务"),
        HINT("相关提示", "上传提示", "申报提示"),
        LEADER("分管领导", "责任领导", "分管委领导", "牵头领导"),
        LEAD("牵头科室", "牵头单位", "牵头部门", "牵头处室"),
        RESPONSIBLE("责任科室及单位", "责任科室和单位", "责任单位", "责任科室", "责任部门", "配合单位", "配合科室", "责任主体"),
        NUMBER("序号", "编号"),
        METRIC("评价指标", "考核指标", "指标内容"),
        TARGET("目标值", "标准值", "指标值", "目标要求"),
        REMARK("备注", "说明");

        public final List<String> names;

        Role(String... names) {
            this.names = List.of(names);
        }
    }

    /** The header row found in a grid: its index and one role (or null) per column. */
    public record Header(int row, List<Role> roles) {
        public int first(Role r) {
            return roles.indexOf(r);
        }

        public boolean has(Role r) {
            return roles.contains(r);
        }

        public boolean requirements() {
            return has(Role.REQUIREMENT);
        }

        public boolean indicators() {
            return !has(Role.REQUIREMENT) && has(Role.TARGET) && (has(Role.METRIC) || has(Role.INDICATOR) || has(Role.CONTENT));
        }
    }

    /** A header cell's role: its name exactly (spaces and line breaks ignored), else a name it contains. */
    public static Role role(String cell) {
        if (cell == null) return null;
        String t = cell.replaceAll("[\\s\\u3000]", "");
        if (t.isEmpty() || t.length() > 12) return null;
        for (Role r : Role.values()) if (r.names.contains(t)) return r;
        Role best = null;
        int len = 1;
        for (Role r : Role.values()) {
            for (String n : r.names) {
                if (n.length() > len && t.contains(n)) {
                    best = r;
                    len = n.length();
                }
            }
        }
        return best;
    }

    /**
     * The header among a grid's first rows: the first row with a requirement or a target column and
     * at least one other named column. A blank header cell right of a named one continues it (a
     * header cell merged across columns). Null when there is none.
     */
    public static Header find(Grid g) {
        for (int r = 0; r < Math.min(g.rows().size(), 6); r++) {
            String[] row = g.rows().get(r);
            List<Role> roles = new ArrayList<>();
            int named = 0;
            Role prev = null;
            for (String cell : row) {
                Role role = role(cell);
                if (role == null && (cell == null || cell.isBlank()) && prev != null && prev != Role.NUMBER) role = prev;
                else if (role != null) named++;
                roles.add(role);
                prev = role;
            }
            Header h = new Header(r, roles);
            if (named >= 2 && (h.requirements() || h.indicators())) return h;
        }
        return null;
    }
}
