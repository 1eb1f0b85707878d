package com.crmplatform.customer;

import com.crmplatform.store.Limits;
import com.crmplatform.store.Money;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Pattern;

/** The rules a customer must meet, shared by the form, the importer and the service. */
public final class CustomerValidator {

    /** Local part, @, a domain with at least one dot and a 2+ letter top-level domain. */
    private static final Pattern EMAIL = Pattern.compile(
            "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.[A-Za-z]{2,}$");
    private static final Pattern PHONE_CHARS = Pattern.compile("^\\+?[0-9 ()./-]+$");
    static final int MAX_NAME = Limits.MAX_NAME;

    private final Clock clock;

    public CustomerValidator(Clock clock) {
        this.clock = clock;
    }

    /** Every problem with the draft, by field; empty when it is fine. */
    public Map<CustomerField, String> validate(CustomerDraft d) {
        Map<CustomerField, String> errors = new EnumMap<>(CustomerField.class);
        if (d.name().isEmpty()) {
            errors.put(CustomerField.NAME, "Name is required.");
        } else if (d.name().length() > MAX_NAME) {
            errors.put(CustomerField.NAME, "Name is longer than " + MAX_NAME + " characters.");
        }
        String emailError = emailProblem(d.email());
        if (emailError != null) {
            errors.put(CustomerField.EMAIL, emailError);
        }
        String phoneError = phoneProblem(d.phone());
        if (phoneError != null) {
            errors.put(CustomerField.PHONE, phoneError);
        }
        if (d.city().length() > Limits.MAX_CITY) {
            errors.put(CustomerField.CITY, "City is longer than " + Limits.MAX_CITY + " characters.");
        }
        if (d.totalSpend().signum() < 0) {
            errors.put(CustomerField.TOTAL_SPEND, "Total spend cannot be negative.");
        } else if (!Money.hasAtMostPaise(d.totalSpend())) {
            errors.put(CustomerField.TOTAL_SPEND, "Total spend has more than two decimal places.");
        } else if (d.totalSpend().compareTo(Limits.MAX_TOTAL_SPEND) > 0) {
            errors.put(CustomerField.TOTAL_SPEND, "Total spend is more than the largest allowed, ₹"
                    + Limits.MAX_TOTAL_SPEND.toPlainString() + ".");
        }
        if (d.visits() < 0) {
            errors.put(CustomerField.VISITS, "Visits cannot be negative.");
        } else if (d.visits() > Limits.MAX_VISITS) {
            errors.put(CustomerField.VISITS, "Visits is more than the largest allowed, " + Limits.MAX_VISITS + ".");
        }
        if (d.lastPurchaseDate() != null && d.lastPurchaseDate().isAfter(LocalDate.now(clock))) {
            errors.put(CustomerField.LAST_PURCHASE_DATE, "Last purchase date is in the future.");
        } else if (d.lastPurchaseDate() != null && !Limits.isSaneDate(d.lastPurchaseDate())) {
            errors.put(CustomerField.LAST_PURCHASE_DATE, "Last purchase date " + d.lastPurchaseDate()
                    + " is not " + Limits.dateRange() + ".");
        }
        return errors;
    }

    public static String emailProblem(String email) {
        if (email == null || email.isBlank()) {
            return "Email is required.";
        }
        if (email.length() > Limits.MAX_EMAIL || !EMAIL.matcher(email.strip()).matches()) {
            return "\"" + email.strip() + "\" is not a valid email address (expected name@example.com).";
        }
        return null;
    }

    public static String phoneProblem(String phone) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        if (phone.length() > Limits.MAX_PHONE) {
            return "The phone number is longer than " + Limits.MAX_PHONE + " characters.";
        }
        int digits = digitsOf(phone).length();
        if (!PHONE_CHARS.matcher(phone).matches() || digits < 7 || digits > 15) {
            return "\"" + phone + "\" does not look like a phone number (7 to 15 digits, e.g. +91 98765 43210).";
        }
        return null;
    }

    public static String digitsOf(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                b.append(c);
            }
        }
        return b.toString();
    }
}
