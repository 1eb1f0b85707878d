package com.crmplatform.importexport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.HashMap;
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

    /** One data row: its values by lower-case column name and the line it starts on. */
    record Row(long line, Map<String, String> values, long charPosition) {
        String get(String column) {
            String v = values.get(column.toLowerCase(Locale.ROOT));
            return v == null ? "" : v;
        }
    }

    private CsvSource() {
    }

    /** The file's size in bytes (at least 1), to report progress against. */
    static long sizeOf(Path file) {
        try {
            return Math.max(1, Files.size(file));
        } catch (IOException e) {
            return 1;
        }
    }

    /**
     * Reads every row in order.
     *
     * @param required the columns the file must have
     * @throws ImportException when the file cannot be read at all or lacks a required column
     */
    static void read(Path file, List<String> required, Consumer<Row> sink) {
        try (InputStream in = Files.newInputStream(file);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                     .onMalformedInput(CodingErrorAction.REPORT)))) {
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset();
            }
            CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                    .setIgnoreHeaderCase(true).setIgnoreEmptyLines(false).setIgnoreSurroundingSpaces(true)
                    .setAllowMissingColumnNames(true).get();
            try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
                List<String> headers = new ArrayList<>();
                parser.getHeaderNames().forEach(h -> headers.add(h.strip().toLowerCase(Locale.ROOT)));
                for (String r : required) {
                    if (!headers.contains(r.toLowerCase(Locale.ROOT))) {
                        throw new ImportException("The file has no \"" + r + "\" column. Its first line must name the "
                                + "columns, e.g. " + String.join(",", required) + ".");
                    }
                }
                Iterator<CSVRecord> it = parser.iterator();
                while (true) {
                    long line = parser.getCurrentLineNumber() + 1;
                    if (!it.hasNext()) {
                        break;
                    }
                    CSVRecord record = it.next();
                    Map<String, String> values = new HashMap<>(headers.size() * 2);
                    boolean blank = true;
                    for (int i = 0; i < headers.size() && i < record.size(); i++) {
                        String v = record.get(i);
                        values.putIfAbsent(headers.get(i), v);
                        blank &= v.isBlank();
                    }
                    if (!blank) {
                        sink.accept(new Row(line, values, record.getCharacterPosition()));
                    }
                }
            }
        } catch (CharacterCodingException e) {
            throw new ImportException("The file is not UTF-8 text. Save it as \"CSV UTF-8\" and import it again.", e);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new ImportException("Cannot read " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            if (e instanceof ImportException ie) {
                throw ie;
            }
            throw new ImportException("The file is not a readable CSV file: " + e.getMessage(), e);
        }
    }
}
