package io.labgrader.batch;

import io.labgrader.grading.Outcome;
import io.labgrader.report.ReportText;
import io.labgrader.report.SafeText;
import io.labgrader.rubric.Criterion;
import io.labgrader.rubric.LocalizedText.Language;
import io.labgrader.rubric.Messages;
import io.labgrader.rubric.Rubric;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * overview.html: one self-contained page for the instructor. Score histogram (inline SVG), pass rate per criterion,
 * a table of all students with each criterion's outcome, flags and links to their reports, then the flags and the
 * submissions that could not be graded, with reasons.
 *
 * <p>The page is built with Jsoup's DOM: every string that comes from a student (folder names, and messages that
 * quote container names, VM names or page titles) is set as text or attribute value, so Jsoup escapes it. No script,
 * no external resource: CSS is inline, and a Content-Security-Policy forbids scripts and any fetch, so the page
 * opens offline and would not run a script even if one got in.
 */
final class OverviewHtml {

    static final String FILE_NAME = "overview.html";
    static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

    private static final int BAR_WIDTH = 44;
    private static final int BAR_GAP = 8;
    private static final int CHART_HEIGHT = 150;
    private static final int LABEL_SPACE = 36;

    private static final String CSS = """
            :root { color-scheme: light dark; --ok: #1a7f37; --bad: #cf222e; --blocked: #9a6700; --ng: #8250df; --line: #d0d7de; --muted: #656d76; }
            body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 1.5rem auto; max-width: 1400px; padding: 0 1rem; }
            h1 { font-size: 1.6rem; margin: 0 0 .2rem; } h2 { font-size: 1.2rem; margin: 2rem 0 .6rem; }
            .meta, .note, .source, .muted { color: var(--muted); } .source { font-size: .85em; }
            dl.summary { display: grid; grid-template-columns: repeat(auto-fill, minmax(9rem, 1fr)); gap: .6rem; margin: 1rem 0; }
            dl.summary div { border: 1px solid var(--line); border-radius: 6px; padding: .5rem .7rem; }
            dl.summary dt { color: var(--muted); font-size: .85em; } dl.summary dd { margin: 0; font-size: 1.35rem; font-weight: 600; }
            table { border-collapse: collapse; width: 100%; } th, td { border-bottom: 1px solid var(--line); padding: .3rem .45rem; text-align: left; vertical-align: top; }
            th { font-weight: 600; background: rgba(127,127,127,.08); position: sticky; top: 0; }
            td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            td.mark { text-align: center; width: 1.6rem; cursor: help; }
            .PASSED { color: var(--ok); } .FAILED { color: var(--bad); } .BLOCKED { color: var(--blocked); } .NOT_GRADABLE { color: var(--ng); }
            tr.not-gradable td.score { color: var(--ng); font-weight: 600; }
            .bar { display: inline-block; width: 8rem; height: .7rem; background: rgba(127,127,127,.2); border-radius: 3px; vertical-align: middle; margin-right: .4rem; }
            .bar span { display: block; height: 100%; background: var(--ok); border-radius: 3px; }
            .flag { display: inline-block; font-size: .78em; border-radius: 999px; padding: 0 .5rem; margin: 0 .2rem .15rem 0; border: 1px solid currentColor; cursor: help; white-space: nowrap; }
            .flag.collusion { color: var(--bad); } .flag.modified { color: var(--blocked); } .flag.no-live { color: var(--ng); }
            .flag.same-name { color: var(--blocked); }
            td.links { min-width: 9rem; } .links a { margin-right: .4rem; display: inline-block; }
            svg.histogram { max-width: 100%; height: auto; } svg .bar-rect { fill: #0969da; } svg text { font: 11px system-ui, sans-serif; fill: currentColor; }
            @media print { th { position: static; } }
            """;

    private final Rubric rubric;
    private final Language language;
    private final OverviewRows rows;

    OverviewHtml(Rubric rubric, Language language) {
        this.rubric = rubric;
        this.language = language;
        this.rows = new OverviewRows(rubric, language);
    }

    /** Markers in the page's frame where the students' rows go; students' text is escaped, so never looks like one. */
    private static final String ROWS = "labgrader:rows:";

    /**
     * Writes the page: its frame (head, numbers, histogram, pass rates) built as one small DOM, the rows of the
     * student, flag and not-gradable tables each built as a DOM of one row and written as it is built, so that the
     * page of a class of any size needs the memory of one row.
     */
    void write(Spool.Source students, ClassStats stats, Instant gradedAt, List<String> ignored, MoodleGrades moodle,
               OutputStream stream) throws IOException {
        Document doc = Document.createShell("");
        doc.outputSettings().charset(StandardCharsets.UTF_8).prettyPrint(true).indentAmount(1);
        doc.prependChild(new DocumentType("html", "", ""));
        Element html = doc.selectFirst("html");
        html.attr("lang", language.tag());
        Element head = doc.head();
        head.appendElement("meta").attr("charset", "utf-8");
        head.appendElement("meta").attr("http-equiv", "Content-Security-Policy").attr("content", CSP);
        head.appendElement("meta").attr("name", "viewport").attr("content", "width=device-width, initial-scale=1");
        head.appendElement("meta").attr("name", "generator").attr("content", "labgrader");
        String title = SafeText.oneLine(rubric.title().in(language));
        head.appendElement("title").text(title + " — " + t("overview.classOverview"));
        head.appendElement("style").appendChild(new org.jsoup.nodes.DataNode(CSS));

        Element body = doc.body();
        Element header = body.appendElement("header");
        header.appendElement("h1").text(title);
        header.appendElement("p").addClass("meta").text(t("overview.rubric") + SafeText.oneLine(rubric.id())
                + " · " + rubric.maxScore() + t("overview.points") + " · " + t("overview.graded") + gradedAt);

        summary(body, stats);
        histogram(body, stats);
        ComparisonChart.append(body, students, language);
        criteria(body, stats);
        studentTable(body);
        flagTable(body, stats);
        notGradableTable(body, stats);
        MoodleSection.append(body, moodle.summary(), language);
        if (!ignored.isEmpty()) {
            body.appendElement("h2").text(t("overview.ignored"));
            Element list = body.appendElement("ul").id("ignored");
            ignored.forEach(i -> list.appendElement("li").text(SafeText.oneLine(i)));
        }
        body.appendElement("footer").addClass("note").text(t("overview.flagsNeverChangeA"));

        Writer out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
        String frame = doc.outerHtml();
        Document scratch = Document.createShell("");
        scratch.outputSettings().charset(StandardCharsets.UTF_8).prettyPrint(false);
        Element holder = scratch.body().appendElement("table").appendElement("tbody");
        int from = 0;
        for (String part : List.of("students", "flags", "not-gradable")) {
            String marker = "<!--" + ROWS + part + "-->";
            int at = frame.indexOf(marker, from);
            if (at < 0) {
                continue;
            }
            out.write(frame, from, at - from);
            students.forEach(s -> {
                for (Element row : rows(part, s)) {
                    holder.appendChild(row);
                    out.write(row.outerHtml());
                    out.write('\n');
                    row.remove();
                }
            });
            from = at + marker.length();
        }
        out.write(frame, from, frame.length() - from);
        out.write('\n');
        out.flush();
    }

    private List<Element> rows(String table, StudentResult s) {
        return switch (table) {
            case "students" -> List.of(rows.studentRow(s));
            case "flags" -> rows.flagRows(s);
            default -> s.gradable() ? List.of() : List.of(rows.notGradableRow(s));
        };
    }

    private void summary(Element body, ClassStats stats) {
        Element dl = body.appendElement("dl").addClass("summary").id("summary");
        item(dl, "students", t("overview.students"), Integer.toString(stats.students));
        item(dl, "graded", t("overview.graded2"), Integer.toString(stats.graded));
        item(dl, "not-gradable", t("overview.notGradable"), Integer.toString(stats.notGradable));
        item(dl, "flagged", t("overview.flagged"), Integer.toString(stats.flagged));
        item(dl, "mean", t("overview.mean"), number(stats.mean()) + " / " + stats.maxScore);
        item(dl, "median", t("overview.median"), number(stats.median()) + " / " + stats.maxScore);
    }

    private static void item(Element dl, String id, String label, String value) {
        Element div = dl.appendElement("div").attr("data-stat", id);
        div.appendElement("dt").text(label);
        div.appendElement("dd").text(value);
    }

    private void histogram(Element body, ClassStats stats) {
        body.appendElement("h2").text(t("overview.scoreDistribution"));
        int max = stats.histogram.stream().mapToInt(ClassStats.Bin::students).max().orElse(0);
        int width = ClassStats.BINS * (BAR_WIDTH + BAR_GAP) + BAR_GAP;
        int height = CHART_HEIGHT + LABEL_SPACE;
        Element svg = body.appendElement("svg").addClass("histogram").id("histogram").attr("viewBox", "0 0 " + width + " " + height)
                .attr("width", Integer.toString(width)).attr("height", Integer.toString(height)).attr("role", "img")
                .attr("aria-label", t("overview.histogramOfScoresIn"));
        svg.appendElement("line").attr("x1", "0").attr("x2", Integer.toString(width))
                .attr("y1", Integer.toString(CHART_HEIGHT)).attr("y2", Integer.toString(CHART_HEIGHT))
                .attr("stroke", "currentColor").attr("stroke-width", "1");
        int i = 0;
        for (ClassStats.Bin bin : stats.histogram) {
            int x = BAR_GAP + i * (BAR_WIDTH + BAR_GAP);
            int barHeight = max == 0 ? 0 : (int) Math.round((CHART_HEIGHT - 18) * (double) bin.students() / max);
            Element g = svg.appendElement("g").addClass("bin").attr("data-from", Integer.toString(bin.fromPercent()))
                    .attr("data-to", Integer.toString(bin.toPercent())).attr("data-students", Integer.toString(bin.students()));
            g.appendElement("title").text(bin.label() + ": " + bin.students() + t("overview.students2"));
            g.appendElement("rect").addClass("bar-rect").attr("x", Integer.toString(x))
                    .attr("y", Integer.toString(CHART_HEIGHT - barHeight)).attr("width", Integer.toString(BAR_WIDTH))
                    .attr("height", Integer.toString(barHeight));
            g.appendElement("text").addClass("count").attr("x", Integer.toString(x + BAR_WIDTH / 2))
                    .attr("y", Integer.toString(CHART_HEIGHT - barHeight - 4)).attr("text-anchor", "middle")
                    .text(Integer.toString(bin.students()));
            g.appendElement("text").addClass("range").attr("x", Integer.toString(x + BAR_WIDTH / 2))
                    .attr("y", Integer.toString(CHART_HEIGHT + 16)).attr("text-anchor", "middle")
                    .text(bin.fromPercent() + "–" + bin.toPercent());
            i++;
        }
        svg.appendElement("text").attr("x", Integer.toString(width / 2)).attr("y", Integer.toString(height - 4))
                .attr("text-anchor", "middle").text(t("overview.scoreInOfThe"));
    }

    private void criteria(Element body, ClassStats stats) {
        body.appendElement("h2").text(t("overview.passRatePerCriterion"));
        Element table = body.appendElement("table").id("criteria");
        Element head = table.appendElement("thead").appendElement("tr");
        head.appendElement("th").addClass("num").text("#");
        head.appendElement("th").text(t("overview.criterion"));
        head.appendElement("th").text(t("overview.title"));
        head.appendElement("th").addClass("num").text(t("overview.points2"));
        head.appendElement("th").addClass("num").text(t("overview.passed"));
        head.appendElement("th").text(t("overview.passRate"));
        head.appendElement("th").addClass("num").text(t("overview.failed"));
        head.appendElement("th").addClass("num").text(t("overview.blocked"));
        head.appendElement("th").addClass("num").text(t("overview.notGradable"));
        Element tbody = table.appendElement("tbody");
        int n = 0;
        for (ClassStats.CriterionStats c : stats.criteria) {
            n++;
            Criterion criterion = c.criterion();
            Element row = tbody.appendElement("tr").attr("data-criterion", criterion.id());
            row.appendElement("td").addClass("num").text(Integer.toString(n));
            row.appendElement("td").appendElement("code").text(criterion.id());
            row.appendElement("td").text(SafeText.oneLine(criterion.title().in(language)));
            row.appendElement("td").addClass("num").text(Integer.toString(criterion.points()));
            row.appendElement("td").addClass("num passed").attr("data-passed", Integer.toString(c.passed()))
                    .attr("data-graded", Integer.toString(c.graded())).text(c.passed() + " / " + c.graded());
            Element rate = row.appendElement("td").addClass("rate");
            rate.appendElement("span").addClass("bar").appendElement("span")
                    .attr("style", "width:" + c.passRate().toPlainString() + "%");
            rate.appendElement("span").addClass("pass-rate").text(number(c.passRate()) + " %");
            row.appendElement("td").addClass("num").text(Integer.toString(c.counts().get(Outcome.FAILED)));
            row.appendElement("td").addClass("num").text(Integer.toString(c.counts().get(Outcome.BLOCKED)));
            row.appendElement("td").addClass("num").text(Integer.toString(c.counts().get(Outcome.NOT_GRADABLE)));
        }
    }

    private void studentTable(Element body) {
        body.appendElement("h2").text(t("overview.students"));
        List<Criterion> criteria = rubric.criteria();
        Element table = body.appendElement("table").id("students");
        Element head = table.appendElement("thead").appendElement("tr");
        head.appendElement("th").addClass("num").text("#");
        head.appendElement("th").text(t("overview.student"));
        head.appendElement("th").addClass("num").text(t("overview.score"));
        head.appendElement("th").addClass("num").text("%");
        int n = 0;
        for (Criterion c : criteria) {
            n++;
            head.appendElement("th").addClass("mark").appendElement("abbr")
                    .attr("title", c.id() + " · " + SafeText.oneLine(c.title().in(language))).text(Integer.toString(n));
        }
        head.appendElement("th").text(t("overview.flags"));
        head.appendElement("th").text(t("overview.reports"));
        table.appendElement("tbody").appendChild(new Comment(ROWS + "students"));
    }

    private void flagTable(Element body, ClassStats stats) {
        body.appendElement("h2").text(t("overview.flags"));
        if (stats.flagged == 0) {
            body.appendElement("p").addClass("note").id("flags").text(t("overview.none"));
            return;
        }
        body.appendElement("p").addClass("note").text(t("overview.flagsNeverChangeA2"));
        Element table = body.appendElement("table").id("flags");
        Element head = table.appendElement("thead").appendElement("tr");
        head.appendElement("th").text(t("overview.student"));
        head.appendElement("th").text(t("overview.kind"));
        head.appendElement("th").text(t("overview.detail"));
        table.appendElement("tbody").appendChild(new Comment(ROWS + "flags"));
    }

    private void notGradableTable(Element body, ClassStats stats) {
        if (stats.notGradable == 0) {
            return;
        }
        body.appendElement("h2").text(t("overview.couldNotBeGraded"));
        Element table = body.appendElement("table").id("not-gradable");
        Element head = table.appendElement("thead").appendElement("tr");
        head.appendElement("th").text(t("overview.student"));
        head.appendElement("th").text(t("overview.submission"));
        head.appendElement("th").text(t("overview.reason"));
        table.appendElement("tbody").appendChild(new Comment(ROWS + "not-gradable"));
    }

    private String number(BigDecimal value) {
        return ReportText.number(value, language);
    }

    private String t(String key, Object... args) {
        return Messages.CORE.get(language, key, args);
    }
}
