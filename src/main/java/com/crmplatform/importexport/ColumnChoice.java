package com.crmplatform.importexport;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which of a file's columns holds which field, as the user said when the file's headers were not
 * ones the CRM knows: field (e.g. {@code email}) → the file's column as written (e.g. {@code "E-post"}).
 * Fields not named here are found by their own name or a known alias, as without a choice.
 */
public record ColumnChoice(Map<String, String> columns) {

    public static final ColumnChoice NONE = new ColumnChoice(Map.of());

    public ColumnChoice {
        columns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    }

    public boolean isEmpty() {
        return columns.isEmpty();
    }
}
