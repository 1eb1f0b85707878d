package com.crmplatform.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.crmplatform.app.MongoStore;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** The status bar's connection check: a central database gone is known within 2 seconds, and back again. */
class MongoConnectionCheckTest {

    @Test
    void aCutLinkIsKnownWithinTwoSecondsAndTheReturnToo() throws Exception {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        try (TcpProxy proxy = new TcpProxy(server.getLocalAddress());
             MongoStore store = MongoStore.open("mongodb://127.0.0.1:" + proxy.port() + "/crm-test", 5_000)) {
            assertTrue(store.ping());
            for (int round = 0; round < 3; round++) {
                proxy.cut();
                long t = System.nanoTime();
                assertFalse(store.ping(), "round " + round);
                long ms = (System.nanoTime() - t) / 1_000_000;
                assertTrue(ms < 2_000, "offline known after " + ms + " ms");

                proxy.restore();
                assertTrue(eventuallyOnline(store), "online again, round " + round);
            }
        } finally {
            server.shutdownNow();
        }
    }

    @Test
    void aServerThatHangsIsOfflineWithinTwoSecondsAndTheStoreStillOpensItsRequestsAfterwards() throws Exception {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        try (TcpProxy proxy = new TcpProxy(server.getLocalAddress());
             MongoStore store = MongoStore.open("mongodb://127.0.0.1:" + proxy.port() + "/crm-test", 5_000)) {
            assertTrue(store.ping());
            proxy.freeze();
            long t = System.nanoTime();
            assertFalse(store.ping());
            long ms = (System.nanoTime() - t) / 1_000_000;
            assertTrue(ms < 2_000, "a hung server known after " + ms + " ms");
            proxy.restore();
            assertTrue(eventuallyOnline(store));
            store.customers().insert(TestData.customer("Asha Rao", "asha@example.com"));
        } finally {
            server.shutdownNow();
        }
    }

    @Test
    void aServerStoppedAndStartedOnTheSamePortIsSeenGoingAndComing() throws Exception {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        try (MongoStore store = MongoStore.open("mongodb://127.0.0.1:" + address.getPort() + "/crm-test", 5_000)) {
            assertTrue(store.ping());
            server.shutdownNow();
            long t = System.nanoTime();
            assertFalse(store.ping());
            assertTrue((System.nanoTime() - t) / 1_000_000 < 2_000);

            server = new MongoServer(new MemoryBackend());
            server.bind("127.0.0.1", address.getPort());
            assertTrue(eventuallyOnline(store));
        } finally {
            server.shutdownNow();
        }
    }

    @Test
    void aClosedStoreAnswersOfflineInsteadOfThrowing() throws Exception {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        try {
            MongoStore store = MongoStore.open("mongodb://127.0.0.1:" + server.getLocalAddress().getPort() + "/crm-test", 5_000);
            assertTrue(store.ping());
            store.close();
            assertFalse(store.ping());
        } finally {
            server.shutdownNow();
        }
    }

    /** Each check answers within 1.5 s; the driver finds the server again within its 0.5 s heartbeat. */
    private static boolean eventuallyOnline(MongoStore store) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (store.ping()) {
                return true;
            }
        }
        return false;
    }
}
