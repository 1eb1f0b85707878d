package com.crmplatform.importexport;

/** A file that cannot be imported at all (as opposed to single bad rows, which are reported). */
public class ImportException extends IllegalArgumentException {

    public ImportException(String message) {
        super(message);
    }

    public ImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
