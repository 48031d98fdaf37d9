package dev.funnel.testing;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.protocol.ApiKeys;

/**
 * A TCP proxy between Kafka clients and one broker that a test can freeze: while frozen it forwards nothing in
 * either direction but keeps every connection open and accepts new ones, so clients see a broker that stalls, not
 * one that went away (which {@link KafkaBroker#stop()} shows them). That is what a SIGSTOPped or overloaded broker
 * looks like, and it is what an in-JVM broker cannot do to itself.
 *
 * <p>It reads the Kafka framing of the requests (a 4-byte size, then the API key) so that it can freeze at an exact
 * step of a protocol exchange: {@link #freezeAfter(ApiKeys)} lets the next request of that kind through to the
 * broker and freezes before the broker's answer can reach the client. Armed with {@code END_TXN}, the broker
 * commits the transaction and the producer never hears of it until {@link #unfreeze()}: a commit stalled after it
 * reached the coordinator.
 *
 * <p>Clients must reach the broker only through the proxy, including after the first metadata answer: the broker
 * must advertise the proxy's address ({@link EmbeddedKafkaBroker#startBehind(KafkaProxy)} does that).
 */
public final class KafkaProxy implements AutoCloseable {

    private static final int CHUNK = 64 * 1024;

    private final ServerSocket server;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final Object gate = new Object();
    private volatile InetSocketAddress target;
    private volatile boolean closed;
    /** Guarded by {@link #gate}. */
    private boolean frozen;
    /** Guarded by {@link #gate}: the request after which to freeze, or null. */
    private ApiKeys freezeAfter;
    /** Guarded by {@link #gate}. */
    private int freezes;

    private KafkaProxy(ServerSocket server) {
        this.server = server;
    }

    /**
     * Listens on a free loopback port at once, before the broker exists, because the broker must be told the
     * proxy's address to advertise; connections accepted before {@link #forwardTo} are closed.
     */
    public static KafkaProxy start() {
        try {
            ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            KafkaProxy proxy = new KafkaProxy(server);
            Thread acceptor = new Thread(proxy::acceptConnections, "kafka-proxy-accept-" + server.getLocalPort());
            acceptor.setDaemon(true);
            acceptor.start();
            return proxy;
        } catch (IOException e) {
            throw new IllegalStateException("Could not open the Kafka proxy", e);
        }
    }

    public void forwardTo(String host, int port) {
        target = new InetSocketAddress(host, port);
    }

    public String host() {
        return server.getInetAddress().getHostAddress();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** The address clients bootstrap from. */
    public String bootstrapServers() {
        return host() + ":" + port();
    }

    /** Stops forwarding now, in both directions, on every connection. */
    public void freeze() {
        synchronized (gate) {
            if (!frozen) {
                frozen = true;
                freezes++;
            }
        }
    }

    /**
     * Lets the next request with this API key (from any client) reach the broker, then freezes before anything
     * else passes, the broker's answer to that request included.
     */
    public void freezeAfter(ApiKeys apiKey) {
        synchronized (gate) {
            freezeAfter = apiKey;
        }
    }

    /** Forwards what was held and goes on forwarding. */
    public void unfreeze() {
        synchronized (gate) {
            frozen = false;
            freezeAfter = null;
            gate.notifyAll();
        }
    }

    public boolean frozen() {
        synchronized (gate) {
            return frozen;
        }
    }

    /** How many times the proxy has frozen since it started. */
    public int freezes() {
        synchronized (gate) {
            return freezes;
        }
    }

    private void acceptConnections() {
        while (!closed) {
            try {
                Socket client = server.accept();
                InetSocketAddress to = target;
                if (to == null) {
                    client.close();
                    continue;
                }
                Socket broker = new Socket(to.getAddress(), to.getPort());
                client.setTcpNoDelay(true);
                broker.setTcpNoDelay(true);
                sockets.add(client);
                sockets.add(broker);
                pump("kafka-proxy-requests", () -> forwardRequests(client, broker), client, broker);
                pump("kafka-proxy-responses", () -> forwardBytes(broker, client), client, broker);
            } catch (IOException e) {
                // The server socket closed (close()), or one connection could not reach the broker: its client
                // sees the connection fail, as it would with the broker itself.
            }
        }
    }

    private void pump(String name, IoTask task, Socket client, Socket broker) {
        Thread thread = new Thread(() -> {
            try {
                task.run();
            } catch (IOException | InterruptedException e) {
                // One side closed: the connection is over for both.
            } finally {
                closeQuietly(client);
                closeQuietly(broker);
                sockets.remove(client);
                sockets.remove(broker);
            }
        }, name + "-" + client.getPort());
        thread.setDaemon(true);
        thread.start();
    }

    /** Client to broker, one request frame at a time, so that a freeze can follow a given request. */
    private void forwardRequests(Socket client, Socket broker) throws IOException, InterruptedException {
        DataInputStream in = new DataInputStream(client.getInputStream());
        DataOutputStream out = new DataOutputStream(broker.getOutputStream());
        while (true) {
            int size;
            try {
                size = in.readInt();
            } catch (EOFException e) {
                return;
            }
            byte[] frame = new byte[size];
            in.readFully(frame);
            short apiKey = (short) (((frame[0] & 0xff) << 8) | (frame[1] & 0xff));
            awaitPassage(apiKey);
            out.writeInt(size);
            out.write(frame);
            out.flush();
        }
    }

    /** Broker to client, as raw bytes: whatever was read before a freeze waits for the thaw. */
    private void forwardBytes(Socket broker, Socket client) throws IOException, InterruptedException {
        InputStream in = broker.getInputStream();
        OutputStream out = client.getOutputStream();
        byte[] buffer = new byte[CHUNK];
        int read;
        while ((read = in.read(buffer)) >= 0) {
            awaitPassage(null);
            out.write(buffer, 0, read);
            out.flush();
        }
    }

    /**
     * Waits while frozen. The armed request itself freezes the proxy before it is written, so the broker's answer
     * to it, which can only be read after the write, is always held.
     */
    private void awaitPassage(Short requestApiKey) throws InterruptedException {
        synchronized (gate) {
            while (frozen && !closed) {
                gate.wait();
            }
            if (requestApiKey != null && freezeAfter != null && freezeAfter.id == requestApiKey) {
                freezeAfter = null;
                frozen = true;
                freezes++;
            }
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Closing either way.
        }
    }

    @Override
    public void close() {
        closed = true;
        synchronized (gate) {
            gate.notifyAll();
        }
        try {
            server.close();
        } catch (IOException e) {
            // Closing either way.
        }
        sockets.forEach(KafkaProxy::closeQuietly);
        sockets.clear();
    }

    @FunctionalInterface
    private interface IoTask {
        void run() throws IOException, InterruptedException;
    }
}
