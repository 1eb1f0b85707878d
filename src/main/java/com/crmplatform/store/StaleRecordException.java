package com.crmplatform.store;

/** An edit based on an old version of a record: refused instead of overwriting someone else's change. */
public class StaleRecordException extends StoreException {

    public StaleRecordException(String what) {
        super(what + " was changed by someone else since you opened it. "
                + "Reload it to see the latest version, then make your change again.");
    }
}
