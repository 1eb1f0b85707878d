package com.crmplatform.auth;

/** A sign-in that must not be accepted, with the reason in words. */
public class SignInRefused extends RuntimeException {

    public SignInRefused(String message) {
        super(message);
    }

    public SignInRefused(String message, Throwable cause) {
        super(message, cause);
    }
}
