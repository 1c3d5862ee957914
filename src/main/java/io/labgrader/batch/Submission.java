package io.labgrader.batch;

import java.nio.file.Path;
import java.util.List;

/**
 * One student's submission as found in the submissions folder. Who the student is comes from the layout (the
 * Moodle participant id and name in the folder name, or the folder or zip name), never from the evidence.
 *
 * @param index         position in the batch: students are graded and listed in this order
 * @param key           the student's identity: "moodle:123456" or "name:alice"
 * @param name          the student's name as the layout gives it ("Ada Lovelace", or the folder name)
 * @param participantId the Moodle participant id, or null outside Moodle's layout
 * @param source        where the submission is, relative to the submissions folder ("alice.zip")
 * @param path          the submission's folder or zip
 * @param duplicates    further sources with the same identity; a duplicate student cannot be graded
 * @param folder        the student's folder under students/ in the output, unique in the batch
 */
public record Submission(int index, String key, String name, String participantId, String source, Path path,
                         List<String> duplicates, String folder) {

    public Submission {
        duplicates = List.copyOf(duplicates);
    }

    public boolean fromMoodle() {
        return participantId != null;
    }

    /** "Ada Lovelace (123456)" or "alice" */
    public String label() {
        return fromMoodle() ? name + " (" + participantId + ")" : name;
    }

    /** The gradebook's identifier: Moodle's "Participant 123456", else the folder or zip name. */
    public String identifier() {
        return fromMoodle() ? "Participant " + participantId : name;
    }

    /** Every place this student's submission was found, in order. */
    public List<String> sources() {
        java.util.ArrayList<String> all = new java.util.ArrayList<>();
        all.add(source);
        all.addAll(duplicates);
        return List.copyOf(all);
    }
}
