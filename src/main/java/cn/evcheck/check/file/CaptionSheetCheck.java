package cn.evcheck.check.file;

import cn.evcheck.check.*;
import cn.evcheck.inspect.Sidecars;
import cn.evcheck.model.Code;
import cn.evcheck.model.Severity;

import java.util.List;

/**
 * A caption sheet (图片说明.xlsx/.csv) that cannot be used: unreadable, over the limits, or without
 * the 文件名 and 图片说明 columns — the captions it holds reach no photo.
 */
public final class CaptionSheetCheck implements Check {
    public static final Code UNUSABLE = Code.of("photo.caption_sheet", Severity.WARNING, Clauses.CAPTIONS);

    @Override
    public List<Code> codes() {
        return List.of(UNUSABLE, SharedCodes.UNREADABLE, SharedCodes.TOO_COMPLEX);
    }

    @Override
    public Phase phase() {
        return Phase.ACCEPT;
    }

    @Override
    public void run(Evidence ev, Results out) {
        for (Sidecars.Problem problem : ev.sidecars().problems()) {
            if (problem.tooComplex()) {
                out.emit(SharedCodes.TOO_COMPLEX, null, problem.rel()).data("reason", problem.reason()).say("caption_sheet");
            } else if (problem.reason().equals("no_header")) {
                out.emit(UNUSABLE, null, problem.rel()).data("reason", problem.reason()).say();
            } else {
                out.emit(SharedCodes.UNREADABLE, null, problem.rel()).data("reason", problem.reason()).say("caption_sheet");
            }
        }
    }
}
