package com.crmplatform.store;

import java.util.regex.Pattern;

/** Text for people: what a message says, without the Java class names that wrapped causes put in front of it. */
public final class UserText {

    /** "com.crmplatform.auth.SignInRefused: ", "java.net.ConnectException: " and the like. */
    private static final Pattern CLASS_NAME = Pattern.compile("\\b(?:[a-z_][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*: ");

    private UserText() {
    }

    public static String withoutClassNames(String message) {
        return message == null ? null : CLASS_NAME.matcher(message).replaceAll("");
    }
}
