package org.socialwork.infra.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP endpoint on loopback for webhook tests: it records every request it gets and answers
 * 500 to the first {@code failures} of them, then 204.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as received: the Standard Webhooks headers and the body. */
    public record Received(String id, String timestamp, String signature, String contentType, String body, int answer) {
    }

    private final HttpServer server;
    private final AtomicInteger failuresLeft;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    public WebhookReceiver(int failures) {
        failuresLeft = new AtomicInteger(failures);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hooks", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int answer = failuresLeft.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0 ? 500 : 204;
            var headers = exchange.getRequestHeaders();
            received.add(new Received(headers.getFirst("webhook-id"), headers.getFirst("webhook-timestamp"),
                    headers.getFirst("webhook-signature"), headers.getFirst("Content-Type"), body, answer));
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    /** From now on every request is answered 204. */
    public void recover() {
        failuresLeft.set(0);
    }

    /** Every request received, in order. */
    public List<Received> received() {
        return List.copyOf(received);
    }

    /** The requests that carried event {@code eventId} (webhook-id), in order. */
    public List<Received> of(String eventId) {
        List<Received> matching = new ArrayList<>();
        for (Received r : received) {
            if (eventId.equals(r.id())) {
                matching.add(r);
            }
        }
        return matching;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
