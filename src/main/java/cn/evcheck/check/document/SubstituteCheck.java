package cn.evcheck.check.document;

import cn.evcheck.check.*;
import cn.evcheck.model.Code;
import cn.evcheck.model.Severity;
import cn.evcheck.rules.Model.Kind;

import java.util.List;
import java.util.Set;

/**
 * 涉密文件不得通过“网上申报系统”上传，可以WORD、WPS或永中格式将有关工作情况说明上报: a Word-family file
 * named or titled 情况说明 in a formal-document folder stands in for a classified document. It is
 * accepted, not failed for lacking a red header and 文号 — and the clerk is asked to confirm that
 * this is why.
 */
public final class SubstituteCheck implements Check {
    public static final Code SUBSTITUTE = Code.of("doc.classified_substitute", Severity.INFO, Clauses.SECRET);

    @Override
    public List<Code> codes() {
        return List.of(SUBSTITUTE);
    }

    @Override
    public Phase phase() {
        return Phase.UNIT;
    }

    @Override
    public void run(Evidence ev, Results out) {
        Documents.each(ev, Set.of(Kind.FORMAL_DOC), (item, m, d, enough) -> {
            if (d.substitute()) out.emit(SUBSTITUTE, d.first()).say();
        });
    }
}
