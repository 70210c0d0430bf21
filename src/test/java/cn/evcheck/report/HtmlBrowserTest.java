package cn.evcheck.report;

import cn.evcheck.model.*;
import cn.evcheck.model.Report.ItemResult;
import cn.evcheck.model.Report.Status;
import cn.evcheck.model.Report.UnitResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.*;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static cn.evcheck.report.ReportRuns.*;
import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The demo's report.html opened by a real browser: headless Chromium (Debian package
 * {@code chromium}) runs its script, and the test reads the DOM it leaves (summary, items,
 * calendar cells, the filter counters, a filter set from the URL fragment), takes a screenshot
 * and checks that no script error or console message occurred. Skipped, visibly, when Chromium
 * is not installed. With -Devcheck.updateGolden=true the screenshot also replaces docs/report.png.
 */
class HtmlBrowserTest {
    static Path chromium;
    static Path dir;
    static Report report;
    static String dom;
    static String filtered;
    static String grouped;
    static String log;
    static Path shot;

    /** Records script errors on the page itself, before the report's own script runs. */
    static final String ONERROR = "<script>window.onerror=function(m){var d=document.documentElement;"
            + "d.setAttribute('data-js-errors',(d.getAttribute('data-js-errors')||'')+m+';');};</script>";

    @BeforeAll
    static void openInChromium() throws Exception {
        chromium = Tools.find("chromium", "chromium-browser", "google-chrome");
        assumeTrue(chromium != null, "SKIPPED: headless Chromium not found on PATH (Debian: apt-get install chromium); "
                + "the HTML report is not checked in a browser");
        report = demoReport();
        Path out = run(demoArgs("--format", "html"));
        dir = Files.createTempDirectory("evcheck-chromium-");
        String html = read(out.resolve("report.html"));
        Path page = dir.resolve("report.html");
        Files.writeString(page, html.replaceFirst("<head>", "<head>" + Matcher.quoteReplacement(ONERROR)), StandardCharsets.UTF_8);
        String url = page.toUri().toString();

        Tools.Result r = chrome(List.of("--enable-logging=stderr", "--v=0", "--dump-dom", url));
        assertEquals(0, r.code(), r.err());
        dom = r.out();
        log = r.err();
        Tools.Result f = chrome(List.of("--dump-dom", url + "#lead=" + enc("卫生应急办公室") + "&sev=error"));
        assertEquals(0, f.code(), f.err());
        filtered = f.out();
        Path byDept = run(demoArgs("--format", "html", "--group-by", "department")).resolve("report.html");
        Tools.Result d = chrome(List.of("--dump-dom", byDept.toUri().toString()));
        assertEquals(0, d.code(), d.err());
        grouped = d.out();
        shot = dir.resolve("shot.png");
        // With -Devcheck.updateGolden=true the screenshot becomes the README's picture: drawn with the machine's fonts, as a reader sees it.
        Tools.Result s = chrome(List.of("--hide-scrollbars", "--window-size=1280,2000", "--screenshot=" + shot, out.resolve("report.html").toUri().toString()), UPDATE);
        assertEquals(0, s.code(), s.err());
    }

    static Tools.Result chrome(List<String> more) throws Exception {
        return chrome(more, false);
    }

    static Tools.Result chrome(List<String> more, boolean systemFonts) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--force-device-scale-factor=1",
                "--user-data-dir=" + Files.createTempDirectory(dir, "profile-")));
        cmd.addAll(more);
        return Tools.exec(cmd, 90, systemFonts);
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static int count(String haystack, String needle) {
        int n = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) n++;
        return n;
    }

    static String byId(String html, String id) {
        Matcher m = Pattern.compile("id=\"" + Pattern.quote(id) + "\"[^>]*>([^<]*)<").matcher(html);
        assertTrue(m.find(), "no element #" + id);
        return m.group(1);
    }

    @Test
    void theScriptRanWithoutErrors() {
        assertTrue(dom.contains("data-ready=\"1\""), "the report's script did not run");
        Matcher errors = Pattern.compile("<html[^>]*data-js-errors=\"([^\"]*)\"").matcher(dom);
        assertFalse(errors.find(), () -> "script errors: " + errors.group(1));
        List<String> console = log.lines().filter(l -> l.contains("CONSOLE") || l.contains("Uncaught")).toList();
        assertEquals(List.of(), console, "console messages");
    }

    @Test
    void summaryItemsAndCountersMatchTheReport() {
        assertEquals(String.valueOf(report.count(Status.COMPLETE)), byId(dom, "n-complete"));
        assertEquals(String.valueOf(report.count(Status.INCOMPLETE)), byId(dom, "n-incomplete"));
        assertEquals(String.valueOf(report.count(Status.MISSING)), byId(dom, "n-missing"));
        assertEquals(String.valueOf(report.count(Severity.ERROR)), byId(dom, "n-errors"));
        assertEquals(String.valueOf(report.count(Severity.WARNING)), byId(dom, "n-warnings"));
        int items = report.units().stream().mapToInt(u -> u.items().size()).sum();
        assertEquals(items, count(dom, "<article class=\"item "));
        for (UnitResult u : report.units()) {
            for (ItemResult ir : u.items()) assertTrue(dom.contains("data-item=\"" + ir.item().id() + "\""), ir.item().id());
        }
        // After the script: every item and every finding shown.
        assertEquals(String.valueOf(items), byId(dom, "shown-items"));
        assertEquals(String.valueOf(report.allFindings().size()), byId(dom, "shown-findings"));
    }

    @Test
    void oneCalendarCellPerCountedPeriodAndCategory() {
        int cells = 0, gaps = 0;
        for (UnitResult u : report.units()) {
            for (ItemResult ir : u.items()) {
                for (CoverageGrid g : ir.coverage()) {
                    cells += g.rows().stream().mapToInt(r -> r.cells().size()).sum();
                    gaps += (int) g.count(CoverageGrid.State.GAP);
                }
            }
        }
        assertEquals(19, cells);   // 4 festivals, 2 categories × 6 months, 3 two-month blocks
        assertEquals(cells, count(dom, "<td class=\"cell "));
        assertEquals(gaps, count(dom, "<td class=\"cell gap\"") + count(dom, "<td class=\"cell partial\""));
        assertEquals(report.allFindings().stream().filter(f -> f.code().equals("coverage.gap")).count(), gaps);
        assertTrue(dom.contains("data-period=\"2018-02\" data-have=\"0\" data-need=\"1\""));
    }

    @Test
    void aFilterFromTheUrlFragmentLeavesOneOfficesErrors() {
        assertTrue(filtered.contains("data-ready=\"1\""));
        assertEquals("1", byId(filtered, "shown-items"));
        assertEquals("1", byId(filtered, "shown-findings"));   // III-65-2-2: one coverage gap; its GPS note is hidden
        Matcher m = Pattern.compile("<article class=\"item [^\"]*\" data-item=\"([^\"]+)\"[^>]*?( hidden=\"\")?>").matcher(filtered);
        List<String> visible = new ArrayList<>();
        while (m.find()) if (m.group(2) == null) visible.add(m.group(1));
        assertEquals(List.of("III-65-2-2"), visible);
    }

    @Test
    void byDepartmentAnItemUnderTwoOfficesCountsOnce() {
        assertTrue(grouped.contains("data-ready=\"1\""));
        assertEquals(6, count(grouped, "<article class=\"item "));   // III-60-1-1 has two lead offices
        assertEquals("5", byId(grouped, "shown-items"));
        assertEquals(String.valueOf(report.allFindings().size()), byId(grouped, "shown-findings"));
        assertEquals(5, count(grouped, "<section class=\"group\" data-key="));
    }

    @Test
    void aScreenshotShowsThePage() throws Exception {
        BufferedImage img = ImageIO.read(shot.toFile());
        assertNotNull(img);
        assertEquals(1280, img.getWidth());
        assertEquals(2000, img.getHeight());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 7) for (int x = 0; x < img.getWidth(); x += 7) colours.add(img.getRGB(x, y));
        assertTrue(colours.size() > 50, "the screenshot looks blank: " + colours.size() + " colours");
        if (UPDATE) {
            Files.createDirectories(Path.of("docs"));
            Files.copy(shot, Path.of("docs", "report.png"), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
