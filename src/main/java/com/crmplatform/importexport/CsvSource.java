package com.crmplatform.importexport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file read row by row: UTF-8 with or without a byte-order mark, quoted commas and
 * newlines, header names matched case-insensitively, unknown columns ignored. Each row comes
 * with the file line it starts on (the header is line 1).
 */
final class CsvSource {

    /**
     * One data row: its values by lower-case column name, the line it starts on, and whether the file
     * separates with semicolons (as spreadsheets do where the comma is the decimal mark).
     */
    record Row(long line, Map<String, String> values, long charPosition, boolean semicolons) {
        String get(String column) {
            String v = values.get(column.toLowerCase(Locale.ROOT));
            return v == null ? "" : v;
        }

        /** An amount cell as {@link CsvValues#money} reads it (a decimal comma in a semicolon file). */
        java.math.BigDecimal money(String column) {
            return CsvValues.money(column, get(column), semicolons);
        }
    }

    /** A line the reader could not get past; every row before it was handed on. */
    static final class UnreadableLine extends ImportException {
        private final long line;
        private final String reason;

        UnreadableLine(long line, String reason, Throwable cause) {
            super("Line " + line + " could not be read: " + reason, cause);
            this.line = line;
            this.reason = reason;
        }

        long line() {
            return line;
        }

        String reason() {
            return reason;
        }
    }

    /**
     * What bytes that are not UTF-8 become: U+FFFF, a noncharacter that no text file holds (unlike
     * U+FFFD, which a customer's name may legitimately contain).
     */
    private static final String BAD_BYTES = "\uFFFF";

    static final String NOT_UTF8 = "it is not UTF-8 text (save the file as \"CSV UTF-8\" and import it again)";

    private CsvSource() {
    }

    /**
     * The separator the first line uses: a comma, or a semicolon (spreadsheets set to European or
     * some Indian locales save "CSV" so) or a tab, whichever appears most outside quotes.
     */
    private static char delimiter(BufferedReader reader) throws IOException {
        reader.mark(64 * 1024);
        int comma = 0;
        int semicolon = 0;
        int tab = 0;
        boolean quoted = false;
        for (int i = 0; i < 64 * 1024 - 1; i++) {
            int c = reader.read();
            if (c < 0 || c == '\n' && !quoted) {
                break;
            }
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                comma += c == ',' ? 1 : 0;
                semicolon += c == ';' ? 1 : 0;
                tab += c == '\t' ? 1 : 0;
            }
        }
        reader.reset();
        return semicolon > comma && semicolon >= tab ? ';' : tab > comma ? '\t' : ',';
    }

    /** The file's size in bytes (at least 1), to report progress against. */
    static long sizeOf(Path file) {
        try {
            return Math.max(1, Files.size(file));
        } catch (IOException e) {
            return 1;
        }
    }

    /** What an import reads: the columns a file must have, every column it uses, and other names people give them. */
    record Columns(List<String> required, List<String> known, Map<String, String> aliases) {
    }

    /** A header as compared: without case, spaces, dashes, dots or underscores ("E-mail", "Total Spent"). */
    static String key(String header) {
        return header.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-.]", "");
    }

    /**
     * Reads every row in order. A column is the field the user chose for it, else the field it
     * names, else the field an alias stands for when the file lacks that field's own column.
     *
     * @param columns what the import reads; aliases are keyed by {@link #key}
     * @param choice  the user's say on which column is which
     * @throws MissingColumns  when a required field has no column
     * @throws ImportException when the file cannot be read at all
     */
    static void read(Path file, Columns columns, ColumnChoice choice, Consumer<Row> sink) {
        try (InputStream in = Files.newInputStream(file);
             // Bad bytes become BAD_BYTES, so the row holding them is found by its line (REPORT would
             // fail somewhere in the read-ahead buffer, lines away from the culprit).
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                     .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)
                     .replaceWith(BAD_BYTES)))) {
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset();
            }
            char delimiter = delimiter(reader);
            CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
                    .setIgnoreHeaderCase(true).setIgnoreEmptyLines(false).setIgnoreSurroundingSpaces(true)
                    .setAllowMissingColumnNames(true).get();
            try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
                List<String> written = new ArrayList<>();
                for (String h : parser.getHeaderNames()) {
                    if (h.contains(BAD_BYTES)) {
                        throw new ImportException("The first line of the file cannot be read: " + NOT_UTF8 + ".");
                    }
                    written.add(h.strip());
                }
                List<String> headers = fieldsOf(written, columns, choice);
                for (int i = 0; i < headers.size(); i++) {
                    String h = headers.get(i);
                    int again = headers.subList(i + 1, headers.size()).indexOf(h);
                    if (!h.isEmpty() && again >= 0) {
                        throw new ImportException("The file has the column \"" + written.get(i) + "\" twice (columns " + (i + 1)
                                + " and " + (i + again + 2) + "). Remove or rename one and import it again.");
                    }
                }
                List<String> missing = columns.required().stream()
                        .filter(r -> !headers.contains(r.toLowerCase(Locale.ROOT))).toList();
                if (!missing.isEmpty()) {
                    Map<String, String> matched = new java.util.LinkedHashMap<>();
                    for (String field : columns.known()) {
                        int at = headers.indexOf(field.toLowerCase(Locale.ROOT));
                        if (at >= 0) {
                            matched.put(field, written.get(at));
                        }
                    }
                    throw new MissingColumns(missing, columns.required(), written, columns.known(), matched);
                }
                Iterator<CSVRecord> it = parser.iterator();
                while (true) {
                    long line = parser.getCurrentLineNumber() + 1;
                    CSVRecord record;
                    try {
                        if (!it.hasNext()) {
                            break;
                        }
                        record = it.next();
                    } catch (java.io.UncheckedIOException | IllegalStateException e) {
                        throw new UnreadableLine(line, quotingProblem(e), e);
                    }
                    Map<String, String> values = new HashMap<>(headers.size() * 2);
                    boolean blank = true;
                    for (int i = 0; i < headers.size() && i < record.size(); i++) {
                        String v = record.get(i);
                        if (v.contains(BAD_BYTES)) {
                            throw new UnreadableLine(line, NOT_UTF8, null);
                        }
                        v = CsvValues.fromSpreadsheet(v);
                        values.putIfAbsent(headers.get(i), v);
                        blank &= v.isBlank();
                    }
                    if (!blank) {
                        sink.accept(new Row(line, values, record.getCharacterPosition(), delimiter == ';'));
                    }
                }
            }
        } catch (org.apache.commons.csv.CSVException e) {
            throw new ImportException("The first line of the file (the column names) cannot be read: " + quotingProblem(e)
                    + ".", e);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new ImportException("Cannot read " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            if (e instanceof ImportException ie) {
                throw ie;
            }
            throw new ImportException("The file is not a readable CSV file: " + e.getMessage(), e);
        }
    }

    /**
     * The field each of the file's columns is read as (lower case; "" for a column read as nothing):
     * the user's choice first, then the column's own name, then an alias for a field the file lacks.
     */
    private static List<String> fieldsOf(List<String> written, Columns columns, ColumnChoice choice) {
        Map<String, String> chosen = new HashMap<>();
        for (Map.Entry<String, String> e : choice.columns().entrySet()) {
            String field = e.getKey().toLowerCase(Locale.ROOT);
            if (columns.known().stream().noneMatch(k -> k.equalsIgnoreCase(e.getKey()))) {
                throw new ImportException("\"" + e.getKey() + "\" is not a column this import reads (it reads "
                        + String.join(", ", columns.known()) + ").");
            }
            if (written.stream().noneMatch(w -> key(w).equals(key(e.getValue())))) {
                throw new ImportException("The file has no column \"" + e.getValue() + "\" to read " + e.getKey()
                        + " from (its columns: " + String.join(", ", written) + ").");
            }
            String before = chosen.put(key(e.getValue()), field);
            if (before != null) {
                throw new ImportException("The column \"" + e.getValue() + "\" was chosen for two fields; choose one "
                        + "column per field.");
            }
        }
        java.util.Set<String> taken = new java.util.HashSet<>(chosen.values());
        List<String> keys = written.stream().map(CsvSource::key).toList();
        for (String k : keys) {
            if (!chosen.containsKey(k) && !taken.contains(k)) {
                taken.add(k);
            }
        }
        List<String> out = new ArrayList<>();
        for (String k : keys) {
            String field;
            if (chosen.containsKey(k)) {
                field = chosen.get(k);
            } else if (chosen.containsValue(k)) {
                field = ""; // the user chose another column for this field
            } else {
                String target = columns.aliases().get(k);
                // An alias stands for a field only when the file has no column of that name (a file with
                // both "amount" and "Total" keeps "Total" as an extra, ignored column).
                field = target != null && taken.add(target.toLowerCase(Locale.ROOT)) ? target.toLowerCase(Locale.ROOT) : k;
            }
            out.add(field);
        }
        return out;
    }

    private static String quotingProblem(Exception e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("EOF")) {
            return "a quoted value starts here and is never closed (a \" inside a value must be written \"\")";
        }
        return "its quotes do not pair up (a \" inside a value must be written \"\")";
    }
}
