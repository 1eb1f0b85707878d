package com.crmplatform.delivery;

import java.util.Locale;

/** How a campaign's messages travel: the simulated vendor (the default, for trying things out) or email over SMTP. */
public enum Channel {
    SIMULATED, EMAIL;

    /** The channel a stored or typed name stands for; missing (older data) is the simulated vendor. */
    public static Channel of(String name) {
        if (name == null || name.isBlank()) {
            return SIMULATED;
        }
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + name + "\" is not a channel; use simulated or email.");
        }
    }
}
