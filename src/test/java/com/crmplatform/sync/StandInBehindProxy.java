package com.crmplatform.sync;

import com.crmplatform.store.TcpProxy;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * The team's MongoDB for sync tests: the stand-in, reached by the workstations through a proxy on
 * a fixed port that the test cuts (the port refuses and open connections drop) and restores, and
 * reached directly by the test itself to look at the central data.
 */
public final class StandInBehindProxy implements AutoCloseable {

    private final MongoServer server;
    private final TcpProxy proxy;
    private final MongoClient admin;

    public StandInBehindProxy() throws IOException {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        proxy = new TcpProxy(new InetSocketAddress("127.0.0.1", address.getPort()));
        admin = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
    }

    /** The address workstations use, through the proxy. */
    public String url(String database) {
        return "mongodb://127.0.0.1:" + proxy.port() + "/" + database;
    }

    /** The central database as it is, read past the proxy. */
    public MongoDatabase central(String database) {
        return admin.getDatabase(database);
    }

    public TcpProxy proxy() {
        return proxy;
    }

    /** The network goes: the port refuses and open connections drop. */
    public void cut() {
        proxy.cut();
    }

    public void restore() {
        proxy.restore();
    }

    @Override
    public void close() {
        admin.close();
        proxy.close();
        server.shutdownNow();
    }
}
