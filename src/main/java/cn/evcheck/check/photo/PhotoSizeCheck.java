package cn.evcheck.check.photo;

import cn.evcheck.check.*;
import cn.evcheck.model.Code;
import cn.evcheck.model.Severity;
import cn.evcheck.rules.Model.Item;
import cn.evcheck.rules.Model.PhotoDefaults;

import java.util.List;

/**
 * 容量不能大于2M: a photo over the rule set's {@code max_bytes} is refused by the upload system
 * and not counted; one just under it is a warning, since a server counting in decimal may
 * refuse it too.
 */
public final class PhotoSizeCheck implements Check {
    public static final Code TOO_LARGE = Code.of("photo.too_large", Severity.ERROR, Clauses.PHOTOS);
    public static final Code NEAR_LIMIT = Code.of("photo.near_limit", Severity.WARNING, Clauses.PHOTOS);

    @Override
    public List<Code> codes() {
        return List.of(TOO_LARGE, NEAR_LIMIT);
    }

    @Override
    public Phase phase() {
        return Phase.ACCEPT;
    }

    @Override
    public void run(Evidence ev, Results out) {
        PhotoDefaults d = ev.rules().defaults().photo();
        String limit = Wording.limit(d.maxBytes());
        for (Item item : ev.present()) {
            for (Photo ph : ev.photos(item)) {
                if (!ph.readable() || ph.page() != null) continue;
                long size = ph.file().f().size();
                if (size > d.maxBytes()) {
                    out.reject(ph.file());
                    out.emit(TOO_LARGE, ph.file()).data("bytes", size).data("max_bytes", d.maxBytes())
                            .arg("size", Wording.mb(size)).arg("limit", limit).say();
                } else if (size >= d.nearLimitBytes()) {
                    out.emit(NEAR_LIMIT, ph.file()).data("bytes", size).data("max_bytes", d.maxBytes()).arg("limit", limit).say();
                }
            }
        }
    }
}
