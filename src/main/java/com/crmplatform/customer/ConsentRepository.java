package com.crmplatform.customer;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** Marketing consent by email address, in a store. Of two records for one address the later one holds. */
public interface ConsentRepository {

    /** Records each change unless the store already holds a later record for its address. */
    void record(Collection<Consent> changes);

    default Optional<Consent> find(String email) {
        return Optional.ofNullable(find(java.util.List.of(email)).get(Customer.emailKey(email)));
    }

    /** The records held for these addresses, by address as {@link Customer#emailKey} gives it. */
    Map<String, Consent> find(Collection<String> emails);

    /** How many addresses have opted out. */
    long countUnsubscribed();
}
