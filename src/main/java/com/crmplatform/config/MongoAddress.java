package com.crmplatform.config;

import com.mongodb.ConnectionString;
import java.util.Optional;

/** Whether a MongoDB address can be used at all, checked before it is saved (the server is not asked). */
public final class MongoAddress {

    private MongoAddress() {
    }

    /** Why the address cannot be a MongoDB connection string, or empty when it can. */
    public static Optional<String> problem(String address) {
        String a = address == null ? "" : address.strip();
        if (a.isEmpty()) {
            return Optional.empty(); // no address: the local store
        }
        if (!a.startsWith("mongodb://") && !a.startsWith("mongodb+srv://")) {
            return Optional.of("\"" + Secrets.maskUri(a) + "\" is not a MongoDB address; it starts with mongodb:// or "
                    + "mongodb+srv://, e.g. mongodb+srv://user:password@cluster0.example.net/crm-platform.");
        }
        try {
            new ConnectionString(a);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            // the driver's words may quote the password: not repeated
            return Optional.of(Secrets.maskUri(a) + " is not a valid MongoDB address (check the host, the port and that "
                    + "special characters in the password are written as %XX).");
        }
    }
}
