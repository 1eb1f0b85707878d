package com.crmplatform.store;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The app's words for people, from the one text bundle ({@code com/crmplatform/messages.properties})
 * that the window's FXML and view-models use too: the core (validators, the command line) takes its
 * sentences from there instead of building them in Java.
 */
public final class Texts {

    private static final String BUNDLE = "com.crmplatform.messages";

    private Texts() {
    }

    /** The text for {@code key}, with {@code args} put in as {@link MessageFormat} does. */
    public static String get(String key, Object... args) {
        String text;
        try {
            text = ResourceBundle.getBundle(BUNDLE, Locale.getDefault()).getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        return args.length == 0 ? text : new MessageFormat(text, Locale.ROOT).format(args);
    }
}
