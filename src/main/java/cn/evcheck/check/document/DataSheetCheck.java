package cn.evcheck.check.document;

import cn.evcheck.check.*;
import cn.evcheck.model.Code;
import cn.evcheck.model.Severity;
import cn.evcheck.rules.Model.Item;
import cn.evcheck.rules.Model.Kind;

import java.util.List;

/**
 * A spreadsheet filed as a data table whose values evcheck cannot read: damaged, password-protected,
 * or without the 指标 and 数值 columns — its figures cannot be checked against the targets.
 */
public final class DataSheetCheck implements Check {
    public static final Code UNVERIFIABLE = Code.of("data.unverifiable", Severity.WARNING, Clauses.TARGETS);

    @Override
    public List<Code> codes() {
        return List.of(UNVERIFIABLE, SharedCodes.UNREADABLE, SharedCodes.ENCRYPTED);
    }

    @Override
    public void run(Evidence ev, Results out) {
        for (Item item : ev.present()) {
            if (!item.requires(Kind.DATA_TABLE)) continue;
            for (Placed p : ev.placed(item, Kind.DATA_TABLE)) {
                if (Evidence.isDocumentFile(p)) continue;   // a scan, not a sheet
                String why = p.sheet() == null ? "unreadable" : p.sheet().problem();
                if (why == null) continue;
                if (why.equals("no_header")) {
                    out.emit(UNVERIFIABLE, p).data("reason", why).say("no_header");
                } else if (why.equals("encrypted")) {
                    out.emit(SharedCodes.ENCRYPTED, p).say();
                } else {
                    out.emit(SharedCodes.UNREADABLE, p).data("reason", why).say("sheet");
                }
            }
        }
    }
}
