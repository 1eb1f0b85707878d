package com.crmplatform.customer;

import com.crmplatform.auth.CurrentUser;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Recording opt-outs (and opt-ins again) with when and how, as the law asks of marketing email. */
public final class ConsentService {

    /** The longest "how" a record keeps. */
    static final int MAX_HOW = 200;

    private final ConsentRepository consent;
    private final CurrentUser user;
    private final Clock clock;

    public ConsentService(ConsentRepository consent, CurrentUser user, Clock clock) {
        this.consent = consent;
        this.user = user;
        this.clock = clock;
    }

    /**
     * Records that this address wants no more marketing email.
     *
     * @param how where the wish came from ("command line", "customer page"); who recorded it is added
     * @throws IllegalArgumentException for an address that is not an email address
     */
    public Consent unsubscribe(String email, String how) {
        return change(email, Consent.State.UNSUBSCRIBED, how);
    }

    /** Records that this address may get marketing email again (the customer asked for it). */
    public Consent subscribe(String email, String how) {
        return change(email, Consent.State.SUBSCRIBED, how);
    }

    private Consent change(String email, Consent.State state, String how) {
        String wrong = CustomerValidator.emailProblem(email);
        if (wrong != null) {
            throw new IllegalArgumentException(wrong);
        }
        String said = how == null || how.isBlank() ? "no reason given" : how.strip();
        if (said.length() > MAX_HOW) {
            throw new IllegalArgumentException("Say how in at most " + MAX_HOW + " characters.");
        }
        java.time.Instant at = clock.instant();
        // A record that looks later (another workstation's clock runs ahead) must not swallow this wish.
        java.time.Instant held = consent.find(email).map(Consent::at).orElse(java.time.Instant.EPOCH);
        if (!at.isAfter(held)) {
            at = held.plusMillis(1);
        }
        Consent c = new Consent(email, state, at, said + ", by " + com.crmplatform.auth.LocalUser.readable(user.id()));
        consent.record(List.of(c));
        return consent.find(email).orElse(c);
    }

    /** What is recorded for this address (nothing: never asked, so subscribed as a customer). */
    public Optional<Consent> of(String email) {
        return consent.find(email);
    }
}
