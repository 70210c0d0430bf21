package cn.evcheck.check.document;

import cn.evcheck.check.*;
import cn.evcheck.model.Code;
import cn.evcheck.rules.Model.Item;
import cn.evcheck.rules.Model.Kind;
import cn.evcheck.rules.Model.Material;
import cn.evcheck.rules.Model.Sign;
import cn.evcheck.util.Messages.Localized;

import java.util.List;

/**
 * An item that asks for a formal document, an evaluation or a data table needs at least
 * {@code min} documents that prove it (the signs of the material's proof, a 文号 where required);
 * documents that do not are reported on their own (errors while the item has too few good ones) and
 * do not count. A data table that needs no
 * seal may instead be an indicator sheet whose values are checked against the targets.
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
                boolean none = ev.documents(item, m.kind()).isEmpty();
                if (m.kind() == Kind.DATA_TABLE && none) {
                    // A data table that needs no seal may be a spreadsheet, in the item or the package;
                    // one that needs a seal has its spreadsheets reported by the seal check.
                    if (m.proof().requires(Sign.SEAL) ? SealCheck.sheets(ev, item).isEmpty()
                            : ev.values().isEmpty() && SealCheck.sheets(ev, item).isEmpty()) {
                        missing(item, m, 0, out);
                    }
                    continue;
                }
                // Documents that do not prove the material have findings of their own; only too few
                // documents at all is a missing material.
                int have = Documents.good(ev, item, m);
                if (have < m.min() && ev.documents(item, m.kind()).size() < m.min()) missing(item, m, have, out);
            }
        }
    }

    private static void missing(Item item, Material m, int have, Results out) {
        out.emit(SharedCodes.MATERIAL_MISSING, item.id(), null).data("have", have).data("kind", m.kind().key).data("need", m.min())
                .arg("kind_label", new Localized(m.kind().zh, m.kind().en)).arg("material", Wording.material(m, item)).say();
    }
}
