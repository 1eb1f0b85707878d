package com.crmplatform.importexport;

import com.crmplatform.store.Amounts;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.regex.Pattern;

/** Reading the values people put in CSV files; each failure says what was wrong with the value. */
final class CsvValues {

    /** 1,234,567.50 (thousands) or 12,34,567.50 (lakhs): a comma anywhere else is a mistake such as "1,5". */
    private static final Pattern GROUPED = Pattern.compile("-?(\\d{1,3}(,\\d{3})+|\\d{1,2}(,\\d{2})*,\\d{3})(\\.\\d+)?");
    private static final Pattern WHOLE = Pattern.compile("-?\\d+");
    /** What a spreadsheet would run as a formula at the start of a cell (OWASP CSV injection). */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private CsvValues() {
    }

    /** A column's name as a person says it: "lastPurchaseDate" → "Last purchase date". */
    static String label(String column) {
        String words = column.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** A date as {@link com.crmplatform.store.Dates} reads one (as every form and filter does); empty is null. */
    static LocalDate date(String column, String raw) {
        try {
            return com.crmplatform.store.Dates.parse(raw);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(label(column) + " \"" + raw.strip() + "\" " + e.getMessage());
        }
    }

    /** "1.234,50" or "12,5": the comma as decimal mark, as semicolon-separated files from such locales write it. */
    private static final Pattern DECIMAL_COMMA = Pattern.compile("(\\D*?)(\\d{1,3}(\\.\\d{3})+|\\d+),(\\d{1,2})(\\D*)");

    /** Rupees as {@link Amounts} reads them ("12,500.50", "₹ 1,200", "Rs. 300", "1 lakh"); empty is null. */
    static BigDecimal money(String column, String raw) {
        return money(column, raw, false);
    }

    /**
     * @param decimalComma the file separates with semicolons: one comma followed by one or two digits
     *                     at the end ("1.500,50", "12,5") is the decimal mark; "1,500" and "1,25,000"
     *                     still group digits
     */
    static BigDecimal money(String column, String raw, boolean decimalComma) {
        String value = raw;
        if (decimalComma) {
            java.util.regex.Matcher m = DECIMAL_COMMA.matcher(raw.strip());
            if (m.matches()) {
                value = m.group(1) + m.group(2).replace(".", "") + "." + m.group(4) + m.group(5);
            }
        }
        try {
            return Amounts.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(label(column) + " \"" + raw.strip() + "\" " + e.getMessage());
        }
    }

    /** A whole number up to {@code max}; "2.5" or "two" is refused; empty is null. */
    static Integer wholeNumber(String column, String raw, int max) {
        String s = raw.strip();
        if (s.indexOf(',') >= 0) {
            if (!GROUPED.matcher(s).matches()) {
                throw new IllegalArgumentException(label(column) + " \"" + raw.strip() + "\" is not a whole number");
            }
            s = s.replace(",", "");
        }
        if (s.isEmpty()) {
            return null;
        }
        if (!WHOLE.matcher(s).matches()) {
            throw new IllegalArgumentException(label(column) + " \"" + raw.strip() + "\" is not a whole number");
        }
        if (s.startsWith("-") && !s.matches("-0*")) {
            throw new IllegalArgumentException(label(column) + " \"" + raw.strip() + "\" cannot be negative");
        }
        String digits = s.replaceFirst("^-?0*", "");
        if (digits.length() > 10 || Long.parseLong(digits.isEmpty() ? "0" : digits) > max) {
            throw new IllegalArgumentException(label(column) + " \"" + raw.strip() + "\" is more than the largest allowed, "
                    + max);
        }
        return Integer.parseInt(s);
    }

    /**
     * A cell as it may safely go to a spreadsheet: one starting with a formula character gets a
     * leading apostrophe, which spreadsheets show as text and {@link #fromSpreadsheet} removes.
     */
    static String forSpreadsheet(String cell) {
        boolean formula = !cell.isEmpty() && FORMULA_STARTS.indexOf(cell.charAt(0)) >= 0;
        // A value that itself starts with the apostrophe and a formula character keeps its apostrophe.
        boolean escapedAlready = cell.length() > 1 && cell.charAt(0) == '\'' && FORMULA_STARTS.indexOf(cell.charAt(1)) >= 0;
        return formula || escapedAlready ? "'" + cell : cell;
    }

    /** The cell as the app wrote it: the apostrophe {@link #forSpreadsheet} added is dropped. */
    static String fromSpreadsheet(String cell) {
        return cell.length() > 1 && cell.charAt(0) == '\'' && forSpreadsheet(cell.substring(1)).equals(cell)
                ? cell.substring(1) : cell; // exactly the inverse of forSpreadsheet
    }
}
