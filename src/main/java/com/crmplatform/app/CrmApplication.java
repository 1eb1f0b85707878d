package com.crmplatform.app;

import com.crmplatform.config.ConfigLoader;

/** Placeholder replaced by the JavaFX application. */
public final class CrmApplication {
    private CrmApplication() {
    }

    static void start(ConfigLoader loader, String[] args) {
        throw new UnsupportedOperationException();
    }
}
