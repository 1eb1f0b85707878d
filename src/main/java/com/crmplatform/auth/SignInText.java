package com.crmplatform.auth;

/** Text that came from outside (a browser request, a provider) made safe to show in a window or a terminal. */
final class SignInText {

    private SignInText() {
    }

    /** Without control characters (terminal escape sequences included), and at most 200 characters. */
    static String printable(String s) {
        if (s == null) {
            return "";
        }
        String clean = s.codePoints().filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return clean.length() > 200 ? clean.substring(0, 200) + "…" : clean;
    }

    static String html(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
