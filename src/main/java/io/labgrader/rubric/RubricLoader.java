package io.labgrader.rubric;

import io.labgrader.hashing.Hashes;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Loads rubric.yml strictly: every problem is reported with file and line, nothing is guessed.
 *
 * <p>SnakeYAML composes the document into a node tree (which keeps line numbers); the loader then
 * walks that tree itself so that unknown keys, duplicates and wrong types can be named precisely.
 */
public final class RubricLoader {

    /** rubric.yml is a handful of kilobytes; anything near this limit is not a rubric. */
    static final int MAX_BYTES = 1 << 20;
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_.-]*");

    private static final Set<String> TOP_KEYS = Set.of("id", "lab", "title", "sections");
    private static final Set<String> SECTION_KEYS = Set.of("id", "title", "probe", "criteria");
    private static final Set<String> CRITERION_KEYS = Set.of("id", "title", "hint", "points", "params", "requires");
    /** A BCP 47 language tag as rubric text keys use them: "de", "en", "fr", "pt-BR". */
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");

    private final Path file;
    private final List<RubricException.Problem> problems = new ArrayList<>();

    private RubricLoader(Path file) {
        this.file = file;
    }

    public static Rubric load(Path file) throws RubricException {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new RubricException(file, 0, "file is larger than " + MAX_BYTES + " bytes; a rubric is a few kilobytes");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new RubricException(file, 0, "file not found");
        } catch (IOException e) {
            throw new RubricException(file, 0, "cannot read the file: " + e.getMessage());
        }
        return parse(file, bytes);
    }

    public static Rubric parse(Path file, byte[] bytes) throws RubricException {
        String text = RubricYaml.utf8(file, bytes);
        RubricLoader loader = new RubricLoader(file);
        Rubric rubric = loader.read(text, Hashes.sha256(bytes));
        if (!loader.problems.isEmpty()) {
            throw new RubricException(loader.problems);
        }
        return rubric;
    }

    private Rubric read(String text, String sha256) throws RubricException {
        Node root = RubricYaml.compose(file, text);
        if (!(root instanceof MappingNode top)) {
            throw new RubricException(file, line(root), "expected a mapping with id, title and sections at the top");
        }
        Map<String, Node> fields = fields(top, TOP_KEYS, "the rubric");
        String id = requiredId(fields, top, "the rubric");
        String lab = optionalName(fields.get("lab"), "'lab' of the rubric");
        LocalizedText title = text(fields.get("title"), top, "title", "the rubric", true);
        List<Section> sections = new ArrayList<>();
        Node sectionsNode = fields.get("sections");
        if (sectionsNode == null) {
            problem(top, "the rubric has no 'sections'");
        } else if (!(sectionsNode instanceof SequenceNode seq)) {
            problem(sectionsNode, "'sections' must be a list");
        } else {
            for (Node node : seq.getValue()) {
                sections.add(section(node));
            }
        }
        Rubric rubric = new Rubric(id, title, sections, file, sha256, lab == null ? id : lab);
        CriterionChecks.check(rubric, file, problems);
        return rubric;
    }


    private Section section(Node node) {
        if (!(node instanceof MappingNode map)) {
            problem(node, "a section must be a mapping with id, title and criteria");
            return new Section("?", LocalizedText.same("?"), List.of());
        }
        Map<String, Node> fields = fields(map, SECTION_KEYS, "a section");
        String id = requiredId(fields, map, "a section");
        String where = "section '" + id + "'";
        LocalizedText title = text(fields.get("title"), map, "title", where, true);
        List<String> probes = probes(fields.get("probe"), "'probe' of " + where);
        List<Criterion> criteria = new ArrayList<>();
        Node criteriaNode = fields.get("criteria");
        if (criteriaNode == null) {
            problem(map, where + " has no 'criteria'");
        } else if (!(criteriaNode instanceof SequenceNode seq)) {
            problem(criteriaNode, "'criteria' of " + where + " must be a list");
        } else {
            for (Node c : seq.getValue()) {
                criterion(c, id).ifPresent(criteria::add);
            }
        }
        return new Section(id, title, criteria, probes);
    }

    /** {@code probe: NAME} or {@code probe: [NAME, …]}; none when absent. */
    private List<String> probes(Node node, String what) {
        if (node instanceof SequenceNode seq) {
            List<String> names = new ArrayList<>();
            for (Node item : seq.getValue()) {
                String name = optionalName(item, what);
                if (name != null) {
                    names.add(name);
                }
            }
            return names;
        }
        String name = optionalName(node, what);
        return name == null ? List.of() : List.of(name);
    }

    /**
     * A name such as a lab's id or a probe's ({@code lab:}, {@code probe:}): written like an id, or absent. Whether
     * the lab has it is checked where the labs are known (the command, before anything runs).
     */
    private String optionalName(Node node, String what) {
        if (node == null) {
            return null;
        }
        if (!(node instanceof ScalarNode scalar) || !ID.matcher(scalar.getValue()).matches()) {
            problem(node, what + " must be a name of lower-case letters, digits, '.', '-' or '_'");
            return null;
        }
        return scalar.getValue();
    }

    private java.util.Optional<Criterion> criterion(Node node, String section) {
        if (!(node instanceof MappingNode map)) {
            problem(node, "a criterion must be a mapping with id, title, hint, points, params and requires");
            return java.util.Optional.empty();
        }
        Map<String, Node> fields = fields(map, CRITERION_KEYS, "a criterion");
        String id = requiredId(fields, map, "a criterion");
        String where = "criterion '" + id + "'";
        LocalizedText title = text(fields.get("title"), map, "title", where, true);
        LocalizedText hint = text(fields.get("hint"), map, "hint", where, false);
        int points = points(fields.get("points"), map, where);
        Map<String, Object> params = ParamsReader.params(fields.get("params"), where, this::problem);
        List<String> requires = requires(fields.get("requires"), where);
        return java.util.Optional.of(new Criterion(id, section, title, hint, points, params, requires, line(map)));
    }

    /** Reads a mapping's keys, reporting unknown and duplicate ones. */
    private Map<String, Node> fields(MappingNode map, Set<String> allowed, String what) {
        Map<String, Node> fields = new LinkedHashMap<>();
        for (NodeTuple tuple : map.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode scalar)) {
                problem(keyNode, "keys of " + what + " must be plain words");
                continue;
            }
            String key = scalar.getValue();
            if (!allowed.contains(key)) {
                problem(keyNode, "unknown key '" + key + "' in " + what + " (allowed: " + String.join(", ", sorted(allowed)) + ")");
            } else if (fields.containsKey(key)) {
                problem(keyNode, "duplicate key '" + key + "' in " + what);
            } else {
                fields.put(key, tuple.getValueNode());
            }
        }
        return fields;
    }

    private String requiredId(Map<String, Node> fields, Node owner, String what) {
        Node node = fields.get("id");
        if (node == null) {
            problem(owner, what + " has no 'id'");
            return "?";
        }
        if (!(node instanceof ScalarNode scalar) || !ID.matcher(scalar.getValue()).matches()) {
            problem(node, "the id of " + what + " must be lower-case letters, digits, '.', '-' or '_'");
            return node instanceof ScalarNode s ? s.getValue() : "?";
        }
        return scalar.getValue();
    }

    private LocalizedText text(Node node, Node owner, String key, String where, boolean required) {
        if (node == null) {
            if (required) {
                problem(owner, where + " has no '" + key + "'");
            }
            return LocalizedText.same("");
        }
        if (!(node instanceof MappingNode map)) {
            problem(node, "'" + key + "' of " + where + " must have a text per language, English at least: {de: ..., en: ...}");
            return LocalizedText.same("");
        }
        Map<String, String> texts = new LinkedHashMap<>();
        for (NodeTuple tuple : map.getValue()) {
            String lang = tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : "";
            if (!LANGUAGE_TAG.matcher(lang).matches()) {
                problem(tuple.getKeyNode(), "'" + lang + "' in '" + key + "' of " + where
                        + " is not a language tag (expected de, en, fr, pt-BR, ...)");
            } else if (texts.containsKey(lang)) {
                problem(tuple.getKeyNode(), "duplicate key '" + lang + "' in '" + key + "' of " + where);
            } else {
                texts.put(lang, scalarText(tuple.getValueNode(), map, key + "." + lang, where));
            }
        }
        // English is the fallback for every language a rubric does not have, so it must be there
        String en = texts.containsKey(LocalizedText.FALLBACK) ? texts.get(LocalizedText.FALLBACK)
                : scalarText(null, map, key + "." + LocalizedText.FALLBACK, where);
        texts.put(LocalizedText.FALLBACK, en);
        return LocalizedText.literal(texts);
    }

    private String scalarText(Node node, Node owner, String key, String where) {
        if (node == null) {
            problem(owner, where + " has no '" + key + "'");
            return "";
        }
        if (!(node instanceof ScalarNode scalar) || scalar.getValue().isBlank()) {
            problem(node, "'" + key + "' of " + where + " must be a non-empty text");
            return "";
        }
        return scalar.getValue();
    }

    private int points(Node node, Node owner, String where) {
        if (node == null) {
            problem(owner, where + " has no 'points'");
            return 0;
        }
        if (!(node instanceof ScalarNode scalar) || !Tag.INT.equals(scalar.getTag())) {
            problem(node, "'points' of " + where + " must be a whole number");
            return 0;
        }
        try {
            int points = Integer.parseInt(scalar.getValue().replace("_", ""));
            if (points < 0) {
                problem(node, "'points' of " + where + " must not be negative, found " + points);
                return 0;
            }
            return points;
        } catch (NumberFormatException e) {
            problem(node, "'points' of " + where + " must be a whole number between 0 and " + Integer.MAX_VALUE);
            return 0;
        }
    }


    private List<String> requires(Node node, String where) {
        if (node == null) {
            return List.of();
        }
        if (!(node instanceof SequenceNode seq)) {
            problem(node, "'requires' of " + where + " must be a list of criterion ids");
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        for (Node item : seq.getValue()) {
            if (item instanceof ScalarNode scalar && !scalar.getValue().isBlank()) {
                ids.add(scalar.getValue());
            } else {
                problem(item, "'requires' of " + where + " must list criterion ids");
            }
        }
        return ids;
    }


    private void problem(Node node, String message) {
        problems.add(new RubricException.Problem(file, line(node), message));
    }

    private static int line(Node node) {
        return node == null || node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    private static List<String> sorted(Set<String> keys) {
        return keys.stream().sorted().toList();
    }

}
