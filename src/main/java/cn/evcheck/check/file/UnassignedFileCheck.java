package cn.evcheck.check.file;

import cn.evcheck.check.*;
import cn.evcheck.model.Code;
import cn.evcheck.model.Severity;
import cn.evcheck.util.Messages.Localized;

import java.util.List;

/** A file that belongs to no item, or that its item has no use for: it would not be uploaded. */
public final class UnassignedFileCheck implements Check {
    public static final Code UNASSIGNED = Code.of("file.unassigned", Severity.WARNING, Clauses.PACKAGE);

    @Override
    public List<Code> codes() {
        return List.of(UNASSIGNED);
    }

    @Override
    public void run(Evidence ev, Results out) {
        for (Placed p : ev.files()) {
            switch (p.place()) {
                case NO_ITEM -> out.emit(UNASSIGNED, null, p.rel()).data("reason", "no_item").say("no_item");
                case NO_ROLE -> out.emit(UNASSIGNED, p).data("reason", "no_role").arg("type", cn.evcheck.check.Wording.type(p.f()))
                        .say("no_role");
                case ROLE_NOT_REQUIRED -> out.emit(UNASSIGNED, p).data("reason", "role_not_required").data("role", p.role().key)
                        .arg("role_label", new Localized(p.role().zh, p.role().en)).say("role_not_required");
                default -> { }
            }
        }
    }
}
