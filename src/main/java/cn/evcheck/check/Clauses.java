package cn.evcheck.check;

/**
 * The requirements the checks enforce, quoted from the responsibility lists (shared/seeds) with
 * their source, for the code registry: {@code evcheck explain}, the SARIF rule list and the
 * README code table show them.
 */
public final class Clauses {
    private Clauses() {}

    private static final String GANYU = "赣卫〔2020〕44号 网上申报部分 二：";

    public static final String FORMATS = GANYU + "网上报送材料的格式包括图片资料、正式发文、部门评价、说明报告、数据表格";
    public static final String PHOTOS = GANYU + "每张图片制作成JPG或JPEG格式、容量不能大于2M，可以单个图片逐一上传，也可统一制作成PDF上传";
    public static final String PHOTO_COUNTS = GANYU + "图片数量要求测评时在“网上申报系统”上统一发布；各条目的网上申报具体要求（如“每类每月至少提供1张图片”）";
    public static final String CAPTIONS = "赣卫〔2020〕44号 网上申报具体要求：每张图片需注明时间、地点、主办单位、主题等（各条目列明的要素）";
    public static final String PERIOD = "赣卫〔2020〕44号 网上申报具体要求：说明2018年以来开展活动情况（各条目的年份和期间）";
    public static final String FORMAL_DOC = GANYU + "正式发文需扫描正式发文的红头页(需要文号)制作成图片格式上报，文件内容可与红头页一起制作成PDF文件上传，也可以WORD、WPS或永中格式上传";
    public static final String MARKED = GANYU + "对于要求“提供反映某某工作的相关正式发文”，不需专门发文，可提供对这项工作进行安排部署的相关正式发文，并将相关工作情况在文件中作出标注";
    public static final String SCAN = GANYU + "正式发文需扫描正式发文的红头页…制作成图片格式上报；省级主管部门评价意见…需要提供红头页和盖章页（红头和公章须看得出红色）";
    public static final String DEPT_EVAL = GANYU + "省级主管部门评价意见不需要文号，需要提供红头页和盖章页";
    public static final String DATA_TABLE = "株洲市石峰区2017创文社会事业发展专业组责任分工（三）：统计表格从“网上申报系统”下载模板进行填写，加盖市级相关主管部门公章，扫描制作成图片格式文件上传";
    public static final String TARGETS = "各条目的数值指标（如赣卫〔2020〕44号：临床用血100%来自自愿无偿献血，或千人口献血人次＞10；滨海新区巩固国家卫生区主要指标）";
    public static final String REPORT = GANYU + "说明报告要按照字数要求写出文字说明，以WORD、WPS或永中格式上传，不需要单位落款和加盖公章";
    public static final String SECRET = GANYU + "涉密文件不得通过“网上申报系统”上传，可以WORD、WPS或永中格式将有关工作情况说明上报";
    public static final String FALSIFIED = "赣卫〔2020〕44号 负面清单 I30：在中央文明办组织的测评暗访中，存在隐瞒事实、弄虚作假问题";
    public static final String MATERIALS = "赣卫〔2020〕44号：请对照网上申报任务清单要求，序时开展相关活动，及时做好台账资料收集整理";
    public static final String PACKAGE = "evcheck 材料包约定（PRODUCT.md §3）：条目文件夹以条目编号开头，角色文件夹区分图片、说明报告、正式发文、部门评价、数据表格";
    public static final String OPENABLE = "evcheck：网上申报系统和评审只能使用完整、可打开的文件";
    public static final String PUBLISHED = "赣卫〔2020〕44号 网上申报部分 一：网上申报的材料在“网上申报系统”上报送和发布";
}
