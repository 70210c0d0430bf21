package cn.evcheck.report;

import cn.evcheck.model.Finding;
import cn.evcheck.model.Report;
import cn.evcheck.model.Severity;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Run in a small heap by {@link BigReportTest}: the demo report with {@code args[0]} extra findings
 * in its first item, rendered as Excel and HTML into {@code args[1]}.
 */
public final class BigReportMain {
    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        Report demo = ReportRuns.demoReport();
        Report.UnitResult u = demo.units().get(0);
        Report.ItemResult first = u.items().get(0);
        List<Finding> extra = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            extra.add(new Finding("photo.caption_missing", Severity.WARNING, u.name(), first.item().id(),
                    String.format("%s/图片/现场照片%06d.jpg", first.item().id(), i), null, Map.of(),
                    "图片缺少说明：请在图片说明表或图片属性中写明活动时间、地点、主办单位和主题", "caption missing"));
        }
        List<Finding> itemFindings = new ArrayList<>(first.findings());
        itemFindings.addAll(extra);
        List<Report.ItemResult> items = new ArrayList<>(u.items());
        items.set(0, new Report.ItemResult(first.item(), first.status(), first.filesByKind(), itemFindings, first.coverage()));
        List<Finding> all = new ArrayList<>(u.findings());
        all.addAll(extra);
        Report big = new Report(demo.toolVersion(), demo.rules(), demo.asOf(), demo.packagePath(),
                List.of(new Report.UnitResult(u.name(), u.path(), items, all, u.photos(), u.reports(), u.documents(),
                        u.duplicates(), u.filesInspected(), u.ocrMissed(), u.notApplicable(), u.skipped())), demo.codes());
        Path out = Path.of(args[1]);
        Files.write(out.resolve("report.xlsx"), XlsxRenderer.render(big, false, Grouping.ITEM));
        Files.writeString(out.resolve("report.html"), HtmlRenderer.render(big, false, Grouping.ITEM, Map.of()));
    }
}
