package cn.evcheck.check.item;

import cn.evcheck.check.*;
import cn.evcheck.model.Code;
import cn.evcheck.model.Severity;
import cn.evcheck.rules.Model.Item;
import cn.evcheck.rules.Model.Material;

import java.util.List;

/**
 * 对照网上申报任务清单要求…: a required item with no folder, or a folder with no material in it.
 * Such an item's status is 缺失 and nothing else is judged for it.
 */
public final class ItemMissingCheck implements Check {
    public static final Code MISSING = Code.of("item.missing", Severity.ERROR, Clauses.MATERIALS);

    @Override
    public List<Code> codes() {
        return List.of(MISSING);
    }

    @Override
    public Phase phase() {
        return Phase.UNIT;
    }

    @Override
    public void run(Evidence ev, Results out) {
        for (Item item : ev.items()) {
            if (!ev.missing(item)) continue;
            boolean folder = ev.inventory().itemFolders().contains(item.id());
            out.emit(MISSING, item.id(), null).data("folder", folder)
                    .data("materials", item.materials().stream().map(Material::kind).map(k -> k.key).distinct().toList())
                    .arg("id", item.id()).arg("needs", Wording.needs(item)).say(folder ? "empty_folder" : "no_folder");
        }
    }
}
