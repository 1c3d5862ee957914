package io.labgrader.report;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How GitLab reads a JUnit XML report into test cases, ported rule by rule from its source, because GitLab itself cannot
 * run here:
 * <ul>
 *   <li>gitlabhq lib/gitlab/xml_converter.rb (commit 469adbda3d1611901e1e428b0bdbfd7b676e99cb): Nokogiri's document,
 *       {@code doc.to_hash}, keys normalised ('-' to '_'), then ActiveSupport's {@code XMLConverter#to_h};</li>
 *   <li>rails/rails activesupport/lib/active_support/xml_mini/nokogiri.rb ({@code Node#to_hash}: text into
 *       "__content__", dropped when blank beside other keys, then the attributes) and
 *       activesupport/lib/active_support/core_ext/hash/conversions.rb ({@code XMLConverter}: become_content?,
 *       become_empty_string?, become_hash?, nothing?, garbage?, process_array);</li>
 *   <li>gitlabhq lib/gitlab/ci/parsers/test/junit.rb (commit d23f0cff3ca412a36fcefbb25dc4b36d2941a7de):
 *       {@code all_cases}, {@code create_test_case}: failure, then error, then skipped decides the status, and that
 *       element's value is the case's output.</li>
 * </ul>
 */
final class GitlabJunitReading {

    /** One test case as GitLab keeps it; {@code output} is whatever the converter made of the element. */
    record Case(String suite, String name, String status, Object output) {
    }

    /** ActiveSupport::XmlMini::PARSING's type names: content of these types would be converted, not kept as text. */
    private static final Set<String> TYPED = Set.of("symbol", "date", "datetime", "integer", "float", "decimal",
            "boolean", "string", "base64Binary", "binary", "file", "yaml", "array");

    private GitlabJunitReading() {
    }

    static List<Case> read(Element root) {
        Map<String, Object> doc = new LinkedHashMap<>();
        toHash(root, doc);
        Object converted = deepToH(normalizeKeys(doc));
        List<Case> cases = new ArrayList<>();
        // all_cases: only one top-level testsuites; at least one level of testsuite(s); nested testsuite allowed
        if (converted instanceof Map<?, ?> top) {
            allCases(top.get("testsuites"), true, cases);
        }
        return cases;
    }

    private static void allCases(Object node, boolean parent, List<Case> cases) {
        for (Object n : flatten(node)) {
            if (n instanceof Map<?, ?> m) {
                if (parent) {
                    for (Object tc : flatten(m.get("testcase"))) {
                        if (tc instanceof Map<?, ?> data) {
                            cases.add(create(data, String.valueOf(m.get("name"))));
                        }
                    }
                }
                allCases(m.get("testsuite"), true, cases);
            }
        }
    }

    private static Case create(Map<?, ?> data, String suite) {
        String status;
        Object output;
        if (data.containsKey("failure")) {
            status = "failed";
            output = data.get("failure");
        } else if (data.containsKey("error")) {
            status = "error";
            output = data.get("error");
        } else if (data.containsKey("skipped")) {
            status = "skipped";
            output = data.get("skipped");
        } else {
            status = "success";
            output = null;
        }
        return new Case(suite, String.valueOf(data.get("name")), status, output);
    }

    private static List<Object> flatten(Object node) {
        List<Object> out = new ArrayList<>();
        if (node instanceof List<?> list) {
            list.forEach(x -> out.addAll(flatten(x)));
        } else if (node != null) {
            out.add(node);
        }
        return out;
    }

    /** Nokogiri Node#to_hash as ActiveSupport defines it. */
    @SuppressWarnings("unchecked")
    private static void toHash(Element element, Map<String, Object> hash) {
        Map<String, Object> node = new LinkedHashMap<>();
        Object existing = hash.get(element.getTagName());
        if (existing instanceof List<?> list) {
            ((List<Object>) list).add(node);
        } else if (existing instanceof Map<?, ?>) {
            hash.put(element.getTagName(), new ArrayList<>(List.of(existing, node)));
        } else {
            hash.put(element.getTagName(), node);
        }
        for (Node c = element.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c.getNodeType() == Node.ELEMENT_NODE) {
                toHash((Element) c, node);
            } else if (c.getNodeType() == Node.TEXT_NODE || c.getNodeType() == Node.CDATA_SECTION_NODE) {
                node.merge("__content__", c.getNodeValue(), (a, b) -> (String) a + b);
            }
        }
        if (node.size() > 1 && blank(node.get("__content__"))) {
            node.remove("__content__");
        }
        for (int i = 0; i < element.getAttributes().getLength(); i++) {
            Node a = element.getAttributes().item(i);
            node.put(a.getNodeName(), a.getNodeValue());
        }
    }

    private static Object normalizeKeys(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(k.toString().replace('-', '_'), normalizeKeys(v)));
            return out;
        }
        if (value instanceof List<?> l) {
            return new ArrayList<>(l.stream().map(GitlabJunitReading::normalizeKeys).toList());
        }
        return value;
    }

    private static Object deepToH(Object value) {
        if (value instanceof Map<?, ?> m) {
            return processHash(m);
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.stream().map(GitlabJunitReading::deepToH).toList());
            return out.size() > 1 ? out : out.isEmpty() ? null : out.get(0);
        }
        return value;
    }

    private static Object processHash(Map<?, ?> value) {
        Object type = value.get("type");
        Object content = value.get("__content__");
        if ("array".equals(type)) {
            throw new IllegalStateException("type=\"array\" is not modelled here; labgrader never writes it");
        }
        if ("file".equals(type) || content != null && (value.size() == 1 || !blank(content))) {   // become_content?
            if (type instanceof String t && TYPED.contains(t)) {
                throw new IllegalStateException("type=\"" + t + "\" makes ActiveSupport convert the text");
            }
            return content;
        }
        if ("string".equals(type) && !"true".equals(value.get("nil"))) {                             // become_empty_string?
            return "";
        }
        boolean nothing = value.isEmpty() || "true".equals(value.get("nil"));
        boolean garbage = type != null && !(type instanceof Map) && value.size() == 1;
        if (!nothing && !garbage) {                                                                  // become_hash?
            Map<String, Object> out = new LinkedHashMap<>();
            value.forEach((k, v) -> out.put(k.toString(), deepToH(v)));
            return out;
        }
        return null;
    }

    /** Ruby's blank? for a string: nil, empty or whitespace only. */
    private static boolean blank(Object s) {
        return s == null || s.toString().isBlank();
    }
}
