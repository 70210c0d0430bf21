package cn.evcheck.check;

import cn.evcheck.inspect.*;
import cn.evcheck.rules.Model.Item;
import cn.evcheck.rules.Model.Kind;
import cn.evcheck.scan.FileEntry;

/**
 * One file of the unit and where it ended up: its item and role, or why it has none.
 *
 * @param fx    what inspection learnt (never null; a file inspection never saw has empty facts)
 * @param item  the item whose folder holds it, or null
 * @param role  the role it plays in the item, or null
 */
public record Placed(FileEntry f, Facts fx, Item item, Kind role, Place place) {
    /** Where a file ended up. */
    public enum Place {
        /** zero bytes, or the bytes could not be read: no evidence at all */
        UNUSABLE,
        /** in no item folder */
        NO_ITEM,
        /** the item needs no file of this type */
        NO_ROLE,
        /** its role folder names a material the item does not require */
        ROLE_NOT_REQUIRED,
        /** a package-level indicator sheet whose values serve every item */
        PACKAGE_SHEET,
        /** evidence for its item in its role */
        PLACED
    }

    public String rel() {
        return f.rel();
    }

    public String itemId() {
        return f.itemId();
    }

    public boolean placed() {
        return place == Place.PLACED;
    }

    public PhotoFacts photo() {
        return fx.photo();
    }

    public TextFacts text() {
        return fx.text();
    }

    public DocFacts doc() {
        return fx.doc();
    }

    public PdfFacts pdf() {
        return fx.pdf();
    }

    public SheetFacts sheet() {
        return fx.sheet();
    }
}
