package io.labgrader.batch;

import io.labgrader.testing.Trees;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * overview.html rendered by a real browser, Debian's chromium, headless: whatever students control (folder names,
 * container names and page titles quoted in messages) must stay text, no script may run, and the numbers shown must be
 * those of the students' report.json.
 *
 * <p>Needs Chromium ({@code apt-get install -y --no-install-recommends chromium}). Without it the tests are skipped,
 * unless LABGRADER_REQUIRE_CHROMIUM=1 (CI), where they fail.
 */
@DisplayName("overview.html in headless Chromium (needs Chromium)")
class OverviewInChromiumTest {

    static final String IMG = "<img src=x onerror=\"document.body.setAttribute('data-pwned','img')\">";
    static final String SVG = "<svg onload=\"document.title='pwned'\">";
    static final String SCRIPT = "</title><script>document.body.setAttribute('data-pwned','script')</script>";

    static String chromium;

    @TempDir
    Path tmp;

    @BeforeAll
    static void findChromium() {
        for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
            for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
                if (Files.isExecutable(Path.of(dir, name))) {
                    chromium = Path.of(dir, name).toString();
                    return;
                }
            }
        }
        String why = "Chromium is not installed (apt-get install -y --no-install-recommends chromium)";
        if ("1".equals(System.getenv("LABGRADER_REQUIRE_CHROMIUM"))) {
            fail(why);
        }
        Assumptions.abort(why);
    }

    /** The page's DOM after Chromium loaded it and ran whatever it would run. */
    private String dumpDom(Path html) throws Exception {
        Path profile = Files.createTempDirectory(tmp, "chromium-profile");
        List<String> command = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--virtual-time-budget=3000", "--dump-dom", html.toUri().toString()));
        Path stdout = tmp.resolve("dom-" + System.nanoTime() + ".html");
        Process p = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            fail("chromium did not finish within 90 s");
        }
        String dom = Files.readString(stdout, StandardCharsets.UTF_8);
        assertThat(dom).as("chromium's DOM (exit %d)", p.exitValue()).contains("<body");
        return dom;
    }

    @Test
    @DisplayName("a page that does run a student's markup is caught by this check (the check works)")
    void theCheckCatchesAScript() throws Exception {
        Path page = tmp.resolve("unsafe.html");
        Files.writeString(page, "<!doctype html><html><head><title>unsafe</title></head><body><p>" + IMG + "</p></body></html>");
        Document dom = Jsoup.parse(dumpDom(page));
        assertThat(dom.body().attr("data-pwned")).isEqualTo("img");
    }

    @Test
    @DisplayName("student-controlled names, container names and page titles stay text; no script runs; numbers match report.json")
    void hostileClass() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("submissions"));
        Trees.copy(BatchKit.PERFECT, root.resolve(IMG));
        Trees.copy(BatchKit.WRONG_PORT, root.resolve(SVG + "_100007_assignsubmission_file_/evidence"));
        Path titled = Trees.copy(BatchKit.PERFECT, root.resolve("page-title"));
        BatchKit.editJournal(titled, j -> j.replace("\"title\":\"Welcome to nginx!\"", "\"title\":\"" + SCRIPT.replace("\"", "\\\"") + "\""));
        Path named = Trees.copy(BatchKit.WRONG_PORT, root.resolve("container-name"));
        String name = containerName(named);
        BatchKit.editJournal(named, j -> j.replace(name, IMG.replace("\"", "\\\"")));
        Files.createDirectories(root.resolve(SCRIPT.replace("/", "_")));   // a folder name cannot hold '/'
        Path out = tmp.resolve("grading");

        BatchResult result = BatchKit.grade(root, out);
        assertThat(result.graded()).isEqualTo(4);
        // the hostile strings reached the reports: the check below would see them if they were not escaped
        assertThat(BatchKit.read(out.resolve("students/page-title/report.json"))).contains("<script>");
        assertThat(BatchKit.read(out.resolve("students/container-name/report.json"))).contains("<img src=x onerror=");

        Document dom = Jsoup.parse(dumpDom(out.resolve("overview.html")));

        assertThat(dom.title()).isEqualTo("Docker vs. virtual machine — class overview");
        assertThat(dom.body().hasAttr("data-pwned")).as("a student's script ran").isFalse();
        assertThat(dom.select("script, img, iframe, object, embed")).as("elements from students' strings").isEmpty();
        // the histogram and the class comparison's charts, nothing else
        assertThat(dom.select("svg")).filteredOn(svg -> !svg.hasClass("compare-chart")).hasSize(1);
        assertThat(dom.select("svg.compare-chart")).allMatch(svg -> svg.closest("table#comparison") != null);
        assertThat(dom.getAllElements()).allSatisfy(e -> assertThat(e.attributes().asList())
                .noneMatch(a -> a.getKey().toLowerCase(java.util.Locale.ROOT).startsWith("on")));
        List<String> names = dom.select("table#students td.student span.name").eachText();
        assertThat(names).contains(IMG, SVG, "page-title", "container-name", SCRIPT.replace("/", "_"));
        Element titleCell = dom.selectFirst("tr[data-student=name:page-title] td.mark[data-outcome=FAILED]");
        assertThat(titleCell.attr("title")).contains(SCRIPT);
        OverviewCheck.assertMatchesReports(dom, out);
    }

    private static String containerName(Path bundle) throws IOException {
        for (String line : Files.readAllLines(bundle.resolve("journal.jsonl"))) {
            int at = line.indexOf("\"name\":\"lab-web-");
            if (at >= 0) {
                return line.substring(at + 8, line.indexOf('"', at + 8));
            }
        }
        throw new AssertionError("no nginx container in " + bundle);
    }
}
