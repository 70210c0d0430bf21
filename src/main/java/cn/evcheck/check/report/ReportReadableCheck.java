package cn.evcheck.check.report;

import cn.evcheck.check.*;
import cn.evcheck.inspect.TextFacts;
import cn.evcheck.model.Code;
import cn.evcheck.model.Severity;
import cn.evcheck.rules.Model.Item;
import cn.evcheck.rules.Model.Kind;
import cn.evcheck.rules.Model.ReportDefaults;
import cn.evcheck.scan.FileEntry;
import cn.evcheck.scan.FileType;
import cn.evcheck.scan.Formats;

import java.util.List;

/**
 * 说明报告…以WORD、WPS或永中格式上传: a report must be a Word, WPS or Yozo file that opens. A PDF or
 * text file, a damaged document, a Yozo .eio, a Microsoft Works file, a password or a zip bomb
 * makes it unusable; it fills no report slot. A Word/WPS template (.dot, .dotx, .dotm, .wpt) is
 * refused by extension even though its content is Word, with advice to save it as a document.
 */
public final class ReportReadableCheck implements Check {
    public static final Code FORMAT = Code.of("report.format", Severity.ERROR, Clauses.REPORT);
    public static final Code UNPARSEABLE = Code.of("report.unparseable", Severity.ERROR, Clauses.REPORT);
    public static final Code ENCRYPTED = Code.of("report.encrypted", Severity.ERROR, Clauses.REPORT);

    @Override
    public List<Code> codes() {
        return List.of(FORMAT, UNPARSEABLE, ENCRYPTED, SharedCodes.TOO_COMPLEX);
    }

    @Override
    public Phase phase() {
        return Phase.ACCEPT;
    }

    @Override
    public void run(Evidence ev, Results out) {
        ReportDefaults d = ev.rules().defaults().report();
        for (Item item : ev.present()) {
            for (Placed p : ev.placed(item, Kind.REPORT)) {
                if (!accepted(p, d, out)) out.reject(p);
            }
        }
    }

    private static boolean accepted(Placed p, ReportDefaults d, Results out) {
        FileEntry f = p.f();
        TextFacts t = p.text();
        String formats = String.join("/", d.formats());
        if (Formats.isTemplate(f.ext()) && !d.formats().contains(f.ext())) {
            // A template holds Word content, but the upload takes documents by extension: whatever
            // its content, the fix is to save it as a document.
            out.emit(FORMAT, p).data("accepted", d.formats()).data("format", f.ext()).arg("formats", formats)
                    .arg("ext", f.ext()).say("template");
            return false;
        }
        if (t == null) {
            if (f.ext().equals("eio")) {
                out.emit(UNPARSEABLE, p).data("reason", "eio").say("eio");
            } else if (f.type() == FileType.UNKNOWN && d.formats().contains(f.ext())) {
                out.emit(UNPARSEABLE, p).data("reason", "unknown_content").arg("ext", f.ext()).say("unknown_content");
            } else {
                out.emit(FORMAT, p).data("accepted", d.formats()).data("format", Wording.format(f))
                        .arg("formats", formats).arg("type", Wording.type(f)).say(f.type() == FileType.OFD ? "ofd" : null);
            }
            return false;
        }
        switch (t.status()) {
            case ENCRYPTED -> out.emit(ENCRYPTED, p).say();
            case TOO_COMPLEX -> out.emit(SharedCodes.TOO_COMPLEX, p).data("reason", t.detail()).say("inflate");
            case WORKS -> out.emit(UNPARSEABLE, p).data("reason", "works").say("works");
            case UNPARSEABLE -> {
                boolean wpsBlock = t.detail().contains("Block") && t.detail().contains("not found");
                out.emit(UNPARSEABLE, p).data("reason", t.detail()).say(wpsBlock ? "wps_block" : "damaged");
            }
            case OK -> {
                if (d.formats().contains(f.ext()) || d.formats().contains(t.format())) return true;
                out.emit(FORMAT, p).data("accepted", d.formats()).data("format", f.ext()).arg("formats", formats).say("extension");
            }
        }
        return false;
    }
}
