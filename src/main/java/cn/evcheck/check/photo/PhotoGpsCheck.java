package cn.evcheck.check.photo;

import cn.evcheck.check.*;
import cn.evcheck.model.Code;
import cn.evcheck.model.Severity;
import cn.evcheck.rules.Model.Item;

import java.util.List;

/** GPS coordinates in a photo are published with it on the upload system (a note, not a fault). */
public final class PhotoGpsCheck implements Check {
    public static final Code GPS = Code.of("photo.gps", Severity.INFO, Clauses.PUBLISHED);

    @Override
    public List<Code> codes() {
        return List.of(GPS);
    }

    @Override
    public void run(Evidence ev, Results out) {
        for (Item item : ev.present()) {
            for (Photo ph : ev.photos(item)) {
                if (ph.readable() && ph.page() == null && ph.file().photo().gps()) out.emit(GPS, ph.file()).say();
            }
        }
    }
}
