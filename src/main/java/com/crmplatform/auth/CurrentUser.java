package com.crmplatform.auth;

/** Who is signed in: every write stamps {@code createdBy}/{@code updatedBy} with this. */
public interface CurrentUser {

    /** The identity written into records, e.g. an email address or {@code local:ann}. */
    String id();

    /** How the app shows the user. */
    String displayName();

    /** True when nobody signed in and the app runs as the operating-system user. */
    boolean isLocalMode();
}
