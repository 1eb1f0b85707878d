package com.crmplatform.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Option values checked before a command does anything: a wrong one is a usage error (exit 2). */
final class Checks {

    private Checks() {
    }

    static void range(CommandSpec spec, String option, long value, long min, long max) {
        if (value < min || value > max) {
            throw new ParameterException(spec.commandLine(), option + " must be between " + min + " and " + max
                    + ", not " + value);
        }
    }

    static void fraction(CommandSpec spec, String option, double value) {
        if (!Double.isFinite(value) || value < 0 || value > 1) {
            throw new ParameterException(spec.commandLine(), option + " must be a number from 0 to 1 (e.g. 0.9), not "
                    + value);
        }
    }

    static void notBlank(CommandSpec spec, String option, String value) {
        if (value != null && value.isBlank()) {
            throw new ParameterException(spec.commandLine(), option + " needs a value; it was empty");
        }
    }
}
