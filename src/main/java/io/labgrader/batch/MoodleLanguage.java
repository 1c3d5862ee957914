package io.labgrader.batch;

import java.util.List;

/**
 * The texts of Moodle's grading worksheet in one language. Moodle's offline-grading importer
 * (mod/assign/feedback/offline/importgradeslib.php, assignfeedback_offline_grade_importer::init) finds its columns by
 * the importing user's language strings, and strips the participant prefix by that language's length (::next), so a
 * worksheet is read in the language it was written in.
 *
 * <p>Sources. English: moodle/moodle mod/assign/lang/en/assign.php (recordid, hiddenuser, lastmodifiedgrade, maxgrade,
 * scale), lang/en/moodle.php (gradenoun, fullnameuser, email), mod/assign/feedback/comments/lang/en (pluginname),
 * lang/en/langconfig.php (decsep). German: Moodle's German language pack (AMOS export "Strings for component 'assign',
 * language 'de'", versions 3.11 and 4.x, as shipped in projectestac/odissea html/langpacks/de/: assign.php,
 * moodle.php, assignfeedback_comments.php, langconfig.php); a real German download's header confirms them (ID,
 * "Vollständiger Name", E-Mail-Adresse, Status, Bewertung, "Bewertung kann geändert werden", "Zuletzt geändert
 * (Abgabe)", "Zuletzt geändert (Bewertung)", "Feedback als Kommentar", rows "Teilnehmer/in1234567").
 *
 * @param recordid    get_string('recordid', 'assign'): the identifier column
 * @param hiddenuser  get_string('hiddenuser', 'assign'): the prefix of every identifier ("Participant 123")
 * @param grade       get_string('gradenoun') (get_string('grade') before Moodle 4.1)
 * @param modified    get_string('lastmodifiedgrade', 'assign')
 * @param fullname    get_string('fullname')
 * @param email       get_user_field_name('email'): the identity column, where the site shows e-mail addresses
 * @param maxGrade    get_string('maxgrade', 'assign'): written by the download only for point grades
 * @param scale       get_string('scale', 'assign'): written instead of the maximum for scale grades
 * @param feedback    get_string('pluginname', 'assignfeedback_comments'): the feedback comments column
 * @param decimal     get_string('decsep', 'langconfig'): format_float writes it, unformat_float reads it
 * @param canChange   get_string('gradecanbechanged', 'assign'), whose cell gradingtable.php col_gradecanbechanged
 *                    writes as get_string('no') when grading is disabled (a locked grade the importer skips)
 * @param no          get_string('no')
 */
record MoodleLanguage(String code, String recordid, String hiddenuser, String grade, String modified, String fullname,
                      String email, String maxGrade, String scale, String feedback, char decimal, String canChange,
                      String no) {

    static final MoodleLanguage EN = new MoodleLanguage("en", "Identifier", "Participant ", "Grade", "Last modified (grade)",
            "Full name", "Email address", "Maximum Grade", "Scale", "Feedback comments", '.', "Grade can be changed", "No");
    static final MoodleLanguage DE = new MoodleLanguage("de", "ID", "Teilnehmer/in", "Bewertung", "Zuletzt geändert (Bewertung)",
            "Vollständiger Name", "E-Mail-Adresse", "Bestwertung", "Skala", "Feedback als Kommentar", ',',
            "Bewertung kann geändert werden", "Nein");

    static final List<MoodleLanguage> ALL = List.of(EN, DE);

    /** The columns Moodle's importer cannot do without: it rejects the file when one is missing. */
    List<String> required() {
        return List.of(recordid, grade, modified);
    }
}
