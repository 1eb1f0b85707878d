package com.crmplatform.auth;

/** The operating-system user, for local mode (no sign-in configured). */
public final class LocalUser implements CurrentUser {

    private final String name;

    public LocalUser(String name) {
        this.name = name == null || name.isBlank() ? "user" : name;
    }

    /** A user id as people read it: "local:ann" is "ann"; a signed-in user's email stays as it is. */
    public static String readable(String userId) {
        return userId != null && userId.startsWith("local:") ? userId.substring("local:".length()) : userId;
    }

    public static LocalUser fromSystem() {
        return new LocalUser(System.getProperty("user.name"));
    }

    @Override
    public String id() {
        return "local:" + name;
    }

    @Override
    public String displayName() {
        return name;
    }

    @Override
    public boolean isLocalMode() {
        return true;
    }
}
