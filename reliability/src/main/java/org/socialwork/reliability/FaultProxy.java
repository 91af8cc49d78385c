package org.socialwork.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback TCP proxy, one thread per direction of each connection, that can be told to freeze
 * (keep every socket open and forward nothing, so that clients see a hung peer, not an error) or to
 * drop (close every connection and the listening socket, so that new connections are refused).
 * Thread-per-connection is enough: eight service instances hold a few dozen connections.
 */
final class FaultProxy implements AutoCloseable {

    private final String name;
    private final int listenPort;
    private final int targetPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Object gate = new Object();
    private volatile boolean frozen;
    private volatile ServerSocket server;
    private volatile boolean closed;

    FaultProxy(String name, int listenPort, int targetPort) {
        this.name = name;
        this.listenPort = listenPort;
        this.targetPort = targetPort;
    }

    String name() {
        return name;
    }

    synchronized void start() throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), listenPort), 200);
        server = s;
        Thread acceptor = new Thread(() -> accept(s), "proxy-" + name + "-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Stops forwarding in both directions; sockets stay open and new ones are accepted but held. */
    void freeze() {
        frozen = true;
    }

    void thaw() {
        synchronized (gate) {
            frozen = false;
            gate.notifyAll();
        }
    }

    /** Closes every proxied connection and the listener: new connections are refused until {@link #restore()}. */
    synchronized void drop() throws IOException {
        ServerSocket s = server;
        server = null;
        if (s != null) {
            s.close();
        }
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        open.clear();
    }

    synchronized void restore() throws IOException {
        if (server == null && !closed) {
            start();
        }
    }

    int connections() {
        return open.size() / 2;
    }

    private void accept(ServerSocket s) {
        while (!s.isClosed()) {
            Socket client;
            try {
                client = s.accept();
            } catch (IOException e) {
                return;
            }
            Thread t = new Thread(() -> connect(client), "proxy-" + name + "-conn");
            t.setDaemon(true);
            t.start();
        }
    }

    private void connect(Socket client) {
        open.add(client);
        awaitThaw();
        Socket backend = new Socket();
        try {
            client.setTcpNoDelay(true);
            backend.setTcpNoDelay(true);
            backend.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 5000);
        } catch (IOException e) {
            closeQuietly(client);
            closeQuietly(backend);
            open.remove(client);
            return;
        }
        open.add(backend);
        Thread up = new Thread(() -> pump(client, backend), "proxy-" + name + "-up");
        up.setDaemon(true);
        up.start();
        pump(backend, client);
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16384];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                awaitThaw();
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side closed or was dropped: close the other so the peer sees it too
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private void awaitThaw() {
        synchronized (gate) {
            while (frozen && !closed) {
                try {
                    gate.wait(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        thaw();
        drop();
    }
}
