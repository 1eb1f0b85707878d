package com.crmplatform.auth;

import java.awt.Desktop;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.function.Consumer;

/** Opens the sign-in page: {@code $BROWSER} if set, else the desktop's default browser, else {@code xdg-open}. */
public final class BrowserOpener implements Consumer<String> {

    private final Map<String, String> environment;

    public BrowserOpener(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public void accept(String url) {
        String browser = environment.get("BROWSER");
        try {
            if (browser != null && !browser.isBlank()) {
                new ProcessBuilder(browser.strip(), url).inheritIO().start();
                return;
            }
            if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                Desktop.getDesktop().browse(URI.create(url));
                return;
            }
            new ProcessBuilder("xdg-open", url).start();
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // The window and the command line also show the link to open by hand.
        }
    }
}
