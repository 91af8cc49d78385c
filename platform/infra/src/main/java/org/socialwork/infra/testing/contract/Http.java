package org.socialwork.infra.testing.contract;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A plain HTTP client for the contract suites: unlike REST Assured it adds nothing to a request,
 * so a request without Content-Type really has none.
 */
final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What was sent, for failure messages. */
    record Request(String method, String url, Map<String, String> headers, byte[] body, boolean expectContinue) {

        Request {
            headers = new LinkedHashMap<>(headers);
        }

        String describe() {
            String shown = body == null ? "" : body.length > 160
                    ? " body[" + body.length + " bytes]"
                    : " body " + new String(body, java.nio.charset.StandardCharsets.UTF_8);
            Map<String, String> visible = new LinkedHashMap<>(headers);
            visible.computeIfPresent("Authorization", (k, v) -> v.length() > 20 ? v.substring(0, 14) + "…" : v);
            return method + " " + url + " " + visible + shown;
        }
    }

    record Response(int status, String contentType, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                return null;
            }
        }
    }

    private Http() {
    }

    /**
     * Sends only the head of a request that announces a body of {@code declaredLength} bytes, and
     * reads the answer: a server that refuses the size from the headers answers without the body
     * ever being sent, which is what a 70 MB upload to a JSON endpoint must meet.
     */
    static Response sendHeadOnly(Request request, long declaredLength) {
        URI uri = URI.create(request.url());
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(30_000);
            StringBuilder head = new StringBuilder(request.method()).append(' ').append(uri.getRawPath())
                    .append(uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(uri.getHost()).append(':').append(uri.getPort()).append("\r\n")
                    .append("Content-Length: ").append(declaredLength).append("\r\n");
            request.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            head.append("\r\n");
            socket.getOutputStream().write(head.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            java.io.InputStream in = socket.getInputStream();
            String statusLine = line(in);
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            String contentType = "";
            long length = -1;
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                int colon = header.indexOf(':');
                String name = header.substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT);
                String value = header.substring(colon + 1).trim();
                if (name.equals("content-type")) {
                    contentType = value;
                } else if (name.equals("content-length")) {
                    length = Long.parseLong(value);
                }
            }
            byte[] body = length < 0 ? new byte[0] : in.readNBytes((int) length);
            return new Response(status, contentType, new String(body, java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return new Response(-1, "", "no answer to the head alone: " + e);
        }
    }

    private static String line(java.io.InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    static Response send(Request request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(request.url())).timeout(Duration.ofSeconds(60));
        request.headers().forEach(builder::header);
        HttpRequest.BodyPublisher body = request.body() == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(request.body());
        builder.method(request.method(), body);
        try {
            HttpResponse<String> response = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            return new Response(-1, "", "no answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
