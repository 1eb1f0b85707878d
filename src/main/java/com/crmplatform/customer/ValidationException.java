package com.crmplatform.customer;

import com.crmplatform.store.StoreException;
import java.util.Map;

/** A draft that breaks the rules; carries the message of each bad field. */
public class ValidationException extends StoreException {

    private final Map<? extends Enum<?>, String> errors;

    public ValidationException(Map<? extends Enum<?>, String> errors) {
        super(String.join(" ", errors.values()));
        this.errors = Map.copyOf(errors);
    }

    public Map<? extends Enum<?>, String> errors() {
        return errors;
    }
}
