package cn.evcheck.check.photo;

import cn.evcheck.check.*;
import cn.evcheck.inspect.PdfFacts;
import cn.evcheck.model.Code;
import cn.evcheck.model.Severity;
import cn.evcheck.rules.Model.Item;
import cn.evcheck.rules.Model.Kind;

import java.util.List;

/** 也可统一制作成PDF上传: a page of a combined photo PDF that shows no image counts for nothing. */
public final class PdfPageCheck implements Check {
    public static final Code NO_IMAGE = Code.of("photo.page_without_image", Severity.WARNING, Clauses.PHOTOS);

    @Override
    public List<Code> codes() {
        return List.of(NO_IMAGE);
    }

    @Override
    public void run(Evidence ev, Results out) {
        for (Item item : ev.present()) {
            for (Placed p : ev.placed(item, Kind.PHOTOS)) {
                PdfFacts pdf = p.pdf();
                if (pdf == null || pdf.problem() != null) continue;
                for (PdfFacts.Page page : pdf.pages()) {
                    if (page.images() == 0) out.emit(NO_IMAGE, p).data("page", page.number()).say();
                }
            }
        }
    }
}
