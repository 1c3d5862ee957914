package io.labgrader.rubric;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The text of rubric.yml: strict UTF-8, then SnakeYAML's node tree (which keeps line numbers), within limits on
 * aliases, nesting and size, so that a hostile file is refused before {@link RubricLoader} walks it.
 */
final class RubricYaml {

    private static final int MAX_ALIASES = 20;
    private static final int MAX_NESTING = 20;

    private RubricYaml() {
    }

    static String utf8(Path file, byte[] bytes) throws RubricException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new RubricException(file, 0, "the file is not UTF-8 text");
        }
    }

    static Node compose(Path file, String text) throws RubricException {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(MAX_NESTING);
        options.setCodePointLimit(RubricLoader.MAX_BYTES);
        options.setAllowDuplicateKeys(false);
        try {
            Node node = new Yaml(options).compose(new StringReader(text));
            if (node == null) {
                throw new RubricException(file, 0, "the file is empty");
            }
            return node;
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
            String what = e.getProblem() != null ? e.getProblem() : e.getMessage();
            throw new RubricException(file, line, "YAML syntax error: " + what);
        } catch (YAMLException e) {
            throw new RubricException(file, 0, "YAML error: " + e.getMessage());
        }
    }
}
