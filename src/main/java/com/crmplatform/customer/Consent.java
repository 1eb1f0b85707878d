package com.crmplatform.customer;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether an email address may get marketing email, since when and how that was recorded
 * ("customer page, by ann", "import of customers.csv", "command line"). Kept by email address, not
 * by customer: an opt-out holds even if the customer is deleted and created again. Of two records
 * for one address the later one holds.
 */
public record Consent(String email, State state, Instant at, String how) {

    /** Marketing email allowed, not wanted, or the address bounced (its mail server said it does not exist). */
    public enum State { SUBSCRIBED, UNSUBSCRIBED, BOUNCED }

    public Consent {
        email = Customer.emailKey(email);
        how = how == null ? "" : how.strip();
    }

    public boolean unsubscribed() {
        return state == State.UNSUBSCRIBED;
    }

    public boolean bounced() {
        return state == State.BOUNCED;
    }

    /**
     * A consent cell as people write it: subscribed / unsubscribed, yes / no, true / false, opt-in /
     * opt-out, 1 / 0; empty says nothing.
     *
     * @throws IllegalArgumentException for anything else, naming the value
     */
    public static Optional<State> read(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]", "");
        return switch (t) {
            case "" -> Optional.empty();
            case "subscribed", "yes", "y", "true", "1", "optin", "optedin", "consent", "consented" ->
                    Optional.of(State.SUBSCRIBED);
            case "unsubscribed", "no", "n", "false", "0", "optout", "optedout", "noconsent" -> Optional.of(State.UNSUBSCRIBED);
            case "bounced" -> Optional.of(State.BOUNCED);
            default -> throw new IllegalArgumentException("Consent \"" + text.strip() + "\" is neither subscribed nor "
                    + "unsubscribed (write subscribed, unsubscribed, yes or no)");
        };
    }
}
