package cn.evcheck.check.photo;

import cn.evcheck.check.*;
import cn.evcheck.model.Code;
import cn.evcheck.model.Severity;
import cn.evcheck.rules.Model.Each;
import cn.evcheck.rules.Model.Item;
import cn.evcheck.rules.Model.Kind;
import cn.evcheck.rules.Model.Material;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * 每类…: a photo of a per-category requirement counts only in its category folder (关爱空巢老人/ …);
 * one filed directly in the photo folder, or under a folder naming no category, counts for none.
 */
public final class CategoryCheck implements Check {
    public static final Code UNKNOWN = Code.of("photo.category_unknown", Severity.WARNING, Clauses.PHOTO_COUNTS);

    @Override
    public List<Code> codes() {
        return List.of(UNKNOWN);
    }

    @Override
    public void run(Evidence ev, Results out) {
        for (Item item : ev.present()) {
            Set<String> reported = new HashSet<>();
            for (Material m : item.materials()) {
                if (m.kind() != Kind.PHOTOS || m.each() != Each.CATEGORY || ev.photos(item).isEmpty()) continue;
                List<String> categories = ev.categories(item, m);
                for (Photo ph : ev.photos(item)) {
                    if (ph.category() != null && categories.contains(ph.category())) continue;
                    if (!reported.add(ph.rel())) continue;
                    String folder = ph.file().f().otherFolder();
                    Results.Emit e = out.emit(UNKNOWN, ph.file());
                    if (folder != null) e.data("folder", folder);
                    e.arg("categories", categories).say(folder == null ? "no_folder" : "folder");
                }
            }
        }
    }
}
