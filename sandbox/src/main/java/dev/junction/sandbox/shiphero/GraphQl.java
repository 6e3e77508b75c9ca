package dev.junction.sandbox.shiphero;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/**
 * Just enough GraphQL to recognise what a connector sends: the root fields of the chosen operation, their
 * arguments (variables resolved, inline literals of every kind) and the nested fields with their arguments
 * (a Relay connection's page size sits on the nested {@code data(first:, after:)} field). Fragments,
 * directives and type conditions are skipped; the simulator answers with the full documented object.
 */
final class GraphQl {

    /** One selected field; {@code key} is the alias when given, else the name. */
    record Field(String key, String name, JsonObject args, List<Field> children) {
        Field child(String childName) {
            return children.stream().filter(f -> f.name.equals(childName)).findFirst().orElse(null);
        }
    }

    /** A malformed document; answered as a GraphQL syntax error. */
    static final class SyntaxError extends RuntimeException {
        SyntaxError(String message) {
            super(message);
        }
    }

    /** Whether the chosen operation is a mutation, and its root fields. */
    record Operation(boolean mutation, List<Field> fields) {
    }

    private final String src;
    private final JsonObject variables;
    private int pos;

    private GraphQl(String src, JsonObject variables) {
        this.src = src;
        this.variables = variables == null ? new JsonObject() : variables;
    }

    static Operation parse(String query, JsonObject variables, String operationName) {
        if (query == null || query.isBlank()) {
            throw new SyntaxError("Must provide query string.");
        }
        return new GraphQl(query, variables).document(operationName);
    }

    private Operation document(String operationName) {
        Operation first = null;
        while (true) {
            skipIgnored();
            if (pos >= src.length()) break;
            boolean mutation = false;
            String name = null;
            if (peek() != '{') {
                String keyword = name();
                if (keyword.equals("fragment")) {
                    skipUntilBlockEnd();
                    continue;
                }
                mutation = keyword.equals("mutation");
                skipIgnored();
                if (isNameStart(peek())) name = name();
                skipIgnored();
                if (peek() == '(') skipBalanced('(', ')');
                skipDirectives();
            }
            List<Field> fields = selectionSet();
            Operation op = new Operation(mutation, fields);
            if (operationName != null && operationName.equals(name)) return op;
            if (first == null) first = op;
        }
        if (first == null) throw new SyntaxError("Syntax Error: Unexpected <EOF>.");
        return first;
    }

    private List<Field> selectionSet() {
        expect('{');
        List<Field> fields = new ArrayList<>();
        while (true) {
            skipIgnored();
            if (peek() == '}') {
                pos++;
                return fields;
            }
            if (src.startsWith("...", pos)) {
                pos += 3;
                skipIgnored();
                if (isNameStart(peek())) {
                    String word = name();
                    if (word.equals("on")) {
                        skipIgnored();
                        name();
                    }
                }
                skipDirectives();
                skipIgnored();
                // An inline fragment's fields are merged: the object is returned in full anyway.
                if (peek() == '{') fields.addAll(selectionSet());
                continue;
            }
            fields.add(field());
        }
    }

    private Field field() {
        String first = name();
        String alias = first;
        String name = first;
        skipIgnored();
        if (peek() == ':') {
            pos++;
            skipIgnored();
            name = name();
        }
        JsonObject args = new JsonObject();
        skipIgnored();
        if (peek() == '(') {
            pos++;
            while (true) {
                skipIgnored();
                if (peek() == ')') {
                    pos++;
                    break;
                }
                String argName = name();
                skipIgnored();
                expect(':');
                args.put(argName, value());
            }
        }
        skipDirectives();
        skipIgnored();
        List<Field> children = peek() == '{' ? selectionSet() : List.of();
        return new Field(alias, name, args, children);
    }

    private Object value() {
        skipIgnored();
        char c = peek();
        if (c == '$') {
            pos++;
            return variables.getValue(name());
        }
        if (c == '"') return string();
        if (c == '[') {
            pos++;
            JsonArray list = new JsonArray();
            while (true) {
                skipIgnored();
                if (peek() == ']') {
                    pos++;
                    return list;
                }
                list.add(value());
            }
        }
        if (c == '{') {
            pos++;
            JsonObject obj = new JsonObject();
            while (true) {
                skipIgnored();
                if (peek() == '}') {
                    pos++;
                    return obj;
                }
                String key = name();
                skipIgnored();
                expect(':');
                obj.put(key, value());
            }
        }
        if (c == '-' || Character.isDigit(c)) return number();
        String word = name();
        return switch (word) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            case "null" -> null;
            default -> word; // enum value
        };
    }

    private Object number() {
        int start = pos;
        if (peek() == '-') pos++;
        while (pos < src.length() && "0123456789.eE+-".indexOf(src.charAt(pos)) >= 0) pos++;
        String text = src.substring(start, pos);
        if (text.contains(".") || text.contains("e") || text.contains("E")) return Double.parseDouble(text);
        long n = Long.parseLong(text);
        return n >= Integer.MIN_VALUE && n <= Integer.MAX_VALUE ? (Object) (int) n : (Object) n;
    }

    private String string() {
        if (src.startsWith("\"\"\"", pos)) {
            int end = src.indexOf("\"\"\"", pos + 3);
            if (end < 0) throw new SyntaxError("Syntax Error: Unterminated string.");
            String s = src.substring(pos + 3, end);
            pos = end + 3;
            return s;
        }
        pos++;
        StringBuilder sb = new StringBuilder();
        while (pos < src.length()) {
            char c = src.charAt(pos++);
            if (c == '"') return sb.toString();
            if (c == '\\') {
                char e = src.charAt(pos++);
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'u' -> {
                        sb.append((char) Integer.parseInt(src.substring(pos, pos + 4), 16));
                        pos += 4;
                    }
                    default -> sb.append(e);
                }
            } else {
                sb.append(c);
            }
        }
        throw new SyntaxError("Syntax Error: Unterminated string.");
    }

    private void skipDirectives() {
        while (true) {
            skipIgnored();
            if (peek() != '@') return;
            pos++;
            name();
            skipIgnored();
            if (peek() == '(') skipBalanced('(', ')');
        }
    }

    private void skipUntilBlockEnd() {
        while (pos < src.length() && src.charAt(pos) != '{') pos++;
        skipBalanced('{', '}');
    }

    private void skipBalanced(char open, char close) {
        int depth = 0;
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '"') {
                string();
                continue;
            }
            pos++;
            if (c == open) depth++;
            if (c == close && --depth == 0) return;
        }
        throw new SyntaxError("Syntax Error: Expected \"" + close + "\", found <EOF>.");
    }

    private String name() {
        skipIgnored();
        int start = pos;
        if (pos >= src.length() || !isNameStart(src.charAt(pos))) {
            throw new SyntaxError("Syntax Error: Expected Name, found " + describe() + ".");
        }
        while (pos < src.length() && (isNameStart(src.charAt(pos)) || Character.isDigit(src.charAt(pos)))) pos++;
        return src.substring(start, pos);
    }

    private void expect(char c) {
        skipIgnored();
        if (peek() != c) throw new SyntaxError("Syntax Error: Expected \"" + c + "\", found " + describe() + ".");
        pos++;
    }

    private String describe() {
        return pos >= src.length() ? "<EOF>" : "\"" + src.charAt(pos) + "\"";
    }

    private char peek() {
        return pos < src.length() ? src.charAt(pos) : '\0';
    }

    /** Whitespace, commas and comments are insignificant in GraphQL. */
    private void skipIgnored() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '#') {
                while (pos < src.length() && src.charAt(pos) != '\n') pos++;
            } else if (Character.isWhitespace(c) || c == ',' || c == '\uFEFF') {
                pos++;
            } else {
                return;
            }
        }
    }

    private static boolean isNameStart(char c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
