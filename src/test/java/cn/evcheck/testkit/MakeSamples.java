package cn.evcheck.testkit;

import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.awt.*;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the demo package under {@code samples/青口中心卫生院}. Run once and commit the result:
 * {@code java -cp target/test-classes:target/evcheck.jar cn.evcheck.testkit.MakeSamples samples}
 */
public final class MakeSamples {
    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : "samples").resolve("青口中心卫生院");
        Pkg p = new Pkg(root);
        p.text("evcheck.yaml", "rules: ../demo-rules.yaml\nas_of: 2018-06-30\nunit: 青口中心卫生院\n");

        // III-15-2-1 关爱志愿服务: two categories, a report each, a photo each month.
        String v = "III-15-2-1 关爱空巢老人等志愿服务/";
        p.file(v + "说明报告/关爱空巢老人.docx", Docs.docx("关爱空巢老人志愿服务情况说明", Docs.prose(318)));
        p.file(v + "说明报告/留守儿童.docx", Docs.docx("关爱留守儿童志愿服务情况说明", Docs.prose(140)));
        Jpegs.Exif xp = new Jpegs.Exif();
        xp.xpComment = "时间：2018年1月18日 单位：青口中心卫生院 服务对象：空巢老人 关爱内容：上门测量血压、送医送药";
        byte[] visit = Jpegs.withMetadata(photo(11), xp, null, null);
        p.file(v + "图片/关爱空巢老人/上门送医.jpg", visit);
        // May had no photo, so someone re-saved January's at a smaller size: a near-duplicate.
        BufferedImage jan = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(visit));
        BufferedImage small = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        small.createGraphics().drawImage(jan, 0, 0, 640, 480, null);
        p.file(v + "图片/关爱空巢老人/2018-05-20 青口中心卫生院志愿者上门送医送药.jpg", Jpegs.encode(small, 0.8f));
        Jpegs.Exif gbk = new Jpegs.Exif().description("2018年2月9日，青口中心卫生院志愿者走访空巢老人，为老人义诊", Charset.forName("GBK"));
        gbk.dateTimeOriginal = "2018:02:09 10:12:00";
        p.file(v + "图片/关爱空巢老人/春节走访.jpg", Jpegs.withMetadata(photo(12), gbk, null, null));
        p.file(v + "图片/关爱空巢老人/DSC_0315.jpg", Jpegs.withMetadata(photo(13), new Jpegs.Exif().date("2018:03:21 15:02:00"), null, null));
        p.file(v + "图片/关爱空巢老人/2018-04-12 青口中心卫生院志愿者看望空巢老人.jpg", photo(14));
        p.file(v + "图片/关爱空巢老人/IMG_0001.jpg", Jpegs.withMetadata(photo(15), new Jpegs.Exif().date("2018:06:05 09:30:00"), null, null));
        p.file(v + "图片/关爱空巢老人/图片说明.xlsx", xlsx(new String[][]{
                {"文件名", "图片说明"},
                {"DSC_0315.jpg", "时间：2018年3月21日 单位：青口中心卫生院 服务对象：空巢老人 关爱内容：健康讲座"}}));
        Jpegs.Exif kid = new Jpegs.Exif();
        kid.xpTitle = "2018年1月25日，青口中心卫生院志愿者为留守儿童开展健康体检";
        kid.dateTimeOriginal = "2017:12:30 16:20:00";   // the camera disagrees: a date conflict
        p.file(v + "图片/留守儿童/健康体检.jpg", Jpegs.withMetadata(photo(21), kid, null, null));
        p.file(v + "图片/留守儿童/心理辅导.jpg", photo(22));
        p.text(v + "图片/留守儿童/图片说明.csv", "文件名,图片说明\n心理辅导.jpg,时间：2018年3月8日 单位：青口中心卫生院 服务对象：留守儿童 关爱内容：心理健康辅导\n");
        p.file(v + "图片/留守儿童/学雷锋.jpg", Jpegs.png(800, 600));   // a PNG renamed .jpg

        // III-65-2-2 自救互救培训: one photo every two months.
        String t = "III-65-2-2 自救互救培训/";
        p.file(t + "图片/2018-02-27 心肺复苏培训.jpg", Jpegs.withMetadata(photo(31), null, null,
                "时间：2018年2月27日 主办单位：青口中心卫生院 主题：心肺复苏自救互救培训"));
        Jpegs.Exif gps = new Jpegs.Exif();
        gps.gps = new double[]{34.84, 119.12};
        p.file(t + "图片/2018-05-16 急救知识进社区.jpg", Jpegs.withMetadata(photo(32), gps,
                "2018年5月16日，青口中心卫生院在青口镇文化广场开展急救知识进社区培训", null));

        // III-11-1-2 我们的节日: three photos per festival per year.
        String f = "III-11-1-2 我们的节日/";
        for (int i = 1; i <= 3; i++) {
            p.file(f + "图片/春节/2018-02-1" + (i + 1) + " 春节慰问" + i + ".jpg", photo(40 + i));
        }
        p.text(f + "图片/春节/图片说明.csv", "文件名,图片说明\n"
                + "2018-02-12 春节慰问1.jpg,时间：2018年2月12日 主办单位：青口中心卫生院 主题：“我们的节日·春节”送温暖\n"
                + "2018-02-13 春节慰问2.jpg,时间：2018年2月13日 主办单位：青口中心卫生院 主题：“我们的节日·春节”义诊\n"
                + "2018-02-14 春节慰问3.jpg,时间：2018年2月14日 主办单位：青口中心卫生院 主题：“我们的节日·春节”写春联\n");
        p.file(f + "图片/清明节/2018-04-04 清明文明祭扫宣传.jpg", Jpegs.withMetadata(photo(45), null, null,
                "时间：2018年4月4日 主办单位：青口中心卫生院 主题：清明文明祭扫宣传"));

        // III-31-1-2 信用体系建设: one report per year.
        p.file("III-31-1-2 信用体系建设/说明报告/2018年信用信息系统建设情况.docx",
                Docs.docx("2018年青口中心卫生院信用信息系统建设情况", Docs.prose(500)));

        // III-60-1-1 区域卫生规划: the red-header page of a formal document.
        p.file("III-60-1-1 区域卫生规划/正式发文/赣卫发〔2018〕12号 红头页.jpg", Jpegs.encode(
                Scans.redHeader(60, Scans.Header.of("连云港市赣榆区卫生健康委员会文件").number("赣卫发〔2018〕12号")
                        .dpi(100).rotate(0.8).noise(4)).image(), 0.6f));

        // A file a clerk forgot to sort.
        p.file("新建文件夹/扫描0001.jpg", photo(99));
    }

    static byte[] photo(long seed) {
        return Jpegs.image(800, 600, seed, 0.5f);
    }

    static byte[] xlsx(String[][] rows) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet s = wb.createSheet("图片说明");
            for (int r = 0; r < rows.length; r++) {
                var row = s.createRow(r);
                for (int c = 0; c < rows[r].length; c++) row.createCell(c).setCellValue(rows[r][c]);
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    private MakeSamples() {}
}
