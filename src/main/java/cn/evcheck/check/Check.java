package cn.evcheck.check;

import cn.evcheck.model.Code;

import java.util.List;

/**
 * One check: reads a unit's {@link Evidence} and reports findings into {@link Results}. Pure —
 * nothing in a check starts a process or touches the file system; everything it needs is a
 * fact inspection produced once. A check declares every code it emits ({@link #codes()}); the
 * registry ({@link Checks}) is the union of those declarations.
 *
 * <p>Checks run in three phases: {@link Phase#ACCEPT} decides which files can serve as evidence
 * at all (a check that refuses a file calls {@link Results#reject}); {@link Phase#FILE} judges
 * the content of each accepted file; {@link Phase#UNIT} looks across files once every file is
 * judged (coverage, report slots, documents, duplicates, missing items).
 */
public interface Check {
    enum Phase { ACCEPT, FILE, UNIT }

    /** The codes this check emits. */
    List<Code> codes();

    default Phase phase() {
        return Phase.FILE;
    }

    void run(Evidence ev, Results out);
}
