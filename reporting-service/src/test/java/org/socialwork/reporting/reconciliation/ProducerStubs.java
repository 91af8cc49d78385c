package org.socialwork.reporting.reconciliation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Stand-ins for the three producers' {@code GET /api/v1/admin/source-totals}: a JDK HTTP server on a
 * free loopback port, one path per producer, whose answers a test sets (the JSON of the producers'
 * own {@code SourceTotals} record). Every test of the module gets the server (the reconciliation's
 * URLs point at it); a producer without an answer answers empty totals.
 */
public class ProducerStubs implements QuarkusTestResourceLifecycleManager {

    /** What a stubbed producer does. */
    record Answer(int status, String body, boolean down) {
    }

    /** What a stubbed producer was asked. */
    record Request(String authorization, String query) {
    }

    private static final Map<Producer, Answer> ANSWERS = new ConcurrentHashMap<>();
    private static final Map<Producer, Request> LAST = new ConcurrentHashMap<>();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Producer producer : Producer.values()) {
            server.createContext("/" + producer.name().toLowerCase(), exchange -> handle(producer, exchange));
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
        return Map.of("reporting.reconciliation.stations-url", base + "stations",
                "reporting.reconciliation.personnel-url", base + "personnel",
                "reporting.reconciliation.projects-url", base + "projects");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** {@code producer} answers {@code json} with 200. */
    static void answer(Producer producer, String json) {
        ANSWERS.put(producer, new Answer(200, json, false));
    }

    /** {@code producer} drops every connection without an answer, as a crashed service does. */
    static void down(Producer producer) {
        ANSWERS.put(producer, new Answer(0, null, true));
    }

    static Request last(Producer producer) {
        return LAST.get(producer);
    }

    static void reset() {
        ANSWERS.clear();
        LAST.clear();
    }

    private static void handle(Producer producer, HttpExchange exchange) throws IOException {
        LAST.put(producer, new Request(exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestURI().getRawQuery()));
        Answer answer = ANSWERS.getOrDefault(producer, new Answer(200,
                "{\"source\": \"" + producer.service() + "\", \"region\": null, \"period\": null, "
                        + "\"asOf\": \"2026-01-01T00:00:00Z\", \"totals\": []}", false));
        if (answer.down()) {
            // The JDK server closes the connection of an exchange whose handler fails, without a response.
            throw new IOException("producer stub is down");
        }
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
