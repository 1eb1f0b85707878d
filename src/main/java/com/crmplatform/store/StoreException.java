package com.crmplatform.store;

/**
 * A store problem with a message written for the person using the app: what went wrong and
 * what to do. The cause keeps the technical detail for the log.
 */
public class StoreException extends RuntimeException {

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
