package io.labgrader.live;

import java.time.Clock;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;

/**
 * The live sources this labgrader holds: every {@link LiveSource} registered in {@code META-INF/services}, found once
 * with {@link ServiceLoader} and kept, in the order of their registration.
 */
public final class LiveSources {

    private static volatile List<LiveSource> all;

    private LiveSources() {
    }

    public static List<LiveSource> all() {
        List<LiveSource> sources = all;
        if (sources == null) {
            sources = ServiceLoader.load(LiveSource.class, LiveSources.class.getClassLoader()).stream()
                    .map(ServiceLoader.Provider::get)
                    .toList();
            all = sources;
        }
        return sources;
    }

    /** The registered source of this class (a lab names the one that follows its probe, see LabProbe). */
    public static LiveSource of(Class<? extends LiveSource> type) {
        return all().stream().filter(type::isInstance).findFirst().orElseThrow(() -> new IllegalStateException(
                "expected the live source " + type.getName() + " in META-INF/services/" + LiveSource.class.getName()
                        + " but found only " + all().stream().map(s -> s.getClass().getName()).toList()));
    }

    /**
     * Starts connecting to every source in the background, finding them included. Connecting costs a few hundred
     * milliseconds of class loading and native set-up; check overlaps it with reading the rubric.
     */
    public static CompletableFuture<List<LiveConnection>> connectAsync(Clock clock, String source) {
        return CompletableFuture.supplyAsync(() -> all().stream().map(s -> s.connect(clock, source)).toList());
    }
}
