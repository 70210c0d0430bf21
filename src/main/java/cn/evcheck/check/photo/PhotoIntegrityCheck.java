package cn.evcheck.check.photo;

import cn.evcheck.check.*;
import cn.evcheck.inspect.PdfFacts;
import cn.evcheck.inspect.PhotoFacts;
import cn.evcheck.model.Code;
import cn.evcheck.model.Severity;
import cn.evcheck.rules.Model.Item;
import cn.evcheck.rules.Model.Kind;
import cn.evcheck.scan.FileType;
import cn.evcheck.scan.Formats;
import cn.evcheck.util.Messages.Localized;

import java.util.List;

/**
 * A photo that cannot be shown: a truncated or broken JPEG (found from its markers), a file named
 * .jpg whose content is no image format at all, a header
 * declaring more pixels than a photo has (a decompression bomb, never decoded), or a combined
 * photo PDF that is damaged, password-protected or over the limits. Not counted.
 */
public final class PhotoIntegrityCheck implements Check {
    public static final Code CORRUPT = Code.of("photo.corrupt", Severity.ERROR, Clauses.PHOTOS);

    @Override
    public List<Code> codes() {
        return List.of(CORRUPT, SharedCodes.TOO_COMPLEX, SharedCodes.ENCRYPTED);
    }

    @Override
    public Phase phase() {
        return Phase.ACCEPT;
    }

    @Override
    public void run(Evidence ev, Results out) {
        for (Item item : ev.present()) {
            for (Placed p : ev.placed(item, Kind.PHOTOS)) {
                if (p.f().type() == FileType.JPEG) jpeg(p, out);
                else if (p.f().type() == FileType.PDF) pdf(p, out);
                else if (p.f().type() == FileType.UNKNOWN && Formats.expectedType(p.f().ext()) == FileType.JPEG) {
                    // Named .jpg, but no image format at all (a video, a broken header …): nothing else reports it.
                    out.reject(p);
                    out.emit(CORRUPT, p).data("reason", "unknown_content").arg("why", new Localized(corruptZh("unknown_content"),
                            "not an image: its content is no known format")).say();
                }
            }
        }
    }

    private static void jpeg(Placed p, Results out) {
        PhotoFacts pf = p.photo();
        if (pf != null && pf.tooComplex()) {
            out.reject(p);
            boolean progressive = PhotoFacts.PROGRESSIVE.equals(pf.problem());
            out.emit(SharedCodes.TOO_COMPLEX, p).data("height", pf.height()).data("width", pf.width())
                    .data("limit", progressive ? "progressive_memory" : "pixels").say(progressive ? "progressive" : "pixels");
        } else if (pf == null || pf.problem() != null) {
            out.reject(p);
            String why = pf == null ? "unknown" : pf.problem();
            out.emit(CORRUPT, p).data("reason", why).arg("why", new Localized(corruptZh(why), why)).say();
        }
    }

    private static void pdf(Placed p, Results out) {
        PdfFacts pdf = p.pdf();
        if (pdf != null && pdf.problem() == null) return;
        out.reject(p);
        String problem = pdf == null ? "unparseable" : pdf.problem();
        switch (problem) {
            case "encrypted" -> out.emit(SharedCodes.ENCRYPTED, p).say("photos");
            case "too_complex" -> out.emit(SharedCodes.TOO_COMPLEX, p).data("reason", pdf.detail()).say("pdf");
            default -> out.emit(CORRUPT, p).data("reason", pdf == null ? "unknown" : pdf.detail()).say("pdf");
        }
    }

    private static String corruptZh(String why) {
        return switch (why) {
            case "truncated" -> "文件被截断，缺少结束标记";
            case "no_soi", "bad_marker" -> "文件结构错误";
            case "no_frame", "no_scan" -> "没有图像数据";
            case "unknown_content" -> "内容不是任何图片格式";
            default -> "无法解析";
        };
    }
}
