package cn.evcheck.check.report;

import cn.evcheck.check.*;
import cn.evcheck.model.Code;
import cn.evcheck.model.Severity;

import java.util.List;

/**
 * Resident ID numbers (valid check digit) and mobile numbers in a report — in its body, headers and
 * footers, text boxes or notes — would be published with it.
 */
public final class PiiCheck implements Check {
    public static final Code PII = Code.of("report.pii", Severity.WARNING, Clauses.PUBLISHED);

    @Override
    public List<Code> codes() {
        return List.of(PII);
    }

    @Override
    public void run(Evidence ev, Results out) {
        for (Reports.Accepted r : Reports.accepted(ev, out)) {
            // The body and every other story a reader sees (headers and footers, text boxes, notes).
            List<String> pii = new java.util.ArrayList<>(r.file().text().pii());
            List<String> where = new java.util.ArrayList<>();
            if (!pii.isEmpty()) where.add("正文");
            for (cn.evcheck.inspect.TextFacts.Story st : r.file().text().stories()) {
                if (st.pii().isEmpty()) continue;
                pii.addAll(st.pii());
                where.add(st.where());
            }
            if (pii.isEmpty()) continue;
            out.emit(PII, r.file()).data("count", pii.size()).data("masked", pii).data("found_in", where)
                    .arg("shown", pii.subList(0, Math.min(3, pii.size()))).arg("where", new cn.evcheck.util.Messages.Localized(String.join("、", where),
                            String.join(", ", where.stream().map(PiiCheck::english).toList()))).say();
        }
    }

    private static String english(String story) {
        return switch (story) {
            case "正文" -> "the body";
            case "页眉页脚" -> "headers and footers";
            case "文本框" -> "text boxes";
            case "脚注尾注" -> "footnotes and endnotes";
            default -> story;
        };
    }
}
