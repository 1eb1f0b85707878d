package com.crmplatform.ui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs work off the FX thread and hands its result back on it. View-models use this and never
 * touch threads; tests use {@link #currentThread()} so they run deterministically.
 */
public interface UiExecutor {

    /** A running piece of work; cancelling it means its callbacks never run. */
    interface Handle {
        void cancel();

        boolean isCancelled();
    }

    <T> Handle submit(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /**
     * Like {@link #submit}, for routine checks the user did not ask for (the connection check): not
     * counted as work in the status bar.
     */
    default <T> Handle submitQuietly(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        return submit(work, onSuccess, onFailure);
    }

    /** Everything on the calling thread, at once: for tests. */
    static UiExecutor currentThread() {
        return new UiExecutor() {
            @Override
            public <T> Handle submit(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
                Flag flag = new Flag();
                try {
                    T result = work.call();
                    onSuccess.accept(result);
                } catch (Exception e) {
                    onFailure.accept(e);
                }
                return flag;
            }
        };
    }

    /** A cancellation flag. */
    final class Flag implements Handle {
        private volatile boolean cancelled;

        @Override
        public void cancel() {
            cancelled = true;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }
    }
}
