package cn.evcheck.check.file;

import cn.evcheck.check.*;
import cn.evcheck.model.Code;
import cn.evcheck.model.Severity;

import java.util.List;

/**
 * The codes of waivers that no longer do their job: expired, or matching no finding. They are judged
 * once the whole run's findings are known ({@link Waivers}), so this check emits
 * nothing itself; it declares the codes, which the registry, README and SARIF list.
 */
public final class WaiverCheck implements Check {
    public static final Code EXPIRED = Code.of("waiver.expired", Severity.WARNING, Clauses.PACKAGE);
    public static final Code UNUSED = Code.of("waiver.unused", Severity.WARNING, Clauses.PACKAGE);

    @Override
    public List<Code> codes() {
        return List.of(EXPIRED, UNUSED);
    }

    @Override
    public void run(Evidence ev, Results out) {
        // judged after the run: Waivers.apply
    }
}
