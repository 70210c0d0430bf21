package cn.evcheck.check.photo;

import cn.evcheck.check.*;
import cn.evcheck.model.Code;
import cn.evcheck.model.Severity;
import cn.evcheck.rules.Model.Item;
import cn.evcheck.rules.Model.Kind;
import cn.evcheck.rules.Model.PhotoDefaults;
import cn.evcheck.scan.FileType;
import cn.evcheck.scan.Formats;

import java.util.List;

/**
 * 每张图片制作成JPG或JPEG格式: a photo that is not a real JPEG (PNG, HEIC, a document scan …), or
 * whose extension the rule set does not accept, cannot be uploaded and is not counted. A JPEG
 * renamed to another extension, or another format renamed .jpg, is reported once, as a type
 * mismatch; combined photo PDFs are judged page by page elsewhere.
 */
public final class PhotoFormatCheck implements Check {
    public static final Code FORMAT = Code.of("photo.format", Severity.ERROR, Clauses.PHOTOS);

    @Override
    public List<Code> codes() {
        return List.of(FORMAT);
    }

    @Override
    public Phase phase() {
        return Phase.ACCEPT;
    }

    @Override
    public void run(Evidence ev, Results out) {
        PhotoDefaults d = ev.rules().defaults().photo();
        for (Item item : ev.present()) {
            for (Placed p : ev.placed(item, Kind.PHOTOS)) {
                FileType t = p.f().type();
                if (t == FileType.PDF) continue;
                if (t != FileType.JPEG) {
                    out.reject(p);
                    if (Formats.expectedType(p.f().ext()) != FileType.JPEG) {
                        out.emit(FORMAT, p).data("accepted", d.formats()).data("format", Wording.format(p.f()))
                                .arg("type", Wording.type(p.f())).arg("formats", Wording.upper(d.formats()))
                                .say(t == FileType.OFD ? "ofd" : null);
                    }
                } else if (!d.formats().contains(p.f().ext())) {
                    out.reject(p);
                    out.emit(FORMAT, p).data("accepted", d.formats()).data("format", p.f().ext())
                            .arg("first", d.formats().get(0)).say("extension");
                }
            }
        }
    }
}
