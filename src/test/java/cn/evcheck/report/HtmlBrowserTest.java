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
 * calendar cells, the filter counters, a filter set from the URL fragment), checks that no script
 * error or console message occurred, measures the laid-out page on a phone (375 CSS px) and on a
 * desktop (1366 px), and takes a screenshot at both widths. Skipped, visibly, when Chromium is not
 * installed. With -Devcheck.updateGolden=true the screenshots are drawn with the machine's fonts
 * and replace docs/report-phone.png and docs/report-desktop.png (the README's pictures).
 */
class HtmlBrowserTest {
    static Path chromium;
    static Path dir;
    static Report report;
    static String dom;
    static String filtered;
    static String grouped;
    static String log;
    static Path desktopShot;
    static Path phoneShot;
    static Layout phone;
    static Layout smallPhone;
    static Layout desktop;
    static Layout phoneMulti;

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
        dir = cn.evcheck.testkit.Scratch.dir("evcheck-chromium-");
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
        phone = layout(page, PHONE, 812);
        smallPhone = layout(page, SMALL_PHONE, 568);
        desktop = layout(page, DESKTOP, 900);
        Path multi = dir.resolve("multi.html");
        Files.copy(run(multiArgs("--format", "html")).resolve("report.html"), multi);
        phoneMulti = layout(multi, PHONE, 812);
        // With -Devcheck.updateGolden=true the screenshots become the README's pictures: drawn with the machine's fonts, as a reader sees them.
        Path report = out.resolve("report.html");
        desktopShot = dir.resolve("desktop.png");
        Tools.Result s = chrome(List.of("--hide-scrollbars", "--window-size=" + DESKTOP + ",1200", "--screenshot=" + desktopShot,
                report.toUri().toString()), UPDATE);
        assertEquals(0, s.code(), s.err());
        phoneShot = dir.resolve("phone.png");
        Path framed = dir.resolve("framed.png");
        Tools.Result p = chrome(List.of("--hide-scrollbars", "--allow-file-access-from-files", "--window-size=" + WINDOW_MIN + ",1600",
                "--screenshot=" + framed, frame(report, PHONE, 1600, "").toUri().toString()), UPDATE);
        assertEquals(0, p.code(), p.err());
        BufferedImage whole = ImageIO.read(framed.toFile());
        assertNotNull(whole, "no screenshot of the phone frame");
        ImageIO.write(whole.getSubimage(0, 0, PHONE, whole.getHeight()), "png", phoneShot.toFile());
    }

    // ---- the page's layout at a given width ----------------------------------------------------

    /** A phone's width in CSS px (iPhone 6 to 13 mini, and most Android phones give 360 to 412). */
    static final int PHONE = 375;
    /** The narrowest phones still in use (iPhone SE, first generation). */
    static final int SMALL_PHONE = 320;
    static final int DESKTOP = 1366;
    /** Headless Chromium makes no window narrower than this, whatever --window-size says. */
    static final int WINDOW_MIN = 500;

    /**
     * What the page looks like at one width: the viewport's width, the page's scrolling width, the
     * elements that stick out of the viewport (outside any box that scrolls sideways by itself), and
     * the calendars' scroll boxes.
     */
    record Layout(int width, int innerWidth, int clientWidth, int scrollWidth, List<String> outside, List<Box> calendars) {}

    /** A scroll box: its visible width, the width of what is inside, and where its right edge is. */
    record Box(String what, int clientWidth, int scrollWidth, int right) {}

    /**
     * Measures the laid-out page in a frame of the given size, after load (report.js has run by
     * then): a frame because a headless window is never narrower than {@link #WINDOW_MIN}. The
     * measurement runs in the frame's parent and leaves its results as attributes for --dump-dom.
     * On a phone the scroll bars take no room (they are drawn over the page), hence --hide-scrollbars.
     */
    static Layout layout(Path page, int width, int height) throws Exception {
        Path wrapper = frame(page, width, height, MEASURE);
        List<String> args = new ArrayList<>(List.of("--allow-file-access-from-files", "--window-size=" + Math.max(width, WINDOW_MIN) + "," + height,
                "--dump-dom", wrapper.toUri().toString()));
        if (width < WINDOW_MIN) args.add(0, "--hide-scrollbars");
        Tools.Result r = chrome(args);
        assertEquals(0, r.code(), r.err());
        String d = r.out();
        assertTrue(d.contains("data-measured=\"1\""), () -> "the page was not measured at " + width + " px: " + attr(d, "data-error") + "\n" + r.err());
        List<Box> boxes = new ArrayList<>();
        for (String b : list(attr(d, "data-calendars"))) {
            String[] f = b.split(" ");
            boxes.add(new Box(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2]), Integer.parseInt(f[3])));
        }
        return new Layout(width, Integer.parseInt(attr(d, "data-inner-width")), Integer.parseInt(attr(d, "data-client-width")),
                Integer.parseInt(attr(d, "data-scroll-width")), list(attr(d, "data-outside")), boxes);
    }

    /** A page holding {@code page} in a frame of the given size, and {@code script} after it. */
    static Path frame(Path page, int width, int height, String script) throws Exception {
        Path wrapper = Files.createTempFile(dir, "frame-", ".html");
        Files.writeString(wrapper, "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><style>html,body{margin:0}"
                + "iframe{display:block;border:0;width:" + width + "px;height:" + height + "px}</style></head>\n<body><iframe id=\"page\" src=\""
                + page.toUri() + "\"></iframe>\n" + script + "</body></html>\n", StandardCharsets.UTF_8);
        return wrapper;
    }

    /**
     * Run in the frame's parent after load. An element is outside when its box reaches past the
     * viewport's left or right edge (the viewport being the page's width without a scroll bar) and
     * no element around it scrolls sideways (overflow-x auto or scroll); elements not shown have no
     * box. Only the outermost such element is listed, not its children. A calendar's scroll box is
     * the .scroll around each of its tables.
     */
    static final String MEASURE = """
            <script>
            window.addEventListener('load', function () {
              var out = document.documentElement;
              try {
                var w = document.getElementById('page').contentWindow, d = w.document, root = d.documentElement, vw = root.clientWidth;
                var name = function (e) {
                  return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\\s+/).join('.') : '');
                };
                var scrolls = function (e) {
                  for (var p = e.parentElement; p && p !== d.body; p = p.parentElement) {
                    var o = w.getComputedStyle(p).overflowX;
                    if (o === 'auto' || o === 'scroll') return true;
                  }
                  return false;
                };
                var outside = [], seen = new Set();
                Array.prototype.forEach.call(d.body.querySelectorAll('*'), function (e) {
                  var r = e.getBoundingClientRect();
                  if (r.width === 0 && r.height === 0) return;
                  if ((r.right > vw + 0.5 || r.left < -0.5) && !scrolls(e)) {
                    seen.add(e);
                    if (!seen.has(e.parentElement)) outside.push(name(e) + ' ' + Math.round(r.left) + '..' + Math.round(r.right));
                  }
                });
                var cal = [];
                Array.prototype.forEach.call(d.querySelectorAll('.calendar .scroll'), function (b) {
                  var t = b.querySelector('table');
                  cal.push((t && t.getAttribute('data-category') || '-') + ' ' + b.clientWidth + ' ' + b.scrollWidth + ' ' + Math.round(b.getBoundingClientRect().right));
                });
                out.setAttribute('data-inner-width', w.innerWidth);
                out.setAttribute('data-client-width', vw);
                out.setAttribute('data-scroll-width', root.scrollWidth);
                out.setAttribute('data-outside', outside.join('|'));
                out.setAttribute('data-calendars', cal.join('|'));
                out.setAttribute('data-measured', '1');
              } catch (e) {
                out.setAttribute('data-error', String(e));
              }
            });
            </script>
            """;

    static String attr(String html, String name) {
        Matcher m = Pattern.compile("<html[^>]*\\s" + Pattern.quote(name) + "=\"([^\"]*)\"").matcher(html);
        return m.find() ? m.group(1).replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&") : "";
    }

    static List<String> list(String joined) {
        return joined.isEmpty() ? List.of() : List.of(joined.split("\\|"));
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
        assertEquals(String.valueOf(report.shown(Severity.ERROR)), byId(dom, "n-errors"));
        assertEquals(String.valueOf(report.shown(Severity.WARNING)), byId(dom, "n-warnings"));
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

    /** The layout was measured at the width asked for, not at the narrowest window headless Chromium makes. */
    @Test
    void theLayoutIsMeasuredAtTheWidthAskedFor() {
        for (Layout l : List.of(phone, smallPhone, desktop, phoneMulti)) assertEquals(l.width(), l.innerWidth(), "window.innerWidth");
        assertEquals(PHONE, phone.clientWidth(), "on a phone the scroll bar takes no room");
    }

    /** Issue 15: at 375 px the page was 598 px wide, messages cut and December off the screen. */
    @Test
    void onAPhoneThePageDoesNotScrollSideways() {
        for (Layout l : List.of(phone, smallPhone, phoneMulti)) {
            assertEquals(List.of(), l.outside(), "elements past the edge of a " + l.width() + " px screen");
            assertTrue(l.scrollWidth() <= l.clientWidth(), "the page is " + l.scrollWidth() + " px wide on a " + l.clientWidth() + " px screen");
        }
    }

    /**
     * Each calendar table sits in its own scroll box, which fits the screen. At 375 px a year of
     * months fits (the cells narrow to their text); at 320 px it does not, and the twelve-month
     * calendars scroll inside their boxes, not the page.
     */
    @Test
    void onAPhoneTheCalendarScrollsInItsOwnBox() {
        for (Layout l : List.of(phone, smallPhone, phoneMulti)) {
            assertFalse(l.calendars().isEmpty(), "no calendar in a scroll box (.calendar .scroll) at " + l.width() + " px");
            for (Box b : l.calendars()) {
                assertTrue(b.clientWidth() < l.width() && b.right() <= l.width(), "calendar box " + b + " sticks out of a " + l.width() + " px screen");
            }
        }
        assertEquals(4, phone.calendars().size(), "one scroll box per calendar table: " + phone.calendars());
        assertEquals(List.of(), scrolling(phone), "at 375 px every calendar shows whole: " + phone.calendars());
        assertTrue(scrolling(smallPhone).containsAll(List.of("关爱空巢老人", "留守儿童")), "at 320 px the twelve-month calendars scroll: "
                + smallPhone.calendars());
    }

    static List<String> scrolling(Layout l) {
        return l.calendars().stream().filter(b -> b.scrollWidth() > b.clientWidth()).map(Box::what).toList();
    }

    @Test
    void onADesktopEverythingFitsAndNothingScrolls() {
        assertEquals(List.of(), desktop.outside(), "elements past the edge of a " + DESKTOP + " px screen");
        assertTrue(desktop.scrollWidth() <= desktop.clientWidth(), "the page is " + desktop.scrollWidth() + " px wide");
        assertEquals(4, desktop.calendars().size());
        for (Box b : desktop.calendars()) assertTrue(b.scrollWidth() <= b.clientWidth(), "calendar box " + b + " scrolls on a desktop");
    }

    @Test
    void screenshotsShowThePageOnADesktopAndOnAPhone() throws Exception {
        assertPicture(desktopShot, DESKTOP, 1200);
        assertPicture(phoneShot, PHONE, 1600);
        if (UPDATE) {
            Files.createDirectories(Path.of("docs"));
            Files.copy(desktopShot, Path.of("docs", "report-desktop.png"), StandardCopyOption.REPLACE_EXISTING);
            Files.copy(phoneShot, Path.of("docs", "report-phone.png"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static void assertPicture(Path png, int width, int height) throws Exception {
        BufferedImage img = ImageIO.read(png.toFile());
        assertNotNull(img, png.toString());
        assertEquals(width, img.getWidth());
        assertEquals(height, img.getHeight());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 7) for (int x = 0; x < img.getWidth(); x += 7) colours.add(img.getRGB(x, y));
        assertTrue(colours.size() > 50, "the screenshot " + png.getFileName() + " looks blank: " + colours.size() + " colours");
    }
}
