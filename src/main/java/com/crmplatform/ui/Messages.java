package com.crmplatform.ui;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The UI text bundle ({@code messages.properties}); FXML uses the same bundle with %keys. */
public final class Messages {

    private final ResourceBundle bundle;

    public Messages(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    public static Messages load(Locale locale) {
        return new Messages(ResourceBundle.getBundle("com.crmplatform.messages", locale));
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    public String get(String key, Object... args) {
        String text;
        try {
            text = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        return args.length == 0 ? text : MessageFormat.format(text, args);
    }

    /** What to tell the user about a failure: the store's own message when it wrote one for people. */
    public String describe(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && !(t instanceof com.crmplatform.store.StoreException)
                && !(t instanceof IllegalArgumentException) && !(t instanceof com.crmplatform.auth.SignInRefused)) {
            t = t.getCause();
        }
        if (t instanceof com.crmplatform.store.StoreException || t instanceof IllegalArgumentException
                || t instanceof com.crmplatform.auth.SignInRefused) {
            return com.crmplatform.store.UserText.withoutClassNames(t.getMessage());
        }
        return get("error.unexpected", t.getClass().getSimpleName());
    }
}
