package com.crmplatform.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Work on the app's one background executor; results and errors on the FX thread. */
public final class FxUiExecutor implements UiExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(FxUiExecutor.class);

    private final ExecutorService background;
    private final IntegerProperty running = new SimpleIntegerProperty();

    public FxUiExecutor(ExecutorService background) {
        this.background = background;
    }

    /** How many background jobs are under way, for the status bar (FX thread). */
    public ReadOnlyIntegerProperty runningProperty() {
        return running;
    }

    @Override
    public <T> Handle submit(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        return run(work, onSuccess, onFailure, 1);
    }

    @Override
    public <T> Handle submitQuietly(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        return run(work, onSuccess, onFailure, 0);
    }

    private <T> Handle run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure, int counted) {
        Flag flag = new Flag();
        if (background.isShutdown()) {
            flag.cancel(); // the window is closing: nothing more starts
            return flag;
        }
        running.set(running.get() + counted);
        Future<?> future = background.submit(() -> {
            try {
                T result = work.call();
                Platform.runLater(() -> {
                    running.set(running.get() - counted);
                    if (!flag.isCancelled()) {
                        onSuccess.accept(result);
                    }
                });
            } catch (Throwable e) {
                LOG.warn("background work failed", e);
                Platform.runLater(() -> {
                    running.set(running.get() - counted);
                    if (!flag.isCancelled()) {
                        onFailure.accept(e);
                    }
                });
            }
        });
        return new Handle() {
            @Override
            public void cancel() {
                flag.cancel();
                future.cancel(false);
            }

            @Override
            public boolean isCancelled() {
                return flag.isCancelled();
            }
        };
    }
}
