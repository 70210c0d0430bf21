package cn.evcheck.check.file;

import cn.evcheck.check.*;
import cn.evcheck.model.Code;
import cn.evcheck.model.Severity;

import java.util.List;

/**
 * On a drive of units (--by-unit): a unit folder whose evcheck.yaml names another unit than the
 * folder does (often a folder copied from another unit), and two folders claiming one unit — whose
 * findings would otherwise land in two sections of the same name.
 */
public final class UnitNameCheck implements Check {
    public static final Code MISMATCH = Code.of("unit.name_mismatch", Severity.WARNING, Clauses.PACKAGE);
    public static final Code DUPLICATE = Code.of("unit.duplicate", Severity.ERROR, Clauses.PACKAGE);

    @Override
    public List<Code> codes() {
        return List.of(MISMATCH, DUPLICATE);
    }

    @Override
    public void run(Evidence ev, Results out) {
        UnitClaim c = ev.unitClaim();
        if (c == null) return;
        if (!c.sameName().isEmpty()) {
            out.emit(DUPLICATE, null, "evcheck.yaml").data("unit", ev.unit()).data("folders", c.sameName())
                    .arg("unit", ev.unit()).arg("folder", c.folder()).arg("others", String.join("、", c.sameName()))
                    .say();
        }
        if (c.mismatched()) {
            out.emit(MISMATCH, null, "evcheck.yaml").data("unit", c.declared()).data("folder", c.folder())
                    .arg("unit", c.declared()).arg("folder", c.folder()).say();
        }
    }
}
