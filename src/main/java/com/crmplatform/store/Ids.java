package com.crmplatform.store;

import org.bson.types.ObjectId;

/** Record ids are ObjectIds made on the client, so a record keeps its id in every store. */
public final class Ids {

    private Ids() {
    }

    public static String newId() {
        return new ObjectId().toHexString();
    }

    public static boolean isValid(String id) {
        return id != null && ObjectId.isValid(id);
    }
}
