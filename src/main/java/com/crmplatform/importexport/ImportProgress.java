package com.crmplatform.importexport;

/** Where a long import is, and whether the user asked it to stop. */
public interface ImportProgress {

    /** @param done fraction of the file read, 0..1 */
    void update(double done, int created, int updated, int rejected);

    boolean isCancelled();

    ImportProgress NONE = new ImportProgress() {
        @Override
        public void update(double done, int created, int updated, int rejected) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };
}
