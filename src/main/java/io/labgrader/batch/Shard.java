package io.labgrader.batch;

/**
 * One of {@code count} parts of a class, for grading in parallel CI jobs: shard {@code index} (from 1) takes every
 * {@code count}-th student, starting with the {@code index}-th, in batch order. {@link ShardMerge} puts the parts
 * together.
 */
public record Shard(int index, int count) {

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("a shard is i/n with 1 <= i <= n, found " + index + "/" + count);
        }
    }

    /** "2/4", as GitLab's CI_NODE_INDEX/CI_NODE_TOTAL give it. */
    public static Shard parse(String text) {
        String[] parts = text == null ? new String[0] : text.trim().split("/");
        try {
            if (parts.length == 2) {
                return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
            }
        } catch (NumberFormatException e) {
            // the message below
        }
        throw new IllegalArgumentException("expected a shard as i/n, e.g. 2/4, found '" + text + "'");
    }

    /** Whether the student with this batch index belongs to this shard. */
    public boolean includes(int studentIndex) {
        return studentIndex % count == index - 1;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
