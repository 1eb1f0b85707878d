package com.crmplatform.ai.english;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parser's words, read once from {@code english-lexicon.txt}: every phrase with the senses it
 * can have (a phrase may have several: "past" is recency before a duration and "more than" before
 * an amount; the clause reader picks by what is around it). Also corrects a misspelt word to the
 * one listed word it is closest to.
 */
final class Lexicon {

    /** What a phrase can mean. */
    enum Sense {
        SPEND, COUNT, VISITS, ACTIVITY, INACTIVE, DAYS_SINCE, LASTDATE, RECENT, AGO, NEG,
        GT, GTE, LT, LTE, EQ, NE,
        BEFORE, ON_OR_BEFORE, AFTER, ON_OR_AFTER, SINCE,
        BETWEEN, TO, AND, OR, EITHER, EXCEPT,
        ONE_TIME, REPEAT, NEVER_BOUGHT, UNSUPPORTED, PURPOSE, DESCRIPTOR, FILLER,
        /** Words the lexer reads itself (units, scales, number words): known, so never "corrected". */
        NUMBER_WORD
    }

    /** A phrase of one or more words and everything it can mean. */
    record Phrase(List<String> words, Set<Sense> senses) {
    }

    private static final String[] NUMBER_WORDS = {
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty",
        "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand", "lakh", "lakhs", "lac", "lacs", "crore",
        "crores", "million", "half", "dozen", "once", "twice", "thrice", "couple", "single", "days", "day", "weeks",
        "week", "months", "month", "years", "year", "fortnight", "fortnights", "rupees", "rupee", "rs", "inr", "k",
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "quarter",
        "quarters",
    };

    private final Map<String, List<Phrase>> byFirstWord = new HashMap<>();
    private final Map<Integer, List<String>> wordsByLength = new HashMap<>();
    private final Set<String> words = new HashSet<>();

    private Lexicon() {
    }

    static Lexicon load() {
        Lexicon lexicon = new Lexicon();
        Map<List<String>, Set<Sense>> senses = new HashMap<>();
        try (InputStream in = Lexicon.class.getResourceAsStream("/com/crmplatform/ai/english-lexicon.txt");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            StringBuilder logical = new StringBuilder();
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (line.endsWith("\\")) {
                    logical.append(line, 0, line.length() - 1).append(' ');
                    continue;
                }
                logical.append(line);
                String entry = logical.toString();
                logical.setLength(0);
                int colon = entry.indexOf(':');
                Sense sense = Sense.valueOf(entry.substring(0, colon).strip());
                for (String phrase : entry.substring(colon + 1).split(",")) {
                    List<String> ws = List.of(normalize(phrase).split(" "));
                    senses.computeIfAbsent(ws, k -> EnumSet.noneOf(Sense.class)).add(sense);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String w : NUMBER_WORDS) {
            senses.computeIfAbsent(List.of(w), k -> EnumSet.noneOf(Sense.class)).add(Sense.NUMBER_WORD);
        }
        senses.forEach((ws, s) -> {
            lexicon.byFirstWord.computeIfAbsent(ws.get(0), k -> new ArrayList<>()).add(new Phrase(ws, Collections.unmodifiableSet(s)));
            lexicon.words.addAll(ws);
        });
        lexicon.byFirstWord.values().forEach(list -> list.sort((a, b) -> b.words().size() - a.words().size()));
        for (String w : lexicon.words) {
            // Number, unit and month words are read by the lexer before correction; a typo is never
            // corrected into one ("pune" is not "june").
            boolean numberWordOnly = senses.getOrDefault(List.of(w), Set.of()).equals(EnumSet.of(Sense.NUMBER_WORD));
            if (w.chars().allMatch(Character::isLetter) && !numberWordOnly) {
                lexicon.wordsByLength.computeIfAbsent(w.length(), k -> new ArrayList<>()).add(w);
            }
        }
        return lexicon;
    }

    /** Lower case, apostrophes dropped, hyphens and underscores between letters kept as written. */
    static String normalize(String phrase) {
        return phrase.strip().toLowerCase(java.util.Locale.ROOT).replace("'", "").replaceAll("\\s+", " ");
    }

    /** The longest phrase that starts at {@code at}, or null. */
    Phrase longest(List<String> text, int at) {
        List<Phrase> candidates = byFirstWord.get(text.get(at));
        if (candidates == null) {
            return null;
        }
        for (Phrase p : candidates) {
            if (at + p.words().size() <= text.size() && text.subList(at, at + p.words().size()).equals(p.words())) {
                return p;
            }
        }
        return null;
    }

    boolean knows(String word) {
        return words.contains(word);
    }

    /**
     * The listed word one edit away from {@code word} (two for words of eight letters or more),
     * when exactly one is that close; else null. Short words are never corrected: too many are
     * one letter from another.
     */
    String correct(String word) {
        if (word.length() < 4 || !word.chars().allMatch(Character::isLetter)) {
            return null;
        }
        int allowed = word.length() >= 8 ? 2 : 1;
        String best = null;
        int bestScore = Integer.MAX_VALUE;
        boolean tie = false;
        for (int len = word.length() - allowed; len <= word.length() + allowed; len++) {
            for (String candidate : wordsByLength.getOrDefault(len, List.of())) {
                if (candidate.length() < 3) {
                    continue;
                }
                int d = distance(word, candidate, allowed);
                if (d > allowed || word.length() < 6 && onlyPadding(candidate) || sensesOf(candidate).equals(Set.of(Sense.UNSUPPORTED))) {
                    // a short unknown word is not turned into a word that says nothing ("dues" is not "does"),
                    // nor any word into one the CRM cannot use ("likes" stays "likes", not "lives")
                    continue;
                }
                // Same last letter breaks a tie ("orderd" is "ordered", not "orders"), then a word that is a
                // phrase of its own ("oder" is "order", not the "older" of "older than").
                // A missing letter is the commonest slip ("oder" is "order" before "over").
                int score = d * 8 + (candidate.charAt(candidate.length() - 1) == word.charAt(word.length() - 1) ? 0 : 4)
                        + (candidate.length() == word.length() + 1 ? 0 : 2) + (sensesOf(candidate).isEmpty() ? 1 : 0);
                if (score < bestScore) {
                    best = candidate;
                    bestScore = score;
                    tie = false;
                } else if (score == bestScore && !sensesOf(candidate).equals(sensesOf(best))) {
                    tie = true;
                }
            }
        }
        return best != null && !tie ? best : null;
    }

    /** The senses of a one-word phrase (empty for a word that only appears inside longer phrases). */
    Set<Sense> sensesOf(String word) {
        for (Phrase p : byFirstWord.getOrDefault(word, List.of())) {
            if (p.words().size() == 1) {
                return p.senses();
            }
        }
        return Set.of();
    }

    /** A word that only pads a sentence ("does", "the", "customers"). */
    boolean onlyPadding(String word) {
        Set<Sense> s = sensesOf(word);
        return !s.isEmpty() && s.stream().allMatch(x -> x == Sense.FILLER || x == Sense.DESCRIPTOR);
    }

    /** Two listed words written together ("andvisits", "morethan"), or null. */
    List<String> split(String word) {
        for (int i = 2; i <= word.length() - 2; i++) {
            String a = word.substring(0, i);
            String b = word.substring(i);
            if (words.contains(a) && words.contains(b) && a.length() + b.length() >= 5) {
                return List.of(a, b);
            }
        }
        return null;
    }

    /** Optimal string alignment distance (a swap of two letters is one edit), stopping past {@code max}. */
    static int distance(String a, String b, int max) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int rowMin = Integer.MAX_VALUE;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > max) {
                return max + 1;
            }
        }
        return d[a.length()][b.length()];
    }
}
