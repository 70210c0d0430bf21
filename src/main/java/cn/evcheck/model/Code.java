package cn.evcheck.model;

import cn.evcheck.util.Messages;
import cn.evcheck.util.Messages.Lang;

import java.util.Objects;

/**
 * A stable finding code (PRODUCT.md §5) as the check that emits it declares it: the id CI
 * filters and waivers key on, its severity, and the requirement it enforces quoted with its
 * source ({@code clause}). A code is graded when it may also be reported at the
 * {@code lesser} severity, for the reason {@code lesser.<id>} in the message bundles gives
 * (a bare secrecy word instead of a starred mark, a renamed document rather than a renamed
 * photo). Meaning and fix are the bundle entries {@code meaning.<id>} and {@code fix.<id>}.
 */
public record Code(String id, Severity severity, Severity lesser, String clause) {
    public Code {
        Objects.requireNonNull(id);
        Objects.requireNonNull(severity);
        Objects.requireNonNull(clause);
        if (lesser != null && !severity.atLeast(lesser)) throw new IllegalArgumentException(id + ": lesser above severity");
    }

    public static Code of(String id, Severity severity, String clause) {
        return new Code(id, severity, null, clause);
    }

    public static Code graded(String id, Severity severity, Severity lesser, String clause) {
        return new Code(id, severity, lesser, clause);
    }

    public String meaning(boolean en) {
        return Messages.format(en ? Lang.EN : Lang.ZH, "meaning." + id);
    }

    public String fix(boolean en) {
        return Messages.format(en ? Lang.EN : Lang.ZH, "fix." + id);
    }

    /** When the lesser severity applies, or "" for a code that is not graded. */
    public String lesserWhen(boolean en) {
        return lesser == null ? "" : Messages.format(en ? Lang.EN : Lang.ZH, "lesser." + id);
    }

    /** "error" or "error / warning". */
    public String severities() {
        return lesser == null ? severity.key() : severity.key() + " / " + lesser.key();
    }
}
