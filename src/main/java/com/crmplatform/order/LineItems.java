package com.crmplatform.order;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text form of line items, the same in CSV files and the local store:
 * {@code "Cotton shirt x2; Jeans x1"} (a quantity of 1 may be left out).
 */
public final class LineItems {

    /** A name, then "x" and a quantity (which may be mistyped: the check says how). */
    private static final Pattern ITEM = Pattern.compile("^(.*?)(?:^|\\s+)[xX×]\\s*([-+]?\\d+)$");
    static final int MAX_QUANTITY = 1_000_000;

    private LineItems() {
    }

    public static String format(List<LineItem> items) {
        List<String> parts = new ArrayList<>();
        for (LineItem i : items) {
            parts.add(i.name() + " x" + i.quantity());
        }
        return String.join("; ", parts);
    }

    /** @throws IllegalArgumentException naming the item that cannot be read */
    public static List<LineItem> parse(String text) {
        List<LineItem> items = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return items;
        }
        for (String part : text.split(";")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            Matcher m = ITEM.matcher(p);
            if (!m.matches()) {
                items.add(new LineItem(p, 1));
                continue;
            }
            String name = m.group(1).strip();
            String digits = m.group(2);
            if (name.isEmpty()) {
                throw new IllegalArgumentException("the item \"" + p + "\" has no name (expected e.g. \"Shirt x2\")");
            }
            if (digits.startsWith("-") || digits.replace("+", "").chars().allMatch(ch -> ch == '0')) {
                throw new IllegalArgumentException("the item \"" + p + "\" has a quantity below 1");
            }
            String plain = digits.replace("+", "").replaceFirst("^0+", "");
            if (plain.length() > 7 || Integer.parseInt(plain) > MAX_QUANTITY) {
                throw new IllegalArgumentException("the item \"" + p + "\" has a quantity over " + MAX_QUANTITY);
            }
            items.add(new LineItem(name, Integer.parseInt(plain)));
        }
        return items;
    }
}
