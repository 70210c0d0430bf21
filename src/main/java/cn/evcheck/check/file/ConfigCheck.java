package cn.evcheck.check.file;

import cn.evcheck.check.*;
import cn.evcheck.model.Code;
import cn.evcheck.model.Severity;
import cn.evcheck.util.Messages;

import java.util.List;

/**
 * A unit's own evcheck.yaml (in --by-unit mode) that could not be used — unreadable, too large,
 * invalid, or naming rules that do not load: that unit is checked with the drive's rule set and
 * date, and this says so; the other units are not held up.
 */
public final class ConfigCheck implements Check {
    public static final Code INVALID = Code.of("config.invalid", Severity.ERROR, Clauses.PACKAGE);

    @Override
    public List<Code> codes() {
        return List.of(INVALID);
    }

    @Override
    public void run(Evidence ev, Results out) {
        Messages.Localized problem = ev.configProblem();
        if (problem == null) return;
        out.emit(INVALID, null, "evcheck.yaml").arg("problem", problem).say();
    }
}
