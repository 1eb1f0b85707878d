package com.crmplatform.store;

/** What the status bar tells the user about the database in use. */
public interface StoreStatus {

    /** "Local file /home/ann/.local/share/crm-platform/crm.db" or a masked MongoDB URL. */
    String description();

    /** Whether the store answers right now (a cheap round trip). */
    boolean ping();
}
