package com.crmplatform.store;

import com.crmplatform.app.MongoStore;
import com.crmplatform.app.SqliteStore;
import com.crmplatform.app.Store;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.nio.file.Path;

/** A fresh store of one kind for a test. */
public interface StoreFixture extends AutoCloseable {

    Store store();

    /** Closes the store and opens it again on the same data (a restart of the app). */
    Store reopen();

    @Override
    void close();

    static StoreFixture sqlite(Path dir) {
        return new StoreFixture() {
            private Store store = SqliteStore.open(dir);

            @Override
            public Store store() {
                return store;
            }

            @Override
            public Store reopen() {
                store.close();
                store = SqliteStore.open(dir);
                return store;
            }

            @Override
            public void close() {
                store.close();
            }
        };
    }

    /** mongo-java-server (memory backend) on a real socket on 127.0.0.1, driven by the real driver. */
    static MongoFixture mongo() {
        return new MongoFixture();
    }

    final class MongoFixture implements StoreFixture {
        private final MongoServer server = new MongoServer(new MemoryBackend());
        private final String url;
        private Store store;

        MongoFixture() {
            server.bind("127.0.0.1", 0);
            InetSocketAddress address = server.getLocalAddress();
            url = "mongodb://127.0.0.1:" + address.getPort() + "/crm-test";
            store = MongoStore.open(url, 5_000);
        }

        public String url() {
            return url;
        }

        @Override
        public Store store() {
            return store;
        }

        @Override
        public Store reopen() {
            store.close();
            store = MongoStore.open(url, 5_000);
            return store;
        }

        @Override
        public void close() {
            store.close();
            server.shutdownNow();
        }
    }
}
