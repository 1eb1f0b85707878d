package com.crmplatform.app;

import com.crmplatform.store.StoreException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.function.Supplier;

/**
 * A repository that lives on MongoDB only (campaigns, delivery, campaign history, saved segments):
 * in team mode it answers while MongoDB is connected and otherwise says plainly that this needs
 * the central database, while everything on the replica keeps working.
 */
final class CentralOnly {

    static final String OFFLINE = "This needs the central MongoDB database, which this computer cannot reach now "
            + "(offline). Customers, orders, import and export keep working on this computer's copy; "
            + "try again when the status bar says Online.";

    private CentralOnly() {
    }

    /** @param current the repository over the connected MongoDB, or null while offline */
    static <T> T of(Class<T> type, Supplier<T> current) {
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "hashCode" -> System.identityHashCode(self);
                    case "equals" -> self == args[0];
                    default -> "central " + type.getSimpleName();
                };
            }
            T target = current.get();
            if (target == null) {
                throw new StoreException(OFFLINE);
            }
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
        return type.cast(proxy);
    }
}
