package com.crmplatform.config;

/** Keeps secrets out of anything a person or a log can see. */
public final class Secrets {

    private Secrets() {
    }

    /**
     * {@code mongodb://ann:s3cret@host/db} becomes {@code mongodb://ann:****@host/db}. Whatever sits
     * between {@code ://} and the last {@code @} is treated as credentials, whatever the scheme, its
     * case or its validity, so a password with an unescaped {@code @}, {@code %} or {@code /} is
     * hidden whole; only a user name before the first colon stays readable.
     */
    public static String maskUri(String uri) {
        if (uri == null) {
            return null;
        }
        int at = uri.lastIndexOf('@');
        if (at < 0) {
            return uri;
        }
        int scheme = uri.indexOf("://");
        int from = scheme >= 0 && scheme < at ? scheme + 3 : 0;
        String credentials = uri.substring(from, at);
        int colon = credentials.indexOf(':');
        String shown = colon > 0 ? credentials.substring(0, colon) + ":****" : "****";
        return uri.substring(0, from) + shown + uri.substring(at);
    }

    /** The text with the address's credentials (as written, or URL-decoded) replaced by ****. */
    public static String scrub(String text, String uri) {
        if (text == null || uri == null) {
            return text;
        }
        int at = uri.lastIndexOf('@');
        if (at < 0) {
            return text;
        }
        int scheme = uri.indexOf("://");
        String credentials = uri.substring(scheme >= 0 && scheme < at ? scheme + 3 : 0, at);
        int colon = credentials.indexOf(':');
        String password = colon >= 0 ? credentials.substring(colon + 1) : credentials;
        String out = text.replace(uri, maskUri(uri));
        if (!password.isEmpty()) {
            out = out.replace(password, "****");
            try {
                String decoded = java.net.URLDecoder.decode(password, java.nio.charset.StandardCharsets.UTF_8);
                if (!decoded.isEmpty()) {
                    out = out.replace(decoded, "****");
                }
            } catch (IllegalArgumentException ignored) {
                // not URL-encoded: the raw form is replaced already
            }
        }
        return out;
    }
}
