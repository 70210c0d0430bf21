package cn.evcheck.check.file;

import cn.evcheck.check.*;
import cn.evcheck.model.Code;
import cn.evcheck.scan.Inventory;

import java.util.List;

/** A file or folder the walk could not open, or whose bytes could not be read (permissions, a failing share). */
public final class UnreadableFileCheck implements Check {
    @Override
    public List<Code> codes() {
        return List.of(SharedCodes.UNREADABLE);
    }

    @Override
    public Phase phase() {
        return Phase.ACCEPT;
    }

    @Override
    public void run(Evidence ev, Results out) {
        for (Inventory.Unreadable u : ev.inventory().unreadable()) {
            out.emit(SharedCodes.UNREADABLE, null, u.rel()).data("reason", u.reason()).say();
        }
        for (Placed p : ev.files()) {
            if (p.fx().readError() != null) out.emit(SharedCodes.UNREADABLE, p).data("reason", p.fx().readError()).say();
        }
    }
}
