package com.crmplatform.store;

/** The record asked for is not (or no longer) in the store. */
public class NotFoundException extends StoreException {

    public NotFoundException(String what) {
        super(what + " no longer exists; it may have been deleted by someone else.");
    }
}
