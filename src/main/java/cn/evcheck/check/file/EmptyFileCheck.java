package cn.evcheck.check.file;

import cn.evcheck.check.*;
import cn.evcheck.model.Code;
import cn.evcheck.model.Severity;
import cn.evcheck.scan.FileType;

import java.util.List;

/** A zero-byte file: a failed export or copy. */
public final class EmptyFileCheck implements Check {
    public static final Code EMPTY = Code.of("file.empty", Severity.ERROR, Clauses.OPENABLE);

    @Override
    public List<Code> codes() {
        return List.of(EMPTY);
    }

    @Override
    public Phase phase() {
        return Phase.ACCEPT;
    }

    @Override
    public void run(Evidence ev, Results out) {
        for (Placed p : ev.files()) {
            if (p.f().type() == FileType.EMPTY) out.emit(EMPTY, p).data("bytes", 0).say();
        }
    }
}
