package cn.evcheck.check;

import cn.evcheck.rules.Describe;
import cn.evcheck.rules.Model.Item;
import cn.evcheck.rules.Model.Material;
import cn.evcheck.scan.FileEntry;
import cn.evcheck.scan.FileType;
import cn.evcheck.util.Messages;
import cn.evcheck.util.Messages.Localized;

import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/** Message arguments several checks write the same way. Pure. */
public final class Wording {
    private Wording() {}

    /** "JPG/JPEG" from [jpg, jpeg]. */
    public static String upper(List<String> formats) {
        return String.join("/", formats.stream().map(s -> s.toUpperCase(Locale.ROOT)).toList());
    }

    /** "2.31 MB". */
    public static String mb(long bytes) {
        // String.format's "%.2f" of the same value: a whole number of bytes over 2^20 is exact in binary and
        // in decimal, and is rounded half up at the hundredths (String.format parses its pattern each time:
        // a tenth of the time of judging 10,000 photos over the size limit).
        return new java.math.BigDecimal(bytes).divide(java.math.BigDecimal.valueOf(1048576), 2, java.math.RoundingMode.HALF_UP)
                .toPlainString() + " MB";
    }

    /** A size limit the way the upload rules write it: "2M" for 2,097,152 bytes, "500K", else bytes. */
    public static String limit(long bytes) {
        if (bytes % 1048576 == 0) return bytes / 1048576 + "M";
        if (bytes % 1024 == 0) return bytes / 1024 + "K";
        return bytes + "B";
    }

    /** What a file really is: its type's label ("PNG", "文本"), or its extension when unknown; the type name in English. */
    public static Localized type(FileEntry f) {
        if (f.type() != FileType.UNKNOWN) return new Localized(f.type().label, f.type().en);
        // Content of no format evcheck knows: said with the name's extension, which is all there is to go by
        // (the English said "UNKNOWN", the enum's name).
        return f.ext().isEmpty() ? new Localized("无法识别的无扩展名文件", "an unrecognised file without an extension")
                : new Localized("无法识别的 ." + f.ext() + " 文件", "an unrecognised ." + f.ext());
    }

    /** The data value naming a file's real format: its type, or its extension when unknown. */
    public static String format(FileEntry f) {
        return f.type() == FileType.UNKNOWN ? f.ext() : f.type().name().toLowerCase(Locale.ROOT);
    }

    /** What a material requires, in both languages. */
    public static Localized material(Material m, Item item) {
        return new Localized(Describe.material(m, item, false), Describe.material(m, item, true));
    }

    /** Everything an item requires, in both languages. */
    public static Localized needs(Item item) {
        StringJoiner zh = new StringJoiner("；");
        StringJoiner en = new StringJoiner("; ");
        for (Material m : item.materials()) {
            zh.add(Describe.material(m, item, false));
            en.add(Describe.material(m, item, true));
        }
        return new Localized(zh.toString(), en.toString());
    }

    /** "第3页：" before a message about one page of a PDF, else nothing. */
    public static Object where(Integer page) {
        return page == null ? "" : Messages.ref("where.page", "page", page);
    }
}
