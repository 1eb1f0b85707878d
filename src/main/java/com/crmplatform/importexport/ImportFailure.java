package com.crmplatform.importexport;

/** How an import that could not read the whole file says what it did before it stopped. */
final class ImportFailure {

    private ImportFailure() {
    }

    static ImportException partWay(CsvSource.UnreadableLine at, boolean wrote, long written, long rejected) {
        String line = String.format("%,d", at.line());
        if (!wrote) {
            return new ImportException("Line " + line + " cannot be read: " + at.reason()
                    + ". Nothing was imported; fix that line and try again.", at);
        }
        String before = String.format("%,d %s imported before line %s could not be read", written,
                written == 1 ? "row was" : "rows were", line)
                + (rejected > 0 ? String.format(" (%,d earlier %s rejected)", rejected, rejected == 1 ? "row was" : "rows were") : "");
        return new ImportException(before + ": " + at.reason() + ". Fix that line and import the file again; "
                + "rows already imported are not added twice.", at);
    }
}
