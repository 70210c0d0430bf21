package cn.evcheck.check.file;

import cn.evcheck.check.*;
import cn.evcheck.inspect.TextFacts;
import cn.evcheck.model.Code;
import cn.evcheck.model.Severity;
import cn.evcheck.scan.FileType;
import cn.evcheck.scan.Formats;

import java.util.List;

/**
 * The content is not what the extension says (a PNG renamed .jpg, a .docx saved as .wps, an
 * .xlsx named .docx, an OFD named .pdf), naming what it really is. An error where the extension
 * promises a photo — the system accepts real JPG/JPEG only — or the content is OFD, which
 * nothing but an OFD reader opens; else a warning, since Word and WPS open a mis-named document
 * (where the real format belongs to the same family, renaming it is the fix). Encrypted Office
 * files (OLE2 inside a .docx) are reported as encrypted, not as mis-named; a ZIP whose directory
 * told nothing is not held against a ZIP-based extension (its reader reports it if damaged).
 */
public final class TypeMismatchCheck implements Check {
    public static final Code MISMATCH = Code.graded("file.type_mismatch", Severity.ERROR, Severity.WARNING, Clauses.PHOTOS);

    @Override
    public List<Code> codes() {
        return List.of(MISMATCH);
    }

    @Override
    public Phase phase() {
        return Phase.ACCEPT;
    }

    @Override
    public void run(Evidence ev, Results out) {
        for (Placed p : ev.files()) {
            if (p.place() == Placed.Place.UNUSABLE) continue;
            FileType expected = Formats.expectedType(p.f().ext());
            FileType actual = p.f().type();
            // Word, Excel and WPS store a password-protected .docx/.xlsx as an encrypted OLE2 file: not mis-named.
            boolean encryptedOoxml = actual == FileType.OLE2 && ((p.text() != null && p.text().status() == TextFacts.Status.ENCRYPTED)
                    || (p.sheet() != null && "encrypted".equals(p.sheet().problem())));
            // Unknown content (random bytes) is reported once, by the material's own check.
            if (expected == null || actual.satisfies(expected) || actual == FileType.UNKNOWN || encryptedOoxml) continue;
            // An OFD filed as a formal document, evaluation or table: doc.format names it, with the advice for documents.
            if (actual == FileType.OFD && Evidence.isDocumentFile(p)) continue;
            Results.Emit e = out.emit(MISMATCH, p).data("actual", Wording.format(p.f())).data("extension", p.f().ext())
                    .arg("type", Wording.type(p.f()));
            if (actual == FileType.OFD) {
                e.say("ofd");   // opens in no PDF reader or Word, and the system refuses it
            } else if (expected == FileType.JPEG) {
                e.say("photo");
            } else if (actual.ext != null && Formats.family(actual.ext) == Formats.family(p.f().ext())) {
                e.lesser().arg("real", actual.ext).say("rename");   // a .docx saved as .wps: renaming it is the fix
            } else {
                e.lesser().say();
            }
        }
    }
}
