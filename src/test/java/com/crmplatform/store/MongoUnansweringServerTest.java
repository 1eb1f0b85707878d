package com.crmplatform.store;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.crmplatform.app.MongoStore;
import com.crmplatform.customer.CustomerQuery;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.Test;

/** A MongoDB server that stops answering (SIGSTOP, a dead link) fails the request in time, in words. */
class MongoUnansweringServerTest {

    @Test
    void aServerThatStopsAnsweringFailsTheRequestInsteadOfHangingForever() throws Exception {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        try (TcpProxy proxy = new TcpProxy(server.getLocalAddress())) {
            try (MongoStore store = MongoStore.open("mongodb://127.0.0.1:" + proxy.port() + "/crm-test", 5_000, 1_500)) {
                store.customers().insert(TestData.customer("Asha Rao", "asha@example.com"));
                proxy.freeze();
                long t = System.nanoTime();
                StoreException e = assertThrows(StoreException.class, () -> store.customers().count(CustomerQuery.all()));
                long ms = (System.nanoTime() - t) / 1_000_000;
                assertTrue(e.getMessage().contains("stopped answering"), e.getMessage());
                assertTrue(ms < 10_000, "failed after " + ms + " ms");
                proxy.restore();
            }
        } finally {
            server.shutdownNow();
        }
    }
}
