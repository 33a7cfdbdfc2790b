package dev.benchpulse.hub.topic;

import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns an RFC 6570 URI template (levels 1 to 4) into a regular expression that matches every URI the template can
 * expand to, so a topic can be tested against a template. Literals must match exactly; each expression matches what
 * its operator can produce: unreserved characters and percent-encodings (plus reserved characters for {@code +} and
 * {@code #}), the operator's prefix and separator, and for the named operators ({@code ;}, {@code ?}, {@code &}) the
 * declared variable names (any name when a variable is exploded, since an exploded map supplies its own keys).
 *
 * <p>The expressions are compiled by RE2/J, which simulates the automaton instead of backtracking: matching takes
 * time linear in the topic's length (times the pattern's size) whatever the template, so adjacent expressions that
 * can all match the same characters ({@code {+a}{+b}{+c}…}) cost no more than one. A backtracking engine would try
 * every way to split the topic between them, which grows with the number of expressions as exponent. Two leniencies
 * of the first matcher remain, so that every topic matched before still matches: {@code %} is accepted wherever a
 * percent-encoding could be, without checking the two hex digits after it, and prefix modifiers ({@code :3}) do not
 * restrict the length of what matches.
 */
final class UriTemplates {

    private static final String UNRESERVED = "A-Za-z0-9\\-._~";
    private static final String RESERVED = ":/?#\\[\\]@!$&'()*+,;=";
    private static final Pattern VARSPEC = Pattern.compile(
            "((?:[A-Za-z0-9_]|%[0-9A-Fa-f]{2})(?:\\.?(?:[A-Za-z0-9_]|%[0-9A-Fa-f]{2}))*)(\\*|:[1-9][0-9]{0,3})?");

    private UriTemplates() {}

    /** The pattern matching every expansion of the template, or {@code null} when it is not a valid URI template. */
    static Pattern toPattern(String template) {
        if (template.indexOf('{') < 0) {
            return null;
        }
        StringBuilder regex = new StringBuilder();
        int position = 0;
        while (position < template.length()) {
            int open = template.indexOf('{', position);
            int close = open < 0 ? -1 : template.indexOf('}', open);
            String literal = template.substring(position, open < 0 ? template.length() : open);
            if (literal.indexOf('}') >= 0 || (open >= 0 && close < 0)) {
                return null;
            }
            if (!literal.isEmpty()) {
                regex.append(Pattern.quote(literal));
            }
            if (open < 0) {
                break;
            }
            String expression = expression(template.substring(open + 1, close));
            if (expression == null) {
                return null;
            }
            regex.append(expression);
            position = close + 1;
        }
        return Pattern.compile(regex.toString());
    }

    private static String expression(String body) {
        if (body.isEmpty()) {
            return null;
        }
        char first = body.charAt(0);
        Operator operator = Operator.of(first);
        if (operator == null) {
            return null;
        }
        String variables = operator == Operator.SIMPLE ? body : body.substring(1);
        List<String> names = new ArrayList<>();
        boolean exploded = false;
        for (String varspec : variables.split(",", -1)) {
            var matcher = VARSPEC.matcher(varspec);
            if (!matcher.matches()) {
                return null;
            }
            names.add(matcher.group(1));
            exploded |= "*".equals(matcher.group(2));
        }
        return operator.named ? named(operator, names, exploded) : unnamed(operator, exploded);
    }

    private static String unnamed(Operator operator, boolean exploded) {
        String chars = UNRESERVED
                + (operator.reserved ? RESERVED : ",")
                + (exploded ? "=" : "")
                + operator.separator; // "," "." or "/": no escaping needed inside a character class
        String value = "[" + chars + "%]*";
        return operator.first.isEmpty() ? value : "(?:" + Pattern.quote(operator.first) + value + ")?";
    }

    private static String named(Operator operator, List<String> names, boolean exploded) {
        String name = exploded
                ? "[" + UNRESERVED + "%]+"
                : "(?:" + String.join("|", names.stream().map(Pattern::quote).toList()) + ")";
        String part = name + "(?:=[" + UNRESERVED + ",%]*)?";
        return "(?:" + Pattern.quote(operator.first) + part + "(?:" + Pattern.quote(operator.separator) + part + ")*)?";
    }

    private enum Operator {
        SIMPLE("", ",", false, false),
        RESERVED_EXPANSION("", ",", false, true),
        FRAGMENT("#", ",", false, true),
        LABEL(".", ".", false, false),
        PATH("/", "/", false, false),
        PATH_PARAMETER(";", ";", true, false),
        QUERY("?", "&", true, false),
        QUERY_CONTINUATION("&", "&", true, false);

        final String first;
        final String separator;
        final boolean named;
        final boolean reserved;

        Operator(String first, String separator, boolean named, boolean reserved) {
            this.first = first;
            this.separator = separator;
            this.named = named;
            this.reserved = reserved;
        }

        static Operator of(char c) {
            return switch (c) {
                case '+' -> RESERVED_EXPANSION;
                case '#' -> FRAGMENT;
                case '.' -> LABEL;
                case '/' -> PATH;
                case ';' -> PATH_PARAMETER;
                case '?' -> QUERY;
                case '&' -> QUERY_CONTINUATION;
                case '=', ',', '!', '@', '|' -> null;
                default -> SIMPLE;
            };
        }
    }
}
