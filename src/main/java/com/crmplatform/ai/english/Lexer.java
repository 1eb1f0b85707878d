package com.crmplatform.ai.english;

import com.crmplatform.ai.english.Lexicon.Sense;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a description into pieces. Recognisers, in this order: dates (ISO, day-first numeric,
 * "15 March 2025", "March 15, 2025", "Mar 2025" as a month, "since 2024" as a year), amounts
 * (₹ / Rs. / INR / rupees / "/-", 15k, 1.5 lakh, 2 crore, Indian and Western digit grouping),
 * durations (45 days, 3 months, 2w, a fortnight), counts (once, twice, 3x, a dozen), numbers in
 * words ({@link NumberWords}: ICU4J spell-out, lakh and crore on top), "N+",
 * ranges written with a dash, comparison symbols; then the words, matched to the lexicon's
 * longest phrases, a misspelt word corrected to the listed word one typo away.
 */
final class Lexer {

    private static final String MONTH = "(january|february|march|april|may|june|july|august|september|october|november"
            + "|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\\.?";
    private static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("jan", 1), Map.entry("feb", 2),
            Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7),
            Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12));
    private static final Pattern ISO = Pattern.compile("\\b(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})\\b");
    private static final Pattern DMY = Pattern.compile("\\b(\\d{1,2})[-/.](\\d{1,2})[-/.](\\d{4})\\b");
    private static final Pattern D_MONTH_Y = Pattern.compile("\\b(\\d{1,2})(?:st|nd|rd|th)?[\\s-]+(?:of\\s+)?" + MONTH
            + ",?[\\s-]+(\\d{4})\\b");
    private static final Pattern MONTH_D_Y = Pattern.compile("\\b" + MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b");
    private static final Pattern MONTH_Y = Pattern.compile("\\b" + MONTH + ",?\\s*(?:of\\s+)?'?(\\d{4})\\b");
    private static final Pattern NO_YEAR = Pattern.compile("\\b(?:(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTH
            + "|" + MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?)\\b");
    private static final Pattern AMOUNT = Pattern.compile(
            "(₹|rs\\.?|inr)?\\s*(\\d{1,3}(?:,\\d{2,3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?(?:e\\d{1,2}(?![a-z]))?|\\.\\d+)"
                    + "(?:\\s*(k|thousand|lakhs?|lacs?|l|crores?|cr|mn|million|m)(?![a-z]))?"
                    + "(\\s*/-)?(?:\\s*(rupees?|rs\\.?|inr|₹)(?![a-z]))?");
    private static final Pattern UNIT = Pattern.compile(
            "\\s*(days?|d|dys|weeks?|wks?|w|months?|mos?|mnths?|mths?|mon|years?|yrs?|y|fortnights?|quarters?|x)(?![a-z])");
    private final Lexicon lexicon;
    private final NumberWords numberWords = new NumberWords();

    Lexer(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    /** @param corrections where each misspelt word read as another meaningful word is noted */
    List<Piece> read(String text, List<String> corrections) {
        String s = " " + normalize(text) + " ";
        List<Piece> dates = new ArrayList<>();
        s = dates(s, dates);
        List<Piece> raw = scan(s, dates);
        raw = numberWords.read(raw);
        raw = years(raw);
        raw = brackets(raw);
        return phrases(raw, corrections);
    }

    static String normalize(String text) {
        String s = text.replaceAll("\\p{Cntrl}", " ").toLowerCase(Locale.ROOT)
                .replaceAll("[’‘`´]", "'").replaceAll("[“”]", "\"").replaceAll("[–—−‒]", "-").replace('\u00a0', ' ');
        s = s.replaceAll("(?<=[a-z])'(?=[a-z])", "");          // haven't -> havent, customer's -> customers
        s = s.replaceAll("(?<=[a-z])[-_](?=[a-z])", " ");       // one-time -> one time, total_spend -> total spend
        return s.replace("'", " ");
    }

    // --- dates -------------------------------------------------------------------------------

    private static String dates(String s, List<Piece> out) {
        s = replace(s, ISO, m -> day(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))), out);
        s = replace(s, DMY, m -> day(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1))), out);
        s = replace(s, D_MONTH_Y, m -> day(Integer.parseInt(m.group(3)), month(m.group(2)), Integer.parseInt(m.group(1))), out);
        s = replace(s, MONTH_D_Y, m -> day(Integer.parseInt(m.group(3)), month(m.group(1)), Integer.parseInt(m.group(2))), out);
        s = replace(s, MONTH_Y, m -> {
            YearMonth ym = YearMonth.of(Integer.parseInt(m.group(2)), month(m.group(1)));
            return new LocalDate[] {ym.atDay(1), ym.atEndOfMonth()};
        }, out);
        Matcher noYear = NO_YEAR.matcher(s);
        while (noYear.find()) {
            String found = noYear.group().strip();
            if (!found.matches("may \\d+|\\d+ may")) { // "may" is also a verb
                throw new com.crmplatform.ai.english.RuleNotUnderstood("Which year is \"" + found + "\"? Write the date with its year, "
                        + "e.g. \"" + found + " 2026\".", List.of(found));
            }
        }
        return s;
    }

    private static int month(String name) {
        return MONTHS.get(name.substring(0, 3));
    }

    private static LocalDate[] day(int y, int m, int d) {
        LocalDate date = LocalDate.of(y, m, d);
        return new LocalDate[] {date, date};
    }

    private static String replace(String s, Pattern p, java.util.function.Function<Matcher, LocalDate[]> reader, List<Piece> out) {
        Matcher m = p.matcher(s);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            LocalDate[] span;
            try {
                span = reader.apply(m);
            } catch (DateTimeException | NullPointerException e) {
                throw new com.crmplatform.ai.english.RuleNotUnderstood("\"" + m.group().strip() + "\" is not a real date.",
                        List.of(m.group().strip()));
            }
            out.add(Piece.date(m.group().strip(), span[0], span[1]));
            m.appendReplacement(b, " \u0001" + (out.size() - 1) + "\u0001 ");
        }
        m.appendTail(b);
        return b.toString();
    }

    // --- characters to raw pieces --------------------------------------------------------------

    private List<Piece> scan(String s, List<Piece> dates) {
        List<Piece> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == ':' || c == '"' || c == '?' || c == '!' && !s.startsWith("!=", i) || c == '*' || c == '#') {
                i++;
            } else if (s.startsWith("..", i)) { // "2000..5000"
                out.add(Piece.unknown("to"));
                i += 2;
            } else if (c == '\u0001') {
                int end = s.indexOf('\u0001', i + 1);
                out.add(dates.get(Integer.parseInt(s.substring(i + 1, end))));
                i = end + 1;
            } else if (c == '(' || c == '[' || c == '{') {
                out.add(Piece.punctuation(Piece.Kind.OPEN, String.valueOf(c)));
                i++;
            } else if (c == ')' || c == ']' || c == '}') {
                out.add(Piece.punctuation(Piece.Kind.CLOSE, String.valueOf(c)));
                i++;
            } else if (c == ',' || c == ';') {
                out.add(Piece.punctuation(Piece.Kind.COMMA, String.valueOf(c)));
                i++;
            } else if (startsAmount(s, i)) {
                i = amount(s, i, out);
            } else if ("<>=!≥≤≠&|+-/".indexOf(c) >= 0) {
                int end = i + 1;
                while (end < s.length() && "<>=!&|".indexOf(s.charAt(end)) >= 0 && end - i < 2) {
                    end++;
                }
                String sym = s.substring(i, end);
                if (sym.equals("+") && !out.isEmpty() && out.get(out.size() - 1).kind() == Piece.Kind.NUMBER) {
                    out.set(out.size() - 1, out.get(out.size() - 1).withPlus());
                } else if (!sym.equals("/")) {
                    out.add(Piece.unknown(sym.equals("&") ? "and" : sym));
                }
                i = end;
            } else {
                int end = i;
                while (end < s.length() && (Character.isLetter(s.charAt(end)) || s.charAt(end) == '.'
                        && end + 1 < s.length() && Character.isLetter(s.charAt(end + 1)))) {
                    end++;
                }
                if (end == i) {
                    i++; // a character that carries nothing (%, @, …) is a word of its own below
                    out.add(Piece.unknown(String.valueOf(c)));
                    continue;
                }
                out.add(Piece.unknown(s.substring(i, end).replace(".", "")));
                i = end;
            }
        }
        return out;
    }

    private static boolean startsAmount(String s, int i) {
        char c = s.charAt(i);
        if (Character.isDigit(c) || c == '.' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1))) {
            return true;
        }
        if (c == '₹' || s.startsWith("rs", i) || s.startsWith("inr", i)) {
            if (c != '₹' && i > 0 && Character.isLetter(s.charAt(i - 1))) {
                return false;
            }
            Matcher m = AMOUNT.matcher(s).region(i, s.length());
            return m.lookingAt() && m.group(1) != null;
        }
        return false;
    }

    private static int amount(String s, int i, List<Piece> out) {
        Matcher m = AMOUNT.matcher(s).region(i, s.length());
        if (!m.lookingAt()) {
            out.add(Piece.unknown(String.valueOf(s.charAt(i))));
            return i + 1;
        }
        int end = m.end();
        String scale = m.group(3);
        boolean monthOrMillion = "m".equals(scale);
        BigDecimal v;
        if (m.group(2).contains("e")) {
            v = new BigDecimal(m.group(2)); // 1e5
        } else {
            // The amount itself is read as every form and CSV file reads one (grouping checked, scales).
            String amount = m.group(2) + (scale == null || monthOrMillion ? "" : " " + scale);
            try {
                v = com.crmplatform.store.Amounts.parse(amount);
            } catch (IllegalArgumentException e) {
                throw new com.crmplatform.ai.english.RuleNotUnderstood("\"" + amount + "\" " + e.getMessage() + ".", List.of(amount));
            }
        }
        boolean money = m.group(1) != null || m.group(4) != null || m.group(5) != null || scale != null && !monthOrMillion;
        long unit = 0;
        boolean count = false;
        Matcher u = UNIT.matcher(s).region(end, s.length());
        if (!money && u.lookingAt()) {
            if (u.group(1).equals("x")) {
                count = true;
            } else {
                unit = unitDays(u.group(1));
            }
            end = u.end();
        }
        out.add(Piece.number(s.substring(i, end).strip(), v.stripTrailingZeros(), money, unit, count, false, monthOrMillion));
        return end;
    }

    static long unitDays(String unit) {
        if (unit.startsWith("f")) {
            return 14;
        }
        if (unit.startsWith("q")) {
            return 90;
        }
        if (unit.startsWith("w")) {
            return 7;
        }
        if (unit.startsWith("mo") || unit.startsWith("mn") || unit.startsWith("mt")) {
            return 30;
        }
        if (unit.startsWith("y")) {
            return 365;
        }
        return 1;
    }

    // --- years, brackets, phrases ---------------------------------------------------------------

    static boolean isWord(Piece p) {
        return p.kind() == Piece.Kind.UNKNOWN && !p.text().isEmpty() && Character.isLetter(p.text().charAt(0));
    }

    /** "since 2024", "before 2023", "in 2025": a year after such a word is the span of that year. */
    private static List<Piece> years(List<Piece> in) {
        List<Piece> out = new ArrayList<>(in);
        for (int i = 1; i < out.size(); i++) {
            Piece p = out.get(i);
            if (p.kind() != Piece.Kind.NUMBER || p.money() || p.unitDays() != 0 || p.count() || p.plus()
                    || !p.text().matches("\\d{4}") || p.value().intValue() < 1900 || p.value().intValue() > 2100) {
                continue;
            }
            Piece before = out.get(i - 1);
            boolean afterYear = i >= 2 && before.kind() == Piece.Kind.UNKNOWN && before.text().matches("and|to|-")
                    && out.get(i - 2).kind() == Piece.Kind.DATE && out.get(i - 2).from().getDayOfYear() == 1
                    && out.get(i - 2).to().getMonthValue() == 12 && out.get(i - 2).to().getDayOfMonth() == 31;
            boolean strong = isWord(before) && before.text().matches("since|before|after|during|until|till|pre|post|year");
            // "in 2024", "from 2023": a year unless an amount is being talked about ("spend in 2000-5000")
            boolean weak = isWord(before) && before.text().matches("in|from|by|of")
                    && !(i + 1 < out.size() && out.get(i + 1).text().matches("to|-|and"))
                    && !(i >= 2 && isWord(out.get(i - 2)) && out.get(i - 2).text().matches("spend|spent|spending|amount|value|ltv|revenue|billing"));
            if (strong || weak || afterYear) {
                int y = p.value().intValue();
                out.set(i, Piece.date(p.text(), LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31)));
            }
        }
        return out;
    }

    /** "[90, 120]" is a range: the comma inside is not a clause boundary. */
    private static List<Piece> brackets(List<Piece> in) {
        List<Piece> out = new ArrayList<>(in);
        for (int i = 0; i + 4 < out.size(); i++) {
            if (out.get(i).text().equals("[") && out.get(i + 1).isValue() && out.get(i + 2).kind() == Piece.Kind.COMMA
                    && out.get(i + 3).isValue() && out.get(i + 4).text().equals("]")) {
                out.set(i, Piece.unknown("between"));
                out.set(i + 2, Piece.unknown("and"));
                out.remove(i + 4);
            }
        }
        return out;
    }

    private List<Piece> phrases(List<Piece> in, List<String> corrections) {
        List<Piece> out = phrasesOnly(in, corrections);
        // "under 800 or over 40,000": "or over" before a value is "or" and "over", not "… or over"
        for (int i = 0; i + 1 < out.size(); i++) {
            Piece p = out.get(i);
            if (p.kind() == Piece.Kind.PHRASE && p.text().matches("(or|and) .+")
                    && (out.get(i + 1).isValue() || out.get(i + 1).text().equals("than"))
                    && p.senses().stream().anyMatch(x -> x.ordinal() >= Sense.GT.ordinal() && x.ordinal() <= Sense.NE.ordinal())) {
                String joiner = p.text().substring(0, p.text().indexOf(' '));
                List<String> words = new ArrayList<>(List.of(p.text().substring(joiner.length() + 1).split(" ")));
                if (out.get(i + 1).text().equals("than")) { // "or more than 20": "or" + "more than"
                    words.add("than");
                    out.remove(i + 1);
                }
                List<Piece> rest = match(words);
                out.remove(i);
                out.addAll(i, rest);
                out.addAll(i, match(List.of(joiner)));
            }
        }
        return out;
    }

    private List<Piece> phrasesOnly(List<Piece> in, List<String> corrections) {
        List<Piece> out = new ArrayList<>();
        int i = 0;
        while (i < in.size()) {
            Piece p = in.get(i);
            if (p.kind() != Piece.Kind.UNKNOWN) {
                out.add(p);
                i++;
                continue;
            }
            int end = i;
            while (end < in.size() && in.get(end).kind() == Piece.Kind.UNKNOWN) {
                end++;
            }
            out.addAll(match(words(in.subList(i, end), corrections)));
            i = end;
        }
        return out;
    }

    /** Corrects misspellings and splits run-together words, so the lexicon sees listed words. */
    private List<String> words(List<Piece> run, List<String> corrections) {
        List<String> words = new ArrayList<>();
        for (Piece p : run) {
            String w = p.text();
            if (lexicon.knows(w) || !Character.isLetter(w.charAt(0))) {
                words.add(w);
                continue;
            }
            List<String> split = lexicon.split(w);
            String fixed = split == null ? lexicon.correct(w) : null;
            if (split != null) {
                words.addAll(split);
            } else {
                words.add(fixed != null ? fixed : w);
                if (fixed != null && !lexicon.onlyPadding(fixed)) {
                    corrections.add("Read \"" + w + "\" as \"" + fixed + "\".");
                }
            }
        }
        return words;
    }

    private List<Piece> match(List<String> words) {
        List<Piece> out = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            Lexicon.Phrase phrase = lexicon.longest(words, i);
            if (phrase == null) {
                out.add(Piece.unknown(words.get(i)));
                i++;
            } else {
                out.add(Piece.phrase(String.join(" ", phrase.words()), phrase.senses()));
                i += phrase.words().size();
            }
        }
        return out;
    }

    static boolean isSense(Piece p, Sense s) {
        return p.kind() == Piece.Kind.PHRASE && p.has(s);
    }
}
