package cn.evcheck.model;

import java.util.LinkedHashMap;
import java.util.Map;

/** The stable finding codes (PRODUCT.md §5): what each means and how a clerk fixes it. */
public final class Codes {
    private Codes() {}

    public record Entry(String zhMeaning, String zhFix, String enMeaning, String enFix) {}

    public static final Map<String, Entry> ALL = new LinkedHashMap<>();

    private static void e(String code, String zm, String zf, String em, String ef) {
        ALL.put(code, new Entry(zm, zf, em, ef));
    }

    static {
        e("item.missing", "要求申报的条目没有文件夹或没有任何材料", "新建以条目编号开头的文件夹（可用 evcheck init 生成），放入所需材料",
                "a required item has no folder or no material", "create a folder whose name starts with the item id (evcheck init makes them) and add the material");
        e("material.missing", "条目缺少某一类要求的材料（图片、正式发文、部门评价、数据表格）", "按要求补充该类材料，放入对应的角色文件夹",
                "an item lacks a required kind of material", "add that material, in its role folder");
        e("file.unassigned", "文件不属于任何条目或角色，不会被采用", "移到以条目编号开头的文件夹及正确的角色文件夹（图片/说明报告/正式发文…）中，或删除",
                "a file belongs to no item or role", "move it into an item folder and role folder, or remove it");
        e("file.unreadable", "文件无法读取（权限、网络盘故障等）", "检查文件权限，重新复制文件", "the file cannot be read", "check permissions, copy it again");
        e("file.empty", "文件为 0 字节", "重新导出或复制文件", "the file is zero bytes", "export or copy it again");
        e("file.type_mismatch", "文件内容与扩展名不符（如 PNG 改名为 .jpg）", "用图片软件另存为真正的 JPG，或用 Word/WPS 另存为正确格式",
                "the content is not what the extension says", "re-save it in the right format rather than renaming");
        e("photo.format", "图片不是 JPG/JPEG 格式", "转换为 JPG 格式", "the photo is not JPG/JPEG", "convert it to JPG");
        e("photo.too_large", "图片超过 2M（2,097,152 字节）", "压缩图片或降低分辨率后再上传", "the photo exceeds 2M", "compress or resize it");
        e("photo.near_limit", "图片接近 2M 上限（2,000,001–2,097,152 字节），按十进制计算的系统可能拒收", "稍作压缩",
                "the photo is close to the 2M limit", "compress it a little");
        e("photo.corrupt", "图片损坏、被截断或无法解码", "从原始照片重新导出", "the photo is corrupt or truncated", "export it again from the original");
        e("photo.caption_missing", "图片没有说明文字", "在图片说明表（图片说明.xlsx/csv）或图片属性“标题/备注”中填写说明",
                "the photo has no caption", "add a caption in the sidecar (图片说明.xlsx/csv) or the photo's Title/Comments");
        e("photo.caption_field_missing", "图片说明缺少规定要素（如活动时间、地点、主办单位、主题）", "补全说明，如“时间：2019年3月5日 地点：… 主办单位：… 主题：…”",
                "the caption lacks a required field", "complete it, e.g. 时间：… 地点：… 主办单位：… 主题：…");
        e("photo.undated", "无法确定活动日期，不计入任何期间", "在说明中写明活动日期，或在文件名中加日期（如 2019-03-05）",
                "no activity date; not counted", "state the date in the caption or the file name");
        e("photo.date_conflict", "说明日期与拍摄日期（EXIF）相差一天以上", "核实并更正说明中的日期，或换用当期照片",
                "caption date and EXIF date differ by more than a day", "check and correct the caption date");
        e("photo.out_of_period", "活动日期在申报期间之外，不计数", "换用申报期间内的照片", "the activity date is outside the period", "use photos from the period");
        e("photo.duplicate", "同一张或几乎相同的图片重复使用", "每期使用不同的活动照片", "the same image is used more than once", "use a different photo");
        e("photo.low_resolution", "图片分辨率过低", "使用原图", "the photo's resolution is too low", "use the original");
        e("photo.gps", "图片含 GPS 位置信息，会随图片公开", "导出时去除位置信息", "the photo carries GPS coordinates", "strip the location");
        e("photo.category_unknown", "图片所在文件夹不是本条目的类别，不计入任何类别", "把图片移到以类别命名的文件夹（如“关爱空巢老人”）",
                "the photo's folder names no category of the item", "move it into a folder named after its category");
        e("coverage.gap", "某一期间（月、两月、年、节日）某类别的图片数量不足", "补充该期间该类别的活动照片",
                "a period × category has fewer photos than required", "add photos of that period and category");
        e("coverage.pending", "当前期间尚未结束，数量暂不足（提示）", "在期间结束前补齐", "the current period is still running", "complete it before the period ends");
        e("report.missing", "缺少说明报告（或缺少某年度/某类别的报告）", "按要求撰写说明报告，文件名中写明年度或类别",
                "a report (or a year's or category's report) is missing", "write it; put the year or category in its file name");
        e("report.format", "说明报告不是 WORD/WPS/永中格式（如 PDF、TXT）", "另存为 docx", "the report is not a Word/WPS/Yozo file", "save it as docx");
        e("report.unparseable", "无法读取报告内容（文件损坏、WPS 非标准 DOC、永中 .eio 等）", "用 Word 或 WPS 另存为 docx",
                "the report cannot be read", "re-save it as docx");
        e("report.encrypted", "报告设置了密码", "取消密码后另存", "the report is password-protected", "remove the password");
        e("report.too_short", "字数低于要求范围（默认为要求字数的 80%）", "补充内容", "fewer words than the band allows", "write more");
        e("report.too_long", "字数高于要求范围（默认为要求字数的 150%）", "精简内容", "more words than the band allows", "shorten it");
        e("report.unexpected", "报告不属于本条目要求的年度或类别，或标题年份与文件名不一致", "核对年度或类别，改正文件名或标题",
                "a report for a year or category the item does not ask for, or a title year that disagrees", "check the year or category");
        e("report.duplicate", "同一年度或类别有两份以上报告", "只保留一份", "two or more reports for one year or category", "keep one");
        e("report.signature", "报告有单位落款或公章，说明报告不需要", "删除落款和公章", "the report carries a signature or seal it does not need", "remove them");
        e("report.revisions", "报告留有修订痕迹或批注，将被公开", "接受所有修订并删除批注", "tracked changes or comments are left", "accept changes, delete comments");
        e("report.pii", "报告含身份证号或手机号", "删除或打码", "the report contains ID-card or phone numbers", "remove or mask them");
        e("doc.red_header_missing", "正式发文扫描件没有红头", "扫描正式发文的红头页", "the document scan shows no red header", "scan the red-header page");
        e("doc.number_missing", "正式发文没有文号", "扫描含文号的红头页", "the document has no document number", "scan the page with the number");
        e("doc.number_nonstandard", "文号写法不规范（应为 机关代字〔2019〕5号）", "按 GB/T 9704 写法更正", "the document number is non-standard", "use 机关代字〔年份〕序号号");
        e("doc.seal_missing", "部门评价或数据表格没有公章", "扫描盖章页", "no seal on the evaluation or data table", "scan the sealed page");
        e("doc.format", "正式发文、部门评价或数据表格的格式不被接受", "扫描为 JPG 或 PDF", "the document's format is not accepted", "scan it as JPG or PDF");
        e("doc.encrypted", "文件已加密", "取消加密", "the document is encrypted", "remove the encryption");
        e("data.value_missing", "数据表格中没有该指标的数值", "在数据表格中填写该指标", "the indicator has no value in the data table", "fill it in");
        e("data.target_missed", "指标数值未达到目标值", "核实数据，或说明原因", "the value misses its target", "check the figure");
        e("file.too_complex", "文件解压后过大或结构异常（压缩炸弹等），已拒绝处理", "重新导出为普通文件", "refused: decompression bomb or over budget", "export it again");
        e("secret.marking", "文件含密级标志（秘密/机密/绝密★…），涉密文件不得通过网上申报系统上传", "立即移出材料包，改用工作情况说明",
                "a secrecy marking — classified files must never be uploaded", "remove it at once; upload a plain work summary instead");
    }
}
