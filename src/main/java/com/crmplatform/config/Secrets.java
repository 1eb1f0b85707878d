package com.crmplatform.config;

import java.util.regex.Pattern;

/** Keeps secrets out of anything a person or a log can see. */
public final class Secrets {

    private static final Pattern URI_PASSWORD = Pattern.compile("(mongodb(?:\\+srv)?://[^:/@\\s]+:)([^@\\s]*)(@)");

    private Secrets() {
    }

    /** {@code mongodb://ann:s3cret@host/db} becomes {@code mongodb://ann:****@host/db}. */
    public static String maskUri(String uri) {
        return uri == null ? null : URI_PASSWORD.matcher(uri).replaceAll("$1****$3");
    }
}
