package org.lbsim.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lbsim.scenario.Node.Entry;
import org.lbsim.scenario.Node.ListNode;
import org.lbsim.scenario.Node.MapNode;
import org.lbsim.scenario.Node.ScalarNode;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads one YAML document into a located {@link Node} tree, safely: no tags (so no object
 * construction of any kind), no aliases, no duplicate keys, bounded size and nesting.
 *
 * <p>Jackson's streaming parser is used rather than a data binder because the binder needs the
 * line and column of every value, and the parser gives them token by token.
 */
final class YamlTree {

    /** Largest scenario accepted, in bytes of UTF-8: far more than any hand-written scenario. */
    static final int MAX_BYTES = 1 << 20;

    /** Deepest nesting of maps and lists accepted; real scenarios use about six levels. */
    static final int MAX_DEPTH = 32;

    private static final YAMLFactory FACTORY = newFactory();

    private final YAMLParser parser;
    private final String source;

    private YamlTree(YAMLParser parser, String source) {
        this.parser = parser;
        this.source = source;
    }

    private static YAMLFactory newFactory() {
        LoaderOptions loaderOptions = new LoaderOptions();
        // A second guard behind the byte check in read(): SnakeYAML counts code points as it reads.
        loaderOptions.setCodePointLimit(MAX_BYTES);
        return YAMLFactory.builder()
                .loaderOptions(loaderOptions)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                .build();
    }

    /**
     * Parses {@code text}; the result is never empty.
     *
     * @param source names the text in locations (a file name)
     * @throws ScenarioException with one problem: the first thing that stops the parse
     */
    static Node read(String text, String source) throws ScenarioException {
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            throw new ScenarioException(new ScenarioException.Problem(source, String.format(
                    "found %,d bytes, expected a scenario of at most %s", bytes, InputFiles.size(MAX_BYTES))));
        }
        try (YAMLParser parser = FACTORY.createParser(text)) {
            return new YamlTree(parser, source).document();
        } catch (JsonProcessingException e) {
            throw new ScenarioException(syntaxProblem(e, source));
        } catch (IOException e) {
            // Reading from a String fails only through the parser, which throws the type above.
            throw new UncheckedIOException(e);
        }
    }

    private Node document() throws IOException, ScenarioException {
        try {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw problem(new Location(source, 1, 1),
                        "the file is empty; expected a scenario map with at least duration, clients and servers");
            }
            Node root = readValue(first);
            if (parser.nextToken() != null) {
                throw problem(here(), "found a second YAML document (after '---'); expected one scenario per file");
            }
            return root;
        } catch (StreamConstraintsException e) {
            throw problem(here(), "found maps and lists nested more than " + MAX_DEPTH
                    + " levels deep; expected at most " + MAX_DEPTH);
        }
    }

    private Node readValue(JsonToken token) throws IOException, ScenarioException {
        Location at = here();
        rejectTagsAndAliases(at);
        if (token == JsonToken.START_OBJECT) return readMap(at);
        if (token == JsonToken.START_ARRAY) return readList(at);
        String text = parser.getText();
        boolean isNull = token == JsonToken.VALUE_NULL || text.isEmpty();
        return new ScalarNode(isNull ? "" : text, isNull, at);
    }

    private MapNode readMap(Location at) throws IOException, ScenarioException {
        List<Entry> entries = new ArrayList<>();
        Map<String, Location> seen = new HashMap<>();
        for (JsonToken token = next(); token != JsonToken.END_OBJECT; token = next()) {
            Location keyAt = here();
            rejectTagsAndAliases(keyAt);
            String key = parser.currentName();
            Location earlier = seen.putIfAbsent(key, keyAt);
            if (earlier != null) {
                throw problem(keyAt, "found the key '" + key + "' a second time (first at line " + earlier.line()
                        + "); expected each key once per map");
            }
            entries.add(new Entry(key, keyAt, readValue(next())));
        }
        return new MapNode(entries, at);
    }

    private ListNode readList(Location at) throws IOException, ScenarioException {
        List<Node> items = new ArrayList<>();
        for (JsonToken token = next(); token != JsonToken.END_ARRAY; token = next()) {
            items.add(readValue(token));
        }
        return new ListNode(items, at);
    }

    private JsonToken next() throws IOException {
        JsonToken token = parser.nextToken();
        // The parser reports an unclosed document as a syntax error, so null cannot come mid-tree.
        if (token == null) throw new IllegalStateException("YAML parser ended inside a map or list");
        return token;
    }

    /**
     * Tags ({@code !!java.net.URL}, {@code !foo}) are how YAML asks a loader to build objects; a
     * scenario never needs one. Aliases would let a small file expand into a huge tree. Anchors
     * of maps and lists are refused with them so that a user learns early that they cannot be
     * reused (Jackson does not report anchors of plain values; without aliases those are inert).
     */
    private void rejectTagsAndAliases(Location at) throws IOException, ScenarioException {
        String tag = parser.getTypeId();
        if (tag != null) {
            throw problem(at, "found the YAML tag '" + shortTag(tag) + "'; tags are not allowed in a scenario, "
                    + "expected a plain value, list or map");
        }
        if (parser.isCurrentAlias()) {
            throw problem(at, "found the alias '*" + parser.getText() + "'; anchors and aliases are not allowed, "
                    + "expected the value written out");
        }
        String anchor = parser.getObjectId();
        if (anchor != null) {
            throw problem(at, "found the anchor '&" + anchor + "'; anchors and aliases are not allowed, "
                    + "expected the value written out");
        }
    }

    /** Shows a tag as it was written: {@code tag:yaml.org,2002:str} was {@code !!str}. */
    private static String shortTag(String tag) {
        String standard = "tag:yaml.org,2002:";
        return tag.startsWith(standard) ? "!!" + tag.substring(standard.length()) : "!" + tag;
    }

    private Location here() {
        JsonLocation location = parser.currentTokenLocation();
        return new Location(source, location.getLineNr(), location.getColumnNr());
    }

    private ScenarioException problem(Location at, String message) {
        return new ScenarioException(new ScenarioException.Problem(at.where(), message));
    }

    /**
     * SnakeYAML explains a syntax error as a problem at a mark, often with the construct it was
     * reading; that is phrased for users already, once the Java wrapping is taken off.
     */
    private static ScenarioException.Problem syntaxProblem(JsonProcessingException e, String source) {
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            Mark mark = marked.getProblemMark();
            StringBuilder message = new StringBuilder("YAML syntax error: ").append(marked.getProblem());
            if (marked.getContext() != null && marked.getContextMark() != null) {
                message.append(" (").append(marked.getContext()).append(" that starts at line ")
                        .append(marked.getContextMark().getLine() + 1).append(", column ")
                        .append(marked.getContextMark().getColumn() + 1).append(')');
            }
            return new ScenarioException.Problem(
                    new Location(source, mark.getLine() + 1, mark.getColumn() + 1).where(), message.toString());
        }
        JsonLocation location = e.getLocation();
        String where = location == null ? source
                : new Location(source, location.getLineNr(), location.getColumnNr()).where();
        String reason = e.getCause() != null && e.getCause().getMessage() != null
                ? e.getCause().getMessage() : e.getOriginalMessage();
        if (reason != null && reason.startsWith(COMPLEX_KEY)) {
            String kind = reason.contains("MappingStart") ? "a map" : reason.contains("SequenceStart") ? "a list" : "a complex key";
            return new ScenarioException.Problem(where, "found " + kind + " as a key (a YAML complex key, written with '?'), "
                    + "expected a plain key such as name or duration");
        }
        if (reason == null || reason.contains("org.yaml.") || reason.contains("com.fasterxml.")) {
            // Never show a parser's internal objects; the line and column say where.
            reason = "found something the YAML reader cannot use here, expected a plain key, value, list or map";
        }
        return new ScenarioException.Problem(where, "YAML error: " + reason);
    }

    /** How Jackson reports a key that is a map or a list ({@code ? [a, b]}), naming a SnakeYAML event. */
    private static final String COMPLEX_KEY = "Expected a field name";
}
