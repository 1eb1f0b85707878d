package com.crmplatform.store;

/** The unique (case-insensitive) email index refused a write. */
public class DuplicateEmailException extends StoreException {

    private final String email;

    public DuplicateEmailException(String email) {
        super("Another customer already has the email " + email + ".");
        this.email = email;
    }

    public String email() {
        return email;
    }
}
