package cn.evcheck.check.document;

import cn.evcheck.check.*;
import cn.evcheck.rules.Model.Item;
import cn.evcheck.rules.Model.Kind;
import cn.evcheck.rules.Model.Material;
import cn.evcheck.util.Messages.Localized;

import java.util.List;

/**
 * The document materials of an item (正式发文, 部门评价, 数据表格), judged one document at a time:
 * whether a document proves what its material asks for, and whether the item already has enough
 * documents that do — a bad document beside enough good ones is still reported, one grade lower,
 * since the item is complete without it.
 */
final class Documents {
    private Documents() {}

    static boolean isDocument(Kind k) {
        return Evidence.isDocumentKind(k);
    }

    /** The document files (not data sheets) of an item's material kind, in path order. */
    static List<Placed> files(Evidence ev, Item item, Kind kind) {
        return ev.placed(item, kind).stream().filter(Evidence::isDocumentFile).toList();
    }

    /** What a per-document check looks at. */
    interface Judge {
        void judge(Item item, Material m, Document d, boolean enough);
    }

    /** Calls {@code judge} for every document of every document material of the given kinds. */
    static void each(Evidence ev, java.util.Set<Kind> kinds, Judge judge) {
        for (Item item : ev.present()) {
            for (Material m : item.materials()) {
                if (!kinds.contains(m.kind())) continue;
                boolean enough = good(ev, item, m) >= m.min();
                for (Document d : ev.documents(item, m.kind())) judge.judge(item, m, d, enough);
            }
        }
    }

    /** How many documents of a material prove it. */
    static int good(Evidence ev, Item item, Material m) {
        return (int) ev.documents(item, m.kind()).stream().filter(d -> d.proves(m)).count();
    }

    /** Starts a finding on a document, one grade lower when its item has enough good documents anyway. */
    static Results.Emit emit(Results out, cn.evcheck.model.Code code, Document d, Material m, boolean enough) {
        Results.Emit e = out.emit(code, d.first()).data("kind", m.kind().key).arg("kind_label", new Localized(m.kind().zh, m.kind().en));
        if (d.files().size() > 1) e.data("pages", d.files().stream().map(Placed::rel).toList());
        if (enough && code.lesser() != null) e.lesser();
        return e;
    }
}
