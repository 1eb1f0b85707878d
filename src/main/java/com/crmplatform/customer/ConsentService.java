package com.crmplatform.customer;

import com.crmplatform.auth.CurrentUser;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Recording opt-outs (and opt-ins again) with when and how, as the law asks of marketing email. */
public final class ConsentService {

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
        Consent c = new Consent(email, state, clock.instant(), how + ", by " + com.crmplatform.auth.LocalUser.readable(user.id()));
        consent.record(List.of(c));
        return consent.find(email).orElse(c);
    }

    /** What is recorded for this address (nothing: never asked, so subscribed as a customer). */
    public Optional<Consent> of(String email) {
        return consent.find(email);
    }
}
