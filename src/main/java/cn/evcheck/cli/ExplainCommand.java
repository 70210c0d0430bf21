package cn.evcheck.cli;

import cn.evcheck.rules.Describe;
import cn.evcheck.check.Checks;
import cn.evcheck.model.Code;
import cn.evcheck.rules.BuiltinRules;
import cn.evcheck.rules.Model.Item;
import cn.evcheck.rules.Model.Material;
import cn.evcheck.rules.Model.RuleSet;
import cn.evcheck.rules.RuleException;
import cn.evcheck.rules.ItemIds;
import picocli.CommandLine.*;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code evcheck explain <item-id|code>}: an item's requirement and materials, or a finding code. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"说明一个条目的要求，或一个问题代码的含义和处理方法。", "Explain an item or a finding code."})
final class ExplainCommand implements Callable<Integer> {
    @Spec
    Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "ITEM|CODE", description = "条目编号或问题代码；不写则列出全部问题代码")
    String what;

    @Option(names = "--rules", paramLabel = "ID|FILE", description = "在此规则集中查找条目；默认查找全部内置规则集")
    String rules;

    @Option(names = "--lang", paramLabel = "zh|en")
    String lang = "zh";

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean en = "en".equalsIgnoreCase(lang);
        if (what == null) {
            // No argument: every finding code, its severity and meaning — the list CI filters and waivers key on.
            for (Code code : Checks.codes()) {
                out.println(String.format(java.util.Locale.ROOT, "%-28s %-16s %s", code.id(), code.severities(), code.meaning(en)));
            }
            return Main.OK;
        }
        Code c = Checks.code(what);
        if (c != null) {
            out.println(what + "  (" + c.severities() + ")");
            out.println((en ? "Meaning:  " : "含义：") + c.meaning(en));
            out.println((en ? "Fix:      " : "处理：") + c.fix(en));
            if (c.lesser() != null) out.println((en ? "Lesser:   " : "较轻级别：") + c.lesserWhen(en));
            out.println((en ? "Enforces: " : "依据：") + c.clause());
            return Main.OK;
        }
        List<RuleSet> sets = new ArrayList<>();
        try {
            if (rules != null) {
                sets.add(BuiltinRules.resolve(rules, null));
            } else {
                for (String id : BuiltinRules.ids()) sets.add(BuiltinRules.load(id));
            }
        } catch (RuleException e) {
            err.println(e.render(en));
            return Main.USAGE;
        }
        String norm = ItemIds.normalize(what);
        boolean found = false;
        for (RuleSet rs : sets) {
            for (Item item : rs.items()) {
                if (!ItemIds.normalize(item.id()).equals(norm)) continue;
                found = true;
                out.println(item.id() + "  (" + rs.id() + ")");
                out.println((en ? "Indicator:   " : "指标：") + item.indicator());
                if (!item.standard().isEmpty()) out.println((en ? "Standard:    " : "测评标准：") + item.standard());
                if (!item.requirement().isEmpty()) out.println((en ? "Requirement: " : "申报要求：") + item.requirement());
                List<String> notes = Describe.notes(item, en);
                for (int i = 0; i < notes.size(); i++) {
                    out.println((i > 0 ? (en ? "             " : "　　　") : en ? "Note:        " : "备注：") + notes.get(i));
                }
                if (!item.leaders().isEmpty()) out.println((en ? "Leader:      " : "分管领导：") + String.join("、", item.leaders()));
                if (!item.leadDepartments().isEmpty()) out.println((en ? "Lead office: " : "牵头科室：") + String.join("、", item.leadDepartments()));
                if (!item.responsible().isEmpty()) out.println((en ? "Responsible: " : "责任单位：") + String.join("、", item.responsible()));
                if (item.from() != null) {
                    out.println((en ? "Period (this item's own): " : "期间（本条目单独规定）：") + rs.from(item) + " – " + rs.to(item));
                }
                if (!item.categories().isEmpty()) out.println((en ? "Categories:  " : "类别：") + String.join("、", item.categories()));
                out.println(en ? "Materials:" : "材料：");
                for (Material m : item.materials()) out.println("  - " + Describe.material(m, item, en));
                out.println();
            }
        }
        if (!found) {
            err.println("evcheck: " + (en ? "no item or finding code '" + what + "'" : "没有名为“" + what + "”的条目或问题代码"));
            // "photo.too_larg": the nearest finding code (or item id) by spelling.
            List<String> names = new ArrayList<>();
            for (Code code : Checks.codes()) names.add(code.id());
            for (RuleSet rs : sets) for (Item item : rs.items()) if (!names.contains(item.id())) names.add(item.id());
            String near = cn.evcheck.util.Spelling.nearest(what, names);
            if (near != null) err.println(en ? "did you mean '" + near + "'?" : "是否想查“" + near + "”？");
            else if (what.contains(".")) err.println(en ? "evcheck explain (without arguments) lists every finding code"
                    : "不带参数运行 evcheck explain 可列出全部问题代码");
            return Main.USAGE;
        }
        return Main.OK;
    }
}
