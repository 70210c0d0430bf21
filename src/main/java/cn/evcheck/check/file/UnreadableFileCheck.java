package cn.evcheck.check.file;

import cn.evcheck.check.*;
import cn.evcheck.model.Code;
import cn.evcheck.scan.Inventory;
import cn.evcheck.util.SafeOpen;

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
            out.emit(SharedCodes.UNREADABLE, null, u.rel()).data("reason", u.reason()).say(variant(u.reason()));
        }
        for (Placed p : ev.files()) {
            String why = p.fx().readError();
            if (why != null) out.emit(SharedCodes.UNREADABLE, p).data("reason", why).say(variant(why));
        }
    }

    /** A file that stopped being the regular file the scan saw (swapped for a link or a FIFO) is said so. */
    private static String variant(String reason) {
        return SafeOpen.isRefusal(reason) ? "changed" : null;
    }
}
