package com.crmplatform.customer;

import com.crmplatform.store.Limits;
import com.crmplatform.store.Money;
import com.crmplatform.store.Texts;
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
            errors.put(CustomerField.NAME, Texts.get("customer.error.name.required"));
        } else if (d.name().length() > MAX_NAME) {
            errors.put(CustomerField.NAME, Texts.get("customer.error.name.long", MAX_NAME));
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
            errors.put(CustomerField.CITY, Texts.get("customer.error.city.long", Limits.MAX_CITY));
        }
        if (d.totalSpend().signum() < 0) {
            errors.put(CustomerField.TOTAL_SPEND, Texts.get("customer.error.spend.negative"));
        } else if (!Money.hasAtMostPaise(d.totalSpend())) {
            errors.put(CustomerField.TOTAL_SPEND, Texts.get("customer.error.spend.paise"));
        } else if (d.totalSpend().compareTo(Limits.MAX_TOTAL_SPEND) > 0) {
            errors.put(CustomerField.TOTAL_SPEND, Texts.get("customer.error.spend.large", Limits.MAX_TOTAL_SPEND.toPlainString()));
        }
        if (d.visits() < 0) {
            errors.put(CustomerField.VISITS, Texts.get("customer.error.visits.negative"));
        } else if (d.visits() > Limits.MAX_VISITS) {
            errors.put(CustomerField.VISITS, Texts.get("customer.error.visits.large", Limits.MAX_VISITS));
        }
        if (d.lastPurchaseDate() != null && d.lastPurchaseDate().isAfter(LocalDate.now(clock))) {
            errors.put(CustomerField.LAST_PURCHASE_DATE, Texts.get("customer.error.last.future"));
        } else if (d.lastPurchaseDate() != null && !Limits.isSaneDate(d.lastPurchaseDate())) {
            errors.put(CustomerField.LAST_PURCHASE_DATE, Texts.get("customer.error.last.range", d.lastPurchaseDate().toString(), Limits.EARLIEST_DATE.toString(), Limits.LATEST_DATE.toString()));
        }
        return errors;
    }

    public static String emailProblem(String email) {
        if (email == null || email.isBlank()) {
            return Texts.get("customer.error.email.required");
        }
        if (email.length() > Limits.MAX_EMAIL || !EMAIL.matcher(email.strip()).matches()) {
            return Texts.get("customer.error.email.invalid", email.strip());
        }
        return null;
    }

    public static String phoneProblem(String phone) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        if (phone.length() > Limits.MAX_PHONE) {
            return Texts.get("customer.error.phone.long", Limits.MAX_PHONE);
        }
        int digits = digitsOf(phone).length();
        if (!PHONE_CHARS.matcher(phone).matches() || digits < 7 || digits > 15) {
            return Texts.get("customer.error.phone.invalid", phone);
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
