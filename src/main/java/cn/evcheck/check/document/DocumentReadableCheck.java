package cn.evcheck.check.document;

import cn.evcheck.check.*;
import cn.evcheck.inspect.DocFacts;
import cn.evcheck.inspect.TextFacts;
import cn.evcheck.model.Code;
import cn.evcheck.model.Severity;
import cn.evcheck.rules.Model.Item;
import cn.evcheck.rules.Model.Kind;
import cn.evcheck.scan.FileEntry;
import cn.evcheck.scan.FileType;
import cn.evcheck.scan.Formats;
import cn.evcheck.util.Messages.Localized;

import java.util.List;

/**
 * 正式发文需扫描…红头页…制作成图片格式上报 … 也可以WORD、WPS或永中格式上传: a document, evaluation or
 * data-table file must be in an accepted format (the rule set's {@code document.formats}) and
 * open — not damaged, not password-protected, not over the limits. Otherwise it proves nothing.
 */
public final class DocumentReadableCheck implements Check {
    public static final Code FORMAT = Code.of("doc.format", Severity.ERROR, Clauses.FORMAL_DOC);

    @Override
    public List<Code> codes() {
        return List.of(FORMAT, SharedCodes.ENCRYPTED, SharedCodes.TOO_COMPLEX);
    }

    @Override
    public Phase phase() {
        return Phase.ACCEPT;
    }

    @Override
    public void run(Evidence ev, Results out) {
        List<String> formats = ev.rules().defaults().document().formats();
        for (Item item : ev.present()) {
            for (Kind kind : Kind.values()) {
                if (!Documents.isDocument(kind)) continue;
                for (Placed p : Documents.files(ev, item, kind)) {
                    if (!usable(p, kind, formats, out)) out.reject(p);
                }
            }
        }
    }

    private static boolean usable(Placed p, Kind kind, List<String> formats, Results out) {
        FileEntry f = p.f();
        TextFacts t = p.text();
        DocFacts d = p.doc();
        boolean real = f.type() == FileType.JPEG || f.type() == FileType.PDF || (t != null && t.status() != TextFacts.Status.UNPARSEABLE);
        if (!formats.contains(f.ext()) || !real) {
            out.emit(FORMAT, p).data("accepted", formats).data("format", f.ext()).arg("kind", new Localized(kind.zh, kind.en))
                    .arg("formats", Wording.upper(formats)).arg("type", Wording.type(f))
                    .arg("ext", f.ext())
                    .say(Formats.isTemplate(f.ext()) ? "template" : f.type() != FileType.OFD ? null : formats.contains("pdf") ? "ofd" : "ofd_scan");
        } else if ((t != null && t.status() == TextFacts.Status.ENCRYPTED) || (d != null && "encrypted".equals(d.problem()))) {
            out.emit(SharedCodes.ENCRYPTED, p).say();
        } else if (d != null && "too_complex".equals(d.problem())) {
            out.emit(SharedCodes.TOO_COMPLEX, p).data("reason", d.detail()).say("limits");
        } else if (d != null && d.problem() != null) {
            out.emit(FORMAT, p).data("reason", d.detail()).say("scan");
        } else if (t != null && t.status() != TextFacts.Status.OK) {
            out.emit(FORMAT, p).data("reason", t.detail()).say("text");
        } else {
            return true;
        }
        return false;
    }
}
