package io.labgrader.labs.networks.grading;

import io.labgrader.grading.CriterionContext;
import io.labgrader.labs.networks.evidence.NetContainer;
import io.labgrader.labs.networks.evidence.NetPage;
import io.labgrader.rubric.LocalizedText;

/** The params every nginx criterion shares (rubric.yml's anchor &nginx). */
record NginxParams(String image, int containerPort, int hostPort, String htmlPath, String defaultTitle) {

    static NginxParams of(CriterionContext ctx) {
        return new NginxParams(ctx.params().string("image"), ctx.params().integer("containerPort"),
                ctx.params().integer("hostPort"), ctx.params().string("htmlPath"), ctx.params().string("defaultTitle"));
    }

    /** Publishes the container port on the lab's host port (any host address). */
    boolean publishesLabPort(NetContainer c) {
        return c.ports().stream().anyMatch(p -> p.containerPort() == containerPort && "tcp".equals(p.protocol())
                && Integer.valueOf(hostPort).equals(p.hostPort()));
    }

    /** nginx's own welcome page (or one that still says so), not the student's. */
    boolean defaultPage(NetPage page) {
        String title = page.title() == null ? "" : page.title().strip();
        String text = page.text() == null ? "" : page.text();
        return title.equalsIgnoreCase(defaultTitle) || text.contains(defaultTitle);
    }

    /** HTTP 200 with something in it that is not nginx's default page. */
    boolean ownPage(NetPage page) {
        return Integer.valueOf(200).equals(page.status()) && page.size() > 0 && !defaultPage(page);
    }

    /** How a message names a page: its title, or the start of its text, and its size. */
    static LocalizedText describe(NetPage page) {
        if (page.status() == null) {
            return NetText.text("page.noAnswer", page.url(), page.error());
        }
        LocalizedText title = page.title() != null && !page.title().isBlank() ? LocalizedText.same("\"" + page.title().strip() + "\"")
                : page.text() != null && !page.text().isBlank() ? LocalizedText.same("\"" + page.text() + "\"") : NetText.text("page.empty");
        return NetText.text("page.described", page.status(), title, page.size());
    }
}
