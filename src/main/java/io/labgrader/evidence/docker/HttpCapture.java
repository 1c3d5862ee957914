package io.labgrader.evidence.docker;

import io.labgrader.evidence.http.HttpProbed;
import org.jsoup.Jsoup;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An HTTP answer as its saved body tells it: the page's title, and the port in the capture's name. */
final class HttpCapture {

    private static final Pattern PORT = Pattern.compile(".*-http-(\\d+)\\.html");

    private HttpCapture() {
    }

    static HttpProbed reread(HttpProbed h, String path, byte[] body, Instant at) {
        String title = h.title();
        if (h.contentType() == null || h.contentType().toLowerCase(Locale.ROOT).contains("html")) {
            title = Jsoup.parse(new String(body, StandardCharsets.UTF_8)).title();
        }
        int port = h.hostPort();
        Matcher m = PORT.matcher(path);
        if (m.matches()) {
            port = Integer.parseInt(m.group(1));
        }
        return new HttpProbed(at, h.source(), h.containerId(), h.url(), port, h.status(), h.server(), title,
                h.contentType(), h.bodyBytes(), h.truncated(), h.error(), h.millis(), path);
    }
}
