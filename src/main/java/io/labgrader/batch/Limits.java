package io.labgrader.batch;

/**
 * How much one submission may hold. Submissions come from students' machines, so every zip is treated as a possible
 * zip bomb and every folder as possibly huge: beyond these limits a submission is NOT_GRADABLE, with the reason.
 *
 * @param maxBytes   bytes a submission may hold, packed or unpacked (a lab's evidence is kilobytes to a few MiB)
 * @param maxEntries files and folders a submission may hold
 * @param maxRatio   how much larger than its compressed size one zip entry may unpack to
 */
public record Limits(long maxBytes, int maxEntries, int maxRatio) {

    public static final long MIB = 1024L * 1024;
    /** 64 MiB: the largest journal the evidence reader accepts. */
    public static final Limits DEFAULT = new Limits(64 * MIB, 10_000, 200);

    public Limits {
        if (maxBytes <= 0 || maxEntries <= 0 || maxRatio <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    public Limits withMaxBytes(long bytes) {
        return new Limits(bytes, maxEntries, maxRatio);
    }

    /** Limits for one zip that holds a whole class (Moodle's "download all submissions"). */
    public Limits forClass() {
        long bytes = maxBytes > Long.MAX_VALUE / 2000 ? Long.MAX_VALUE : maxBytes * 2000;
        return new Limits(bytes, maxEntries * 100, maxRatio);
    }

    /** "64 MiB" */
    public static String size(long bytes) {
        if (bytes >= MIB && bytes % MIB == 0) {
            return bytes / MIB + " MiB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KiB";
        }
        return bytes + " bytes";
    }
}
