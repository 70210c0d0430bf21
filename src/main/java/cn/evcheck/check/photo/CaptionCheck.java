package cn.evcheck.check.photo;

import cn.evcheck.check.*;
import cn.evcheck.model.Code;
import cn.evcheck.model.Severity;
import cn.evcheck.rules.Model.CaptionField;
import cn.evcheck.rules.Model.Item;
import cn.evcheck.rules.Model.Kind;
import cn.evcheck.rules.Model.Material;
import cn.evcheck.util.Messages.Localized;

import java.util.List;

/**
 * 每张图片需注明…: a photo whose requirement lists caption fields must have a caption (caption
 * sheet, photo properties, or a descriptive file name), and the caption must state each field.
 */
public final class CaptionCheck implements Check {
    public static final Code MISSING = Code.of("photo.caption_missing", Severity.ERROR, Clauses.CAPTIONS);
    public static final Code FIELD_MISSING = Code.of("photo.caption_field_missing", Severity.WARNING, Clauses.CAPTIONS);

    @Override
    public List<Code> codes() {
        return List.of(MISSING, FIELD_MISSING);
    }

    @Override
    public void run(Evidence ev, Results out) {
        for (Item item : ev.present()) {
            Material m = Evidence.material(item, Kind.PHOTOS);
            if (m == null || m.caption().isEmpty()) continue;
            for (Photo ph : ev.photos(item)) {
                if (!ph.readable()) continue;
                if (ph.captions().isEmpty()) {
                    Results.Emit e = out.emit(MISSING, ph.file());
                    if (ph.page() != null) e.data("page", ph.page());
                    e.data("required", m.caption().stream().map(CaptionField::key).toList())
                            .arg("where", Wording.where(ph.page()))
                            .arg("fields", m.caption().stream().map(f -> new Localized(f.zh, f.en)).toList()).say();
                    continue;
                }
                for (CaptionField cf : m.caption()) {
                    if (ph.parsed().has(cf)) continue;
                    Results.Emit e = out.emit(FIELD_MISSING, ph.file());
                    if (ph.page() != null) e.data("page", ph.page());
                    e.data("field", cf.key()).data("caption_source", ph.captions().get(0).source())
                            .arg("where", Wording.where(ph.page())).arg("label", new Localized(cf.zh, cf.en)).say();
                }
            }
        }
    }
}
