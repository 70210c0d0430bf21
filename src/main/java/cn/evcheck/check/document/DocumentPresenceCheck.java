package cn.evcheck.check.document;

import cn.evcheck.check.*;
import cn.evcheck.model.Code;
import cn.evcheck.rules.Model.Item;
import cn.evcheck.rules.Model.Kind;
import cn.evcheck.rules.Model.Material;
import cn.evcheck.util.Messages.Localized;

import java.util.List;

/**
 * An item that asks for a formal document, an evaluation or a data table needs at least
 * {@code min} usable ones. A data table may instead be an indicator sheet whose values are
 * checked against the targets.
 */
public final class DocumentPresenceCheck implements Check {
    @Override
    public List<Code> codes() {
        return List.of(SharedCodes.MATERIAL_MISSING);
    }

    @Override
    public Phase phase() {
        return Phase.UNIT;
    }

    @Override
    public void run(Evidence ev, Results out) {
        for (Item item : ev.present()) {
            for (Material m : item.materials()) {
                if (!Documents.isDocument(m.kind())) continue;
                if (m.kind() == Kind.DATA_TABLE && Documents.files(ev, item, m.kind()).isEmpty()) {
                    if (ev.values().isEmpty()) missing(item, m, 0, out);   // else the indicator sheet is the material
                    continue;
                }
                int have = Documents.usable(ev, item, m, out).size();
                if (have < m.min()) missing(item, m, have, out);
            }
        }
    }

    private static void missing(Item item, Material m, int have, Results out) {
        out.emit(SharedCodes.MATERIAL_MISSING, item.id(), null).data("have", have).data("kind", m.kind().key).data("need", m.min())
                .arg("kind_label", new Localized(m.kind().zh, m.kind().en)).arg("material", Wording.material(m, item)).say();
    }
}
