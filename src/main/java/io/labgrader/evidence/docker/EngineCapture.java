package io.labgrader.evidence.docker;

import com.fasterxml.jackson.databind.JsonNode;
import io.labgrader.evidence.Json;
import io.labgrader.evidence.RawCaptures;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;

/** An engine observation as the engine's own answers, saved with it, tell it. */
final class EngineCapture {

    private EngineCapture() {
    }

    /**
     * The engine as GET /version (this capture) and GET /info (saved right after it, the next capture) describe it:
     * version, kernel, and the daemon's ID, which Podman makes up anew on every call and so is not kept for it.
     */
    static EngineObserved reread(EngineObserved e, String path, byte[] bytes, Instant at, RawCaptures raw) throws IOException {
        JsonNode v = Json.mapper().readTree(bytes);
        String product = v.path("Components").path(0).path("Name").asText("");
        String daemonId = e.daemonId();
        String os = e.operatingSystem();
        Optional<byte[]> info = infoBeside(path, raw);
        if (info.isPresent()) {
            JsonNode i = Json.mapper().readTree(info.get());
            daemonId = product.toLowerCase(java.util.Locale.ROOT).contains("podman") ? "" : i.path("ID").asText("");
            os = i.path("OperatingSystem").asText("");
        }
        return new EngineObserved(at, e.source(), e.endpoint(), v.path("Version").asText(""),
                v.path("ApiVersion").asText(""), v.path("Os").asText(""), v.path("Arch").asText(""),
                v.path("KernelVersion").asText(""), os, daemonId, path,
                e.product() == null ? null : product); // evidence from before labgrader looked holds no product
    }

    /** "raw/…-7-version.json" → the "raw/…-8-info.json" saved with it. */
    private static Optional<byte[]> infoBeside(String versionPath, RawCaptures raw) {
        Matcher m = RawCrossCheck.RAW_NAME.matcher(versionPath);
        if (!m.matches()) {
            return Optional.empty();
        }
        String suffix = "-" + (Long.parseLong(m.group(2)) + 1) + "-info.json";
        Instant saved = RawCrossCheck.savedAt(versionPath).orElse(Instant.EPOCH);
        return raw.paths().stream().filter(p -> p.endsWith(suffix))
                .filter(p -> RawCrossCheck.savedAt(p).map(t -> Duration.between(saved, t).abs().compareTo(RawCrossCheck.STAMP_TOLERANCE) <= 0).orElse(false))
                .findFirst().flatMap(raw::read);
    }
}
