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

    private static final Pattern ITEM = Pattern.compile("^(.+?)(?:\\s+[xX×]\\s*(\\d{1,6}))?$");

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
                throw new IllegalArgumentException("cannot read the item \"" + p + "\" (expected e.g. \"Shirt x2\")");
            }
            int qty = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
            if (qty < 1) {
                throw new IllegalArgumentException("the item \"" + p + "\" has a quantity below 1");
            }
            items.add(new LineItem(m.group(1).strip(), qty));
        }
        return items;
    }
}
