package com.crmplatform.importexport;

import java.util.List;
import java.util.Map;

/**
 * A file whose headers do not name every column an import needs: it says which are missing, what
 * the file's columns are and which fields were already matched, so the user can say which column
 * is which (the import window's column step, {@code --column} on the command line).
 */
public final class MissingColumns extends ImportException {

    private final List<String> missing;
    private final List<String> required;
    private final List<String> fileColumns;
    private final List<String> fields;
    private final Map<String, String> matched;

    MissingColumns(List<String> missing, List<String> required, List<String> fileColumns, List<String> fields, Map<String, String> matched) {
        super("The file has no " + quoted(missing) + " (its columns: "
                + String.join(", ", fileColumns) + "). Say which column is which (on the command line: --column "
                + missing.get(0) + "=\"" + (fileColumns.isEmpty() ? "Its column" : fileColumns.get(0))
                + "\"), or rename the columns in the file's first line and import it again.");
        this.missing = List.copyOf(missing);
        this.required = List.copyOf(required);
        this.fileColumns = List.copyOf(fileColumns);
        this.fields = List.copyOf(fields);
        this.matched = Map.copyOf(matched);
    }

    private static String quoted(List<String> names) {
        return String.join(" and no ", names.stream().map(n -> "\"" + n + "\" column").toList());
    }

    /** The required fields no column was found for. */
    public List<String> missing() {
        return missing;
    }

    /** The fields every import of this kind needs. */
    public List<String> required() {
        return required;
    }

    /** The file's column names as written, in file order. */
    public List<String> fileColumns() {
        return fileColumns;
    }

    /** Every field the import reads, required ones first. */
    public List<String> fields() {
        return fields;
    }

    /** The fields already found: field → the file's column as written. */
    public Map<String, String> matched() {
        return matched;
    }
}
