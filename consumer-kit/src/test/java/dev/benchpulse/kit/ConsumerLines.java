package dev.benchpulse.kit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Compares a consumer's output with the reference decoding, field by field. Lines are parsed into plain trees whose
 * numbers are exact decimals, so {@code 1234.0} printed by Java and {@code 1234} printed by JavaScript are the same
 * number, and a double must print as the same shortest decimal in both.
 */
final class ConsumerLines {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ConsumerLines() {}

    static BigDecimal number(Number number) {
        BigDecimal exact = number instanceof Double || number instanceof Float
                ? BigDecimal.valueOf(number.doubleValue())
                : new BigDecimal(number.toString());
        return exact.stripTrailingZeros();
    }

    /** One printed line as a plain tree (maps, lists, strings, booleans, exact numbers, nulls). */
    static Map<String, Object> parse(String line) {
        @SuppressWarnings("unchecked")
        Map<String, Object> tree = (Map<String, Object>) normalize(JSON.readTree(line));
        return tree;
    }

    private static Object normalize(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> fields = new LinkedHashMap<>();
            node.properties().forEach(e -> fields.put(e.getKey(), normalize(e.getValue())));
            return fields;
        }
        if (node.isArray()) {
            List<Object> items = new ArrayList<>();
            node.forEach(item -> items.add(normalize(item)));
            return items;
        }
        if (node.isNumber()) {
            return node.decimalValue().stripTrailingZeros();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.isNull() ? null : node.asString();
    }

    /** Every difference between an expected and a printed tree, each as {@code path: expected … printed …}. */
    static List<String> differences(String path, Object expected, Object printed) {
        List<String> differences = new ArrayList<>();
        if (expected instanceof Map<?, ?> fields && printed instanceof Map<?, ?> actual) {
            fields.forEach((name, value) -> {
                if (!actual.containsKey(name)) {
                    differences.add(path + "." + name + ": missing");
                } else {
                    differences.addAll(differences(path + "." + name, value, actual.get(name)));
                }
            });
            actual.keySet().stream()
                    .filter(name -> !fields.containsKey(name))
                    .forEach(name -> differences.add(path + "." + name + ": not in the reference"));
        } else if (expected instanceof List<?> items
                && printed instanceof List<?> actual
                && items.size() == actual.size()) {
            for (int i = 0; i < items.size(); i++) {
                differences.addAll(differences(path + "[" + i + "]", items.get(i), actual.get(i)));
            }
        } else if (!Objects.equals(expected, printed)) {
            differences.add(path + ": expected " + expected + ", printed " + printed);
        }
        return differences;
    }
}
