package cn.evcheck.check;

import cn.evcheck.model.Code;
import cn.evcheck.model.Severity;

/**
 * Codes that several checks emit, each for its own kind of file: an unreadable file, one over
 * the limits, an encrypted one, a missing kind of material. Every check that emits one lists it
 * in its {@link Check#codes()}.
 */
public final class SharedCodes {
    private SharedCodes() {}

    public static final Code UNREADABLE = Code.of("file.unreadable", Severity.ERROR, Clauses.OPENABLE);
    public static final Code TOO_COMPLEX = Code.of("file.too_complex", Severity.ERROR, Clauses.OPENABLE);
    public static final Code ENCRYPTED = Code.of("doc.encrypted", Severity.ERROR, Clauses.OPENABLE);
    public static final Code MATERIAL_MISSING = Code.of("material.missing", Severity.ERROR, Clauses.FORMATS);
}
