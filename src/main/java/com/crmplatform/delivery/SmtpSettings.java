package com.crmplatform.delivery;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * How to reach the team's mail service (Google Workspace or Microsoft 365 relay, Amazon SES,
 * SendGrid, Mailgun, Zoho: all speak SMTP). The password is never logged.
 *
 * @param security  STARTTLS (port 587), TLS from the first byte (port 465) or none (a relay on this computer)
 * @param perMinute at most this many emails a minute (providers throttle)
 * @param maxTries  tries of one email while the server answers "try later" (4xx)
 * @param unreachableFor how long an email waits for a server that cannot be reached before it fails
 */
public record SmtpSettings(String host, int port, Security security, Optional<String> user, Optional<String> password,
                           String fromAddress, String fromName, int perMinute, int maxTries, Duration firstRetry,
                           Duration timeout, Duration unreachableFor) {

    public SmtpSettings(String host, int port, Security security, Optional<String> user, Optional<String> password,
                        String fromAddress, String fromName, int perMinute, int maxTries, Duration firstRetry,
                        Duration timeout) {
        this(host, port, security, user, password, fromAddress, fromName, perMinute, maxTries, firstRetry, timeout,
                Duration.ofMinutes(10));
    }

    public static final String HOST = "SMTP_HOST";
    public static final String PORT = "SMTP_PORT";
    public static final String USER = "SMTP_USER";
    public static final String PASSWORD = "SMTP_PASSWORD";
    public static final String FROM = "SMTP_FROM";
    public static final String FROM_NAME = "SMTP_FROM_NAME";
    public static final String TLS = "SMTP_TLS";
    public static final String RATE = "SMTP_PER_MINUTE";

    /** How the connection is protected. */
    public enum Security {
        STARTTLS(587), TLS(465), NONE(25);

        private final int defaultPort;

        Security(int defaultPort) {
            this.defaultPort = defaultPort;
        }

        public int defaultPort() {
            return defaultPort;
        }
    }

    public SmtpSettings {
        user = user.filter(u -> !u.isBlank()).map(String::strip);
        password = password.filter(p -> !p.isEmpty());
    }

    /**
     * The settings the named values give ({@code SMTP_HOST} …), or empty when no mail server is set.
     *
     * @throws IllegalArgumentException naming the setting that is wrong and what it should be
     */
    public static Optional<SmtpSettings> from(Function<String, Optional<String>> setting) {
        Optional<String> host = setting.apply(HOST).map(String::strip).filter(h -> !h.isEmpty());
        if (host.isEmpty()) {
            return Optional.empty();
        }
        if (!host.get().matches("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?|\\[[0-9A-Fa-f:.]+\\]")) {
            throw new IllegalArgumentException(HOST + " is not a host name (write only the name, e.g. smtp.gmail.com; "
                    + "the user and password go in " + USER + " and " + PASSWORD + ").");
        }
        Security security = setting.apply(TLS).map(t -> switch (t.strip().toLowerCase(Locale.ROOT)) {
            case "starttls", "" -> Security.STARTTLS;
            case "tls", "ssl" -> Security.TLS;
            case "none" -> Security.NONE;
            default -> throw new IllegalArgumentException(TLS + " is \"" + t + "\"; use starttls, tls or none.");
        }).orElse(Security.STARTTLS);
        int port = setting.apply(PORT).map(String::strip).filter(p -> !p.isEmpty())
                .map(p -> whole(PORT, p, 1, 65_535)).orElse(security.defaultPort());
        String from = setting.apply(FROM).map(String::strip).filter(f -> !f.isEmpty())
                .orElseThrow(() -> new IllegalArgumentException("Set " + FROM + " to the address campaigns are sent from "
                        + "(e.g. offers@yourshop.in)."));
        if (!from.matches("[^@\\s<>]+@[^@\\s<>]+\\.[^@\\s<>]+")) {
            throw new IllegalArgumentException(FROM + " \"" + from + "\" is not an email address.");
        }
        int rate = setting.apply(RATE).map(String::strip).filter(r -> !r.isEmpty())
                .map(r -> whole(RATE, r, 1, 100_000)).orElse(60);
        SmtpSettings s = new SmtpSettings(host.get(), port, security, setting.apply(USER), setting.apply(PASSWORD), from,
                setting.apply(FROM_NAME).map(String::strip).orElse(""), rate, 6, Duration.ofSeconds(2), Duration.ofSeconds(20));
        s.clearTextProblem().ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        return Optional.of(s);
    }

    private static int whole(String name, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException(name + " is \"" + value + "\"; use a whole number from " + min + " to " + max + ".");
    }

    /** Why the password must not go to the server, if so: in clear text (no TLS) to another computer. */
    public Optional<String> clearTextProblem() {
        if (security == Security.NONE && password.isPresent() && !com.crmplatform.config.Secrets.isLoopbackHost(host)) {
            return Optional.of("The mail server password would cross the network in clear text (" + TLS + "=none to "
                    + host + "); use starttls or tls.");
        }
        return Optional.empty();
    }

    /** The domain Message-IDs are made in: the From address's. */
    public String domain() {
        return fromAddress.substring(fromAddress.indexOf('@') + 1);
    }

    @Override
    public String toString() {
        return "SmtpSettings[" + host + ":" + port + " " + security + ", user=" + user.orElse("none") + ", password="
                + (password.isPresent() ? "****" : "none") + ", from=" + fromAddress + ", perMinute=" + perMinute + "]";
    }
}
