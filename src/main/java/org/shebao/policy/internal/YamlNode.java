package org.shebao.policy.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.shebao.policy.internal.PolicyFileException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * A YAML node that knows its file and line, so that every complaint about a policy file can say where. Scalars
 * are read as text and converted here (dates as ISO dates, amounts as exact decimals), never by YAML's own
 * guessing.
 */
public final class YamlNode {
    private final String file;
    private final Node node;
    private final String path;

    private YamlNode(String file, Node node, String path) {
        this.file = file;
        this.node = node;
        this.path = path;
    }

    public static YamlNode parse(String file, InputStream in) {
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            Node root = new Yaml(new SafeConstructor(options)).compose(r);
            if (root == null) {
                throw new PolicyFileException(file, 0, "the file is empty");
            }
            return new YamlNode(file, root, "");
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
            throw new PolicyFileException(file, line, "not valid YAML: " + e.getProblem());
        } catch (IOException e) {
            throw new PolicyFileException(file, 0, "cannot be read: " + e.getMessage());
        } catch (YAMLException e) {
            throw new PolicyFileException(file, 0, "not valid YAML: " + e.getMessage());
        }
    }

    public String file() {
        return file;
    }

    public int line() {
        return node.getStartMark().getLine() + 1;
    }

    public PolicyFileException error(String reason) {
        return new PolicyFileException(file, line(), reason);
    }

    public boolean isMap() {
        return node instanceof MappingNode;
    }

    public boolean isList() {
        return node instanceof SequenceNode;
    }

    public boolean isScalar() {
        return node instanceof ScalarNode;
    }

    private Map<String, YamlNode> map() {
        if (!(node instanceof MappingNode m)) {
            throw error((path.isEmpty() ? "this" : "'" + path + "'") + " must be a mapping (key: value)");
        }
        Map<String, YamlNode> out = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                throw new PolicyFileException(file, t.getKeyNode().getStartMark().getLine() + 1, "keys must be plain text");
            }
            out.put(k.getValue(), new YamlNode(file, t.getValueNode(), k.getValue()));
        }
        return out;
    }

    public Set<String> keys() {
        return map().keySet();
    }

    /** Refuses keys the format does not know (a typo would otherwise be silently ignored). */
    public YamlNode onlyKeys(String... allowed) {
        Set<String> ok = Set.of(allowed);
        if (node instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                String k = ((ScalarNode) t.getKeyNode()).getValue();
                if (!ok.contains(k)) {
                    throw new PolicyFileException(file, t.getKeyNode().getStartMark().getLine() + 1,
                            "unknown key '" + k + "' (expected one of " + String.join(", ", allowed) + ")");
                }
            }
        }
        return this;
    }

    public boolean has(String key) {
        YamlNode n = map().get(key);
        return n != null && !n.isNull();
    }

    public boolean isNull() {
        return node instanceof ScalarNode s && ("null".equals(s.getValue()) || "~".equals(s.getValue())
                || s.getValue().isEmpty()) && s.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN;
    }

    public YamlNode get(String key) {
        YamlNode n = map().get(key);
        if (n == null || n.isNull()) {
            throw error("'" + key + "' is missing");
        }
        return n;
    }

    public YamlNode getOrNull(String key) {
        YamlNode n = map().get(key);
        return n == null || n.isNull() ? null : n;
    }

    public List<YamlNode> list() {
        if (!(node instanceof SequenceNode s)) {
            throw error("'" + path + "' must be a list");
        }
        List<YamlNode> out = new ArrayList<>();
        for (Node n : s.getValue()) {
            out.add(new YamlNode(file, n, path));
        }
        return out;
    }

    /** The list under key, or an empty list when the key is absent. */
    public List<YamlNode> list(String key) {
        YamlNode n = getOrNull(key);
        return n == null ? List.of() : n.list();
    }

    public String text() {
        if (!(node instanceof ScalarNode s)) {
            throw error("'" + path + "' must be a single value");
        }
        return s.getValue().trim();
    }

    public String text(String key) {
        String t = get(key).text();
        if (t.isBlank()) {
            throw get(key).error("'" + key + "' is empty");
        }
        return t;
    }

    public String textOrNull(String key) {
        YamlNode n = getOrNull(key);
        return n == null ? null : n.text();
    }

    public LocalDate date() {
        try {
            return LocalDate.parse(text());
        } catch (DateTimeParseException e) {
            throw error("'" + path + "' must be a date like 2020-01-24, was '" + text() + "'");
        }
    }

    public LocalDate date(String key) {
        return get(key).date();
    }

    public LocalDate dateOrNull(String key) {
        YamlNode n = getOrNull(key);
        return n == null ? null : n.date();
    }

    public YearMonth month() {
        try {
            return YearMonth.parse(text());
        } catch (DateTimeParseException e) {
            throw error("'" + path + "' must be a month like 1965-01, was '" + text() + "'");
        }
    }

    public BigDecimal decimal() {
        try {
            return new BigDecimal(text());
        } catch (NumberFormatException e) {
            throw error("'" + path + "' must be a number, was '" + text() + "'");
        }
    }

    public int integer() {
        try {
            return Integer.parseInt(text());
        } catch (NumberFormatException e) {
            throw error("'" + path + "' must be a whole number, was '" + text() + "'");
        }
    }

    public int integer(String key) {
        return get(key).integer();
    }

    public boolean bool(String key, boolean otherwise) {
        YamlNode n = getOrNull(key);
        if (n == null) {
            return otherwise;
        }
        return switch (n.text()) {
            case "true", "yes" -> true;
            case "false", "no" -> false;
            default -> throw n.error("'" + key + "' must be true or false, was '" + n.text() + "'");
        };
    }

    public List<String> texts(String key) {
        List<String> out = new ArrayList<>();
        for (YamlNode n : list(key)) {
            out.add(n.text());
        }
        return out;
    }

    /** The node as plain values: text for scalars, lists and (ordered) maps. */
    public Object plain() {
        if (node instanceof ScalarNode) {
            return isNull() ? null : text();
        }
        if (node instanceof SequenceNode) {
            List<Object> out = new ArrayList<>();
            for (YamlNode n : list()) {
                out.add(n.plain());
            }
            return out;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        map().forEach((k, v) -> out.put(k, v.plain()));
        return out;
    }

    /** A mapping's entries in file order, each value a node. */
    public Map<String, YamlNode> entries() {
        return map();
    }
}
