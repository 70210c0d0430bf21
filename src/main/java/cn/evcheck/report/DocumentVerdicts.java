package cn.evcheck.report;

import cn.evcheck.model.DocumentRecord;
import cn.evcheck.model.Report.UnitResult;

import java.util.ArrayList;
import java.util.List;

/**
 * The verdict on each formal document, evaluation and scanned data table, laid out once for every
 * human-readable report: which page is its red-header page, its 文号 and where it was read, which
 * page is its seal page, and whether it proves what its material asks for. Layout only.
 */
final class DocumentVerdicts {
    private DocumentVerdicts() {}

    /** One document as the reports show it; every cell already worded. */
    record Row(String file, String pages, String redHeader, String number, String seal, String verdict, boolean proven) {}

    /** The documents of one item of a unit, in path order. */
    static List<DocumentRecord> of(UnitResult u, String item) {
        return u.documents().stream().filter(d -> d.item().equals(item)).toList();
    }

    static List<String> headers(boolean en) {
        return en ? List.of("Document", "Pages", "Red-header page", "Document number", "Seal page", "Verdict")
                : List.of("文件", "页数", "红头页", "文号", "盖章页", "结论");
    }

    static Row row(DocumentRecord d, boolean en) {
        String pages = String.valueOf(d.pages());
        String none = "—";
        String header = d.redHeader() == null ? none : name(d.redHeader().label(en));
        String seal = d.seal() == null ? none : name(d.seal().label(en));
        String number = none;
        if (d.number() != null) number = d.number() + (en ? " (" + source(d.numberSource(), true) + ")" : "（" + source(d.numberSource(), false) + "）");
        List<String> why = new ArrayList<>();
        if (d.substitute()) why.add(en ? "situation note in place of a classified document" : "作为涉密文件的情况说明");
        if (d.greyscale()) why.add(en ? "scanned without colour" : "黑白/灰度扫描");
        if (d.marks() != null) {
            why.add(switch (d.marks()) {
                case "marked" -> en ? "marked" : "已标注";
                case "none" -> en ? "no marks" : "未见标注";
                default -> en ? "marks not judgeable" : "标注无法判断";
            });
        }
        String verdict = (d.proven() ? (en ? "✓ proves the material" : "✓ 合格") : (en ? "✗ does not prove it" : "✗ 不合格"))
                + (why.isEmpty() ? "" : en ? " (" + String.join("; ", why) + ")" : "（" + String.join("；", why) + "）");
        String file = name(d.file()) + (d.files().size() > 1 ? (en ? " + " + (d.files().size() - 1) + " more" : " 等" + d.files().size() + "个文件") : "");
        return new Row(file, pages, header, number, seal, verdict, d.proven());
    }

    /** One line for a terminal or a list: "通知-1.jpg 等3个文件（3页）：红头页 通知-1.jpg · 文号 … · 盖章页 — · ✓ 合格". */
    static String line(DocumentRecord d, boolean en) {
        Row r = row(d, en);
        return en ? r.file() + " (" + r.pages() + (d.pages() == 1 ? " page" : " pages") + "): red-header page " + r.redHeader()
                + " · number " + r.number() + " · seal page " + r.seal() + " · " + r.verdict()
                : r.file() + "（" + r.pages() + "页）：红头页 " + r.redHeader() + " · 文号 " + r.number() + " · 盖章页 " + r.seal() + " · " + r.verdict();
    }

    private static String source(String s, boolean en) {
        return switch (s) {
            case "text" -> en ? "text" : "文字层";
            case "ocr" -> en ? "OCR" : "文字识别";
            case "sidecar" -> en ? "caption sheet" : "说明表";
            case "filename" -> en ? "file name" : "文件名";
            default -> s;
        };
    }

    /** The last segment of a path (with a page suffix kept). */
    private static String name(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }
}
