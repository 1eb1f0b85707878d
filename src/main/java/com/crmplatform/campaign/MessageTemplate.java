package com.crmplatform.campaign;

import com.crmplatform.customer.Customer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message with placeholders for customer fields: {@code {name}}, {@code {firstName}},
 * {@code {email}}, {@code {city}}. An unknown placeholder is refused, so no customer ever gets a
 * message with "{nmae}" in it.
 */
public final class MessageTemplate {

    /** The placeholders and what each is replaced with. */
    /**
     * The placeholders a message may use and what each stands for: the one list that checking, the
     * Java rendering below and the SQLite adapter's rendering in SQL (a switch over this enum) use.
     */
    public enum Placeholder {
        NAME("{name}"), FIRST_NAME("{firstName}"), EMAIL("{email}"), CITY("{city}");

        private final String token;

        Placeholder(String token) {
            this.token = token;
        }

        public String token() {
            return token;
        }

        /** What the placeholder becomes for this customer; the first name is the name's first word. */
        public String valueFor(Customer c) {
            return switch (this) {
                case NAME -> c.name();
                case FIRST_NAME -> c.name().strip().split("\\s+")[0];
                case EMAIL -> c.email();
                case CITY -> c.city();
            };
        }
    }

    public static final List<String> PLACEHOLDERS = java.util.Arrays.stream(Placeholder.values()).map(Placeholder::token)
            .toList();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    private MessageTemplate() {
    }

    /** @throws IllegalArgumentException for an empty message or an unknown placeholder */
    public static String check(String template) {
        if (template == null || template.isBlank()) {
            throw new IllegalArgumentException("The message is empty; write what the customers will receive.");
        }
        if (template.strip().length() > com.crmplatform.store.Limits.MAX_MESSAGE) {
            throw new IllegalArgumentException("The message is " + template.strip().length() + " characters long; "
                    + "keep it to " + com.crmplatform.store.Limits.MAX_MESSAGE + ".");
        }
        return knownPlaceholders("The message", template).strip();
    }

    /** The longest email subject: mail programs show about 60 characters, and servers refuse very long lines. */
    public static final int MAX_SUBJECT = 200;

    /**
     * An email subject, with the same placeholders as the message.
     *
     * @throws IllegalArgumentException for an empty, multi-line or overlong subject or an unknown placeholder
     */
    public static String checkSubject(String subject) {
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("An email needs a subject; write what the inbox shows before it is opened.");
        }
        if (subject.strip().contains("\n") || subject.strip().contains("\r")) {
            throw new IllegalArgumentException("The subject must be one line.");
        }
        if (subject.strip().length() > MAX_SUBJECT) {
            throw new IllegalArgumentException("The subject is " + subject.strip().length() + " characters long; keep it to "
                    + MAX_SUBJECT + ".");
        }
        return knownPlaceholders("The subject", subject).strip();
    }

    private static String knownPlaceholders(String what, String template) {
        List<String> unknown = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            if (!PLACEHOLDERS.contains(m.group())) {
                unknown.add(m.group());
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(what + " uses " + String.join(", ", unknown) + ", which "
                    + (unknown.size() == 1 ? "is" : "are") + " not a customer field; use " + String.join(", ", PLACEHOLDERS) + ".");
        }
        return template;
    }

    /** The message for one customer: each placeholder filled in once (a value holding "{name}" stays as it is). */
    public static String render(String template, Customer c) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String token = m.group();
            String value = java.util.Arrays.stream(Placeholder.values()).filter(p -> p.token().equals(token)).findFirst()
                    .map(p -> p.valueFor(c)).orElse(token);
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
