package cn.evcheck.check.photo;

import cn.evcheck.check.*;
import cn.evcheck.inspect.PhotoFacts;
import cn.evcheck.model.Code;
import cn.evcheck.model.Severity;
import cn.evcheck.rules.Model.Item;

import java.util.List;

/** A photo too small for an assessor to see what it shows (long side under {@code min_long_side}). */
public final class PhotoResolutionCheck implements Check {
    public static final Code LOW_RESOLUTION = Code.of("photo.low_resolution", Severity.WARNING, Clauses.PHOTOS);

    @Override
    public List<Code> codes() {
        return List.of(LOW_RESOLUTION);
    }

    @Override
    public void run(Evidence ev, Results out) {
        int min = ev.rules().defaults().photo().minLongSide();
        for (Item item : ev.present()) {
            for (Photo ph : ev.photos(item)) {
                if (!ph.readable() || ph.page() != null) continue;
                PhotoFacts pf = ph.file().photo();
                if (Math.max(pf.width(), pf.height()) >= min) continue;
                out.emit(LOW_RESOLUTION, ph.file()).data("height", pf.height()).data("min_long_side", min).data("width", pf.width()).say();
            }
        }
    }
}
