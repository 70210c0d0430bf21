package cn.evcheck.check.file;

import cn.evcheck.check.*;
import cn.evcheck.model.Code;

import java.util.List;

/**
 * A file inspection refused as a whole: nested too deeply, or out of memory even when read
 * alone, or over a reader's limits, or still being read when its time budget ran out. It is no
 * evidence, and the run goes on.
 */
public final class RefusedFileCheck implements Check {
    @Override
    public List<Code> codes() {
        return List.of(SharedCodes.TOO_COMPLEX);
    }

    @Override
    public Phase phase() {
        return Phase.ACCEPT;
    }

    @Override
    public void run(Evidence ev, Results out) {
        for (Placed p : ev.files()) {
            if (p.fx().refused() == null) continue;
            int seconds = p.fx().timedOutAfter();
            if (seconds >= 0) {
                out.emit(SharedCodes.TOO_COMPLEX, p).data("limit", "time").data("seconds", seconds).say("time");
            } else {
                out.emit(SharedCodes.TOO_COMPLEX, p).data("reason", p.fx().refused()).say("refused");
            }
        }
    }
}
