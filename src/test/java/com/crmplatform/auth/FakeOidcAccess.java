package com.crmplatform.auth;

import java.util.function.Consumer;

/** The fake provider and scripted browser of this package, for tests elsewhere. */
public final class FakeOidcAccess implements AutoCloseable {

    public static final Consumer<String> BROWSER = GoogleSignInTest.BROWSER;

    private final FakeOidcProvider provider;

    public FakeOidcAccess() throws Exception {
        provider = new FakeOidcProvider();
    }

    public String issuer() {
        return provider.issuer();
    }

    public String clientId() {
        return provider.clientId;
    }

    @Override
    public void close() {
        provider.close();
    }
}
