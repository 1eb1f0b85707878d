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
        int q = uri.indexOf('?');
        if (q >= 0 && SECRET_OPTION.matcher(uri.substring(q)).find()) {
            uri = uri.substring(0, q) + "?****"; // options that carry credentials (tokens, keys) are not shown at all
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

    private static final java.util.regex.Pattern SECRET_OPTION = java.util.regex.Pattern.compile(
            "(?i)(authMechanismProperties|token|secret|password|pwd|key)");
    private static final java.util.regex.Pattern LOOPBACK_V4 = java.util.regex.Pattern.compile(
            "127\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)");

    /**
     * Whether a URL's host is this computer, by its literal address: {@code localhost}, an IPv4
     * address in 127.0.0.0/8 or {@code ::1}; a name that merely starts with "127." is not.
     */
    public static boolean isLoopbackHost(String host) {
        if (host == null) {
            return false;
        }
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return h.equalsIgnoreCase("localhost") || LOOPBACK_V4.matcher(h).matches() || h.equals("::1")
                || h.equals("0:0:0:0:0:0:0:1");
    }
}
