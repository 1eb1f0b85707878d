package com.crmplatform.ai;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits a description into tokens, reading numbers, money, durations and dates as people write them. */
final class Tokens {

    private static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("jan", 1), Map.entry("feb", 2),
            Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7),
            Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12));
    private static final String MONTH = "(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?";
    private static final Pattern ISO = Pattern.compile("\\b(\\d{4})-(\\d{1,2})-(\\d{1,2})\\b");
    private static final Pattern DMY = Pattern.compile("\\b(\\d{1,2})/(\\d{1,2})/(\\d{4})\\b");
    private static final Pattern D_MONTH_Y = Pattern.compile("\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTH + ",?\\s+(\\d{4})\\b");
    private static final Pattern MONTH_D_Y = Pattern.compile("\\b" + MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b");
    private static final Pattern NUMBER = Pattern.compile(
            "(₹|rs\\.?|inr)?\\s*(\\d+(?:,\\d{2,3})*(?:\\.\\d+)?|\\.\\d+)\\s*(k|thousand|lakhs?|lacs?|l|crores?|cr|m|million)?\\b"
                    + "(?:\\s*(rupees|rs|inr|₹))?");
    private static final Pattern UNIT = Pattern.compile("^(days?|d|weeks?|wks?|months?|mos?|years?|yrs?)\\b");
    private static final Set<String> COMPARE_OR = Set.of("more", "fewer", "less", "above", "below", "higher", "lower",
            "greater", "over", "under");
    private static final Map<String, Long> WORD_NUMBERS = Map.ofEntries(Map.entry("a", 1L), Map.entry("an", 1L),
            Map.entry("one", 1L), Map.entry("two", 2L), Map.entry("three", 3L), Map.entry("four", 4L), Map.entry("five", 5L),
            Map.entry("six", 6L), Map.entry("seven", 7L), Map.entry("eight", 8L), Map.entry("nine", 9L), Map.entry("ten", 10L),
            Map.entry("twelve", 12L));

    private Tokens() {
    }

    /** A matcher for a unit after the spaces from {@code i} on, without copying the rest of the text (linear time). */
    private static Matcher unitAt(String s, int i) {
        int from = i;
        while (from < s.length() && Character.isWhitespace(s.charAt(from))) {
            from++;
        }
        return UNIT.matcher(s).region(from, s.length());
    }

    static List<Token> of(String text) {
        String s = " " + text.toLowerCase(Locale.ROOT).replace('’', '\'').replace('‘', '\'') + " ";
        List<Token> dates = new ArrayList<>();
        s = dates(s, dates);
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (c == '(' || c == ')' || c == ',' || c == ';') {
                out.add(Token.connector(c == ';' ? "," : String.valueOf(c)));
                i++;
                continue;
            }
            if (s.startsWith("@date", i)) {
                int end = i + 5;
                while (end < s.length() && Character.isDigit(s.charAt(end))) {
                    end++;
                }
                out.add(dates.get(Integer.parseInt(s.substring(i + 5, end))));
                i = end;
                continue;
            }
            Matcher m = NUMBER.matcher(s);
            m.region(i, s.length());
            if ((Character.isDigit(c) || c == '₹' || c == '.' || s.startsWith("rs", i) || s.startsWith("inr", i))
                    && m.lookingAt() && m.group(2) != null) {
                i = m.end();
                BigDecimal v = new BigDecimal(m.group(2).replace(",", ""));
                String scale = m.group(3);
                if (scale != null) {
                    v = v.multiply(switch (scale) {
                        case "k", "thousand" -> BigDecimal.valueOf(1_000);
                        case "lakh", "lakhs", "lac", "lacs", "l" -> BigDecimal.valueOf(100_000);
                        case "crore", "crores", "cr" -> BigDecimal.valueOf(10_000_000);
                        default -> BigDecimal.valueOf(1_000_000);
                    });
                }
                boolean money = m.group(1) != null || m.group(4) != null || scale != null && !scale.equals("m");
                long unit = 0;
                Matcher u = unitAt(s, i);
                if (u.lookingAt()) {
                    unit = unitDays(u.group(1));
                    i = u.end();
                }
                if (i < s.length() && s.charAt(i) == '+') {
                    out.add(Token.number(m.group().strip(), v.stripTrailingZeros(), money, unit));
                    out.add(Token.word("+"));
                    i++;
                    continue;
                }
                out.add(Token.number(m.group().strip(), v.stripTrailingZeros(), money, unit));
                continue;
            }
            int end = i;
            if (">=<!".indexOf(c) >= 0) {
                while (end < s.length() && ">=<!".indexOf(s.charAt(end)) >= 0) {
                    end++;
                }
            } else {
                while (end < s.length() && !Character.isWhitespace(s.charAt(end)) && "(),;".indexOf(s.charAt(end)) < 0
                        && ">=<!".indexOf(s.charAt(end)) < 0) {
                    end++;
                }
            }
            String w = s.substring(i, end).replaceAll("[.?!:\"]+$", "");
            i = end;
            if (w.isEmpty()) {
                continue;
            }
            // "a year", "two weeks": a number written as a word, followed by a unit
            Matcher u = unitAt(s, i);
            if (WORD_NUMBERS.containsKey(w) && u.lookingAt()) {
                long unit = unitDays(u.group(1));
                i = u.end();
                out.add(Token.number(w + " " + u.group(1), BigDecimal.valueOf(WORD_NUMBERS.get(w)), false, unit));
                continue;
            }
            out.add(w.equals("and") || w.equals("or") || w.equals("but") || w.equals("either") || w.equals("&")
                    ? Token.connector(w.equals("&") ? "and" : w) : Token.word(w));
        }
        return fixConnectors(out);
    }

    /** "between 1 and 5" and "8k or more" are not clause boundaries. */
    private static List<Token> fixConnectors(List<Token> in) {
        List<Token> out = new ArrayList<>(in);
        for (int k = 0; k < out.size(); k++) {
            Token t = out.get(k);
            if (t.is("or") && k + 1 < out.size() && out.get(k + 1).kind() == Token.Kind.WORD
                    && COMPARE_OR.contains(out.get(k + 1).text()) && k > 0 && out.get(k - 1).kind() == Token.Kind.NUMBER) {
                out.set(k, Token.word("or"));
            }
            if (t.is("and") && k >= 2 && out.get(k - 1).kind() == Token.Kind.NUMBER
                    && k + 1 < out.size() && out.get(k + 1).kind() == Token.Kind.NUMBER) {
                for (int b = k - 2; b >= 0 && b >= k - 4; b--) {
                    if (out.get(b).kind() == Token.Kind.WORD && (out.get(b).text().equals("between") || out.get(b).text().equals("from"))) {
                        out.set(k, Token.word("to"));
                        break;
                    }
                }
            }
        }
        return out;
    }

    private static long unitDays(String unit) {
        if (unit.startsWith("w")) {
            return 7;
        }
        if (unit.startsWith("mo")) {
            return 30;
        }
        if (unit.startsWith("y")) {
            return 365;
        }
        return 1;
    }

    /** Replaces dates with @dateN markers and collects them. */
    private static String dates(String s, List<Token> dates) {
        s = replace(s, ISO, m -> date(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))), dates);
        s = replace(s, DMY, m -> date(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1))), dates);
        s = replace(s, D_MONTH_Y, m -> date(Integer.parseInt(m.group(3)), MONTHS.get(m.group(2)), Integer.parseInt(m.group(1))), dates);
        s = replace(s, MONTH_D_Y, m -> date(Integer.parseInt(m.group(3)), MONTHS.get(m.group(1)), Integer.parseInt(m.group(2))), dates);
        return s;
    }

    private static String date(int y, int m, int d) {
        return LocalDate.of(y, m, d).format(DateTimeFormatter.ISO_LOCAL_DATE.withResolverStyle(ResolverStyle.STRICT));
    }

    private static String replace(String s, Pattern p, java.util.function.Function<Matcher, String> iso, List<Token> dates) {
        Matcher m = p.matcher(s);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String value;
            try {
                value = iso.apply(m);
            } catch (RuntimeException e) {
                throw new RuleNotUnderstood("\"" + m.group().strip() + "\" is not a real date.", List.of(m.group().strip()));
            }
            dates.add(Token.date(value));
            m.appendReplacement(b, " @date" + (dates.size() - 1) + " ");
        }
        m.appendTail(b);
        return b.toString();
    }
}
