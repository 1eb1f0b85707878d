package com.crmplatform.auth;

import com.crmplatform.config.ConfigLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/** Sign-in settings from the configuration: the environment, {@code .env} and the saved settings. */
public final class SignInConfig {

    private SignInConfig() {
    }

    /**
     * Google (or any OpenID Connect) sign-in settings, or empty when {@code GOOGLE_CLIENT_ID} is not
     * set: the app then runs in local mode as the operating-system user.
     */
    public static Optional<GoogleSignIn.Settings> signIn(ConfigLoader config, Path dataDir) {
        return config.setting("GOOGLE_CLIENT_ID", dataDir).map(id -> new GoogleSignIn.Settings(
                config.setting("OIDC_ISSUER", dataDir).orElse(OidcProvider.GOOGLE), id,
                config.setting("GOOGLE_CLIENT_SECRET", dataDir),
                Arrays.stream(config.setting("CRM_ALLOWED_DOMAINS", dataDir).orElse("").split(",")).map(String::strip)
                        .filter(d -> !d.isEmpty()).toList(), Duration.ofMinutes(5)));
    }

    /** How long a signed-in user may work without reaching the provider ({@code CRM_OFFLINE_GRACE_DAYS}, default 7). */
    public static Duration offlineGrace(ConfigLoader config) {
        Optional<String> days = config.lookup("CRM_OFFLINE_GRACE_DAYS").map(String::strip);
        if (days.isEmpty()) {
            return SessionManager.DEFAULT_GRACE;
        }
        if (!days.get().matches("\\d{1,4}")) {
            throw new IllegalArgumentException("CRM_OFFLINE_GRACE_DAYS must be a whole number of days (e.g. 7), not \""
                    + days.get() + "\".");
        }
        return Duration.ofDays(Long.parseLong(days.get()));
    }
}
