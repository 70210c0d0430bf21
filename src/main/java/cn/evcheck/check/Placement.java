package cn.evcheck.check;

import cn.evcheck.check.Placed.Place;
import cn.evcheck.inspect.Facts;
import cn.evcheck.inspect.Inspector;
import cn.evcheck.rules.Model.Item;
import cn.evcheck.rules.Model.Kind;
import cn.evcheck.rules.Model.RuleSet;
import cn.evcheck.scan.FileEntry;
import cn.evcheck.scan.FileType;
import cn.evcheck.scan.Formats;


/**
 * Where a file belongs (PRODUCT.md §3): its item from its folder, its role from the role folder,
 * else from its real type and what the item requires. Decided before inspection (what to read)
 * and after it (where the facts go). Pure.
 */
public final class Placement {
    private Placement() {}

    public static boolean isSheet(FileEntry f) {
        return Formats.isSheet(f.ext());
    }

    /** What inspection must produce for a file, decided from its placement before it is read. */
    public static Inspector.Needs needs(FileEntry f, RuleSet rules) {
        boolean sheetExt = isSheet(f);
        if (f.itemId() == null) return new Inspector.Needs(false, false, false, sheetExt);
        Item item = rules.item(f.itemId());
        Kind role = role(f, null, item);
        if (sheetExt && role == Kind.DATA_TABLE) return new Inspector.Needs(false, false, false, true);
        boolean photo = role == Kind.PHOTOS && item.requires(Kind.PHOTOS);
        boolean doc = role != null && role != Kind.PHOTOS && role != Kind.REPORT && item.requires(role)
                && (f.type() == FileType.JPEG || f.type() == FileType.PDF);
        boolean marks = doc && item.materials().stream().anyMatch(m -> m.kind() == role && m.marked());
        return new Inspector.Needs(photo && f.type() == FileType.JPEG, photo && f.type() == FileType.PDF, doc, false).withMarks(marks);
    }

    /** Where an inspected file ends up in the unit. */
    static Placed place(FileEntry f, Facts fx, RuleSet rules) {
        if (f.type() == FileType.EMPTY || fx.readError() != null || fx.refused() != null) {
            return new Placed(f, fx, null, null, Place.UNUSABLE);
        }
        if (f.itemId() == null) {
            boolean sheet = fx.sheet() != null && fx.sheet().problem() == null;
            return new Placed(f, fx, null, null, sheet ? Place.PACKAGE_SHEET : Place.NO_ITEM);
        }
        Item item = rules.item(f.itemId());
        Kind role = role(f, fx, item);
        if (role == null) return new Placed(f, fx, item, null, Place.NO_ROLE);
        if (!item.requires(role)) return new Placed(f, fx, item, role, Place.ROLE_NOT_REQUIRED);
        return new Placed(f, fx, item, role, Place.PLACED);
    }

    /** The role of a file in its item: the role folder, else what its real type and the item suggest. */
    static Kind role(FileEntry f, Facts fx, Item item) {
        if (f.roleFolder() != null) return f.roleFolder();
        FileType t = f.type();
        boolean wordLike = fx != null && fx.text() != null;
        if (t.isImage()) return first(item, Kind.PHOTOS, Kind.FORMAL_DOC, Kind.DEPT_EVAL, Kind.DATA_TABLE);
        if (wordLike || Formats.isWordFamily(f.ext())) {
            return first(item, Kind.REPORT, Kind.FORMAL_DOC, Kind.DEPT_EVAL, Kind.DATA_TABLE);
        }
        // An OFD is the fixed-layout document a PDF would be: judged (and refused) where a PDF would be.
        if (t == FileType.PDF || t == FileType.OFD) {
            return first(item, Kind.FORMAL_DOC, Kind.DEPT_EVAL, Kind.DATA_TABLE, Kind.PHOTOS, Kind.REPORT);
        }
        if (isSheet(f)) return first(item, Kind.DATA_TABLE);
        if (t == FileType.TEXT || t == FileType.RTF || t == FileType.HTML) return first(item, Kind.REPORT);
        return null;
    }

    private static Kind first(Item item, Kind... kinds) {
        for (Kind k : kinds) if (item.requires(k)) return k;
        return null;
    }
}
