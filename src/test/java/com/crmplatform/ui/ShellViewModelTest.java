package com.crmplatform.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.crmplatform.auth.CurrentUser;
import com.crmplatform.store.StoreStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The status bar's connection state follows the store's answers, one check at a time, quietly. */
class ShellViewModelTest {

    private final AtomicBoolean up = new AtomicBoolean(true);
    private final AtomicInteger pings = new AtomicInteger();
    private final StoreStatus store = new StoreStatus() {
        @Override
        public String description() {
            return "MongoDB mongodb://127.0.0.1:27017/crm";
        }

        @Override
        public boolean ping() {
            pings.incrementAndGet();
            return up.get();
        }
    };
    private final CurrentUser user = new CurrentUser() {
        @Override
        public String id() {
            return "local:ann";
        }

        @Override
        public String displayName() {
            return "Ann";
        }

        @Override
        public boolean isLocalMode() {
            return true;
        }
    };
    private final Messages messages = Messages.load(Locale.ENGLISH);

    @Test
    void theConnectionTextFollowsEachCheck() {
        ShellViewModel vm = new ShellViewModel(store, user, UiExecutor.currentThread(), null, messages);
        var text = vm.connectionText();
        vm.checkConnection();
        assertTrue(vm.onlineProperty().get());
        String online = text.get();

        up.set(false);
        vm.checkConnection();
        assertFalse(vm.onlineProperty().get());
        assertEquals(messages.get("status.offline"), text.get());

        up.set(true);
        vm.checkConnection();
        assertEquals(online, text.get());
    }

    @Test
    void aCheckStillWaitingForItsAnswerIsNotJoinedByAnotherAndIsNotCountedAsWork() {
        List<Runnable> answers = new ArrayList<>();
        AtomicInteger counted = new AtomicInteger();
        UiExecutor held = new UiExecutor() {
            @Override
            public <T> Handle submit(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
                counted.incrementAndGet();
                return submitQuietly(work, onSuccess, onFailure);
            }

            @Override
            public <T> Handle submitQuietly(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
                answers.add(() -> {
                    try {
                        onSuccess.accept(work.call());
                    } catch (Exception e) {
                        onFailure.accept(e);
                    }
                });
                return new Flag();
            }
        };
        ShellViewModel vm = new ShellViewModel(store, user, held, null, messages);
        vm.checkConnection();
        vm.checkConnection();
        vm.checkConnection();
        assertEquals(1, answers.size(), "one check at a time");

        up.set(false);
        answers.remove(0).run();
        assertFalse(vm.onlineProperty().get());
        vm.checkConnection();
        assertEquals(1, answers.size(), "the next check starts once the last answered");
        answers.remove(0).run();
        assertEquals(2, pings.get());
        assertEquals(0, counted.get(), "connection checks are not shown as background work");
    }
}
