package org.socialwork.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * A small HTTP load generator for deploy/bench/api.sh.
 *
 * <p>Open loop ({@code --rate R}): request {@code i} is due at {@code start + i/R} whatever happened
 * to the earlier ones, and its latency is counted from that due time, not from when it was sent, so
 * a server that falls behind shows it in the percentiles instead of silently lowering the offered
 * rate (coordinated omission). Closed loop ({@code --clients N}): N clients each send the next request
 * when the previous one has answered, which is what a pool of phones or browsers retrying does.
 *
 * <p>Requests are made from templates: {@code {id}} becomes a random line of {@code --ids}, each
 * {@code {uuid}} a fresh UUID, each {@code {line}} the next line of {@code --lines} (round robin).
 * Prints one line of {@code key=value} pairs: offered and achieved req/s, p50/p90/p99/max in ms (all
 * answers and, separately, 2xx only), counts per status, time-outs, I/O errors, refusals (429/503)
 * without Retry-After or without a problem+json body, and requests the generator could not send
 * because too many were outstanding.
 */
public final class Load {

    private final String method;
    private final String url;
    private final String body;
    private final List<String> headers;
    private final List<String> ids;
    private final List<String> lines;
    private final Duration timeout;
    private final HttpClient client;
    private final AtomicLong lineCursor = new AtomicLong();

    private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
    private final LongAdder timeouts = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder unsent = new LongAdder();
    private final LongAdder refusalsWithoutRetryAfter = new LongAdder();
    private final LongAdder refusalsWithoutProblem = new LongAdder();
    private final Latencies all = new Latencies();
    private final Latencies admitted = new Latencies();
    private volatile boolean recording;

    private Load(Map<String, List<String>> args) throws IOException {
        method = one(args, "method", "GET");
        url = one(args, "url", null);
        String bodyFile = one(args, "body-file", null);
        body = bodyFile != null ? Files.readString(Path.of(bodyFile)) : one(args, "body", null);
        List<String> given = new ArrayList<>(args.getOrDefault("header", List.of()));
        String bearer = one(args, "bearer", null);
        if (bearer != null) {
            given.add("Authorization: Bearer " + bearer);
        }
        headers = List.copyOf(given);
        ids = readLines(one(args, "ids", null));
        lines = readLines(one(args, "lines", null));
        timeout = duration(one(args, "timeout", "5s"));
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                .executor(Executors.newFixedThreadPool(4, daemon())).build();
    }

    public static void main(String[] argv) throws Exception {
        Map<String, List<String>> args = parse(argv);
        if (one(args, "url", null) == null) {
            System.err.println("""
                    usage: Load --url URL [--method GET|POST] [--header 'Name: value']... [--bearer TOKEN] [--body TEXT | --body-file FILE]
                                [--ids FILE] [--lines FILE] (--rate REQ_PER_S | --clients N)
                                [--duration 10s] [--warmup 5s] [--timeout 5s] [--max-outstanding 2048]""");
            System.exit(2);
        }
        Load load = new Load(args);
        Duration warmup = duration(one(args, "warmup", "5s"));
        Duration measure = duration(one(args, "duration", "10s"));
        String rate = one(args, "rate", null);
        String clients = one(args, "clients", null);
        double offered;
        if (rate != null) {
            offered = Double.parseDouble(rate);
            load.open(offered, warmup, measure, Integer.parseInt(one(args, "max-outstanding", "2048")));
        } else {
            int n = Integer.parseInt(clients == null ? "16" : clients);
            load.closed(n, warmup, measure);
            offered = Double.NaN;
        }
        System.out.println(load.report(offered, measure, rate != null ? "open" : "closed", clients));
        System.exit(0);
    }

    private void open(double rate, Duration warmup, Duration measure, int maxOutstanding) throws InterruptedException {
        Semaphore outstanding = new Semaphore(maxOutstanding);
        long interval = (long) (1_000_000_000L / rate);
        long start = System.nanoTime();
        long recordFrom = start + warmup.toNanos();
        long end = recordFrom + measure.toNanos();
        List<CompletableFuture<?>> inFlight = new ArrayList<>();
        for (long i = 0;; i++) {
            long due = start + i * interval;
            if (due >= end) {
                break;
            }
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            boolean record = due >= recordFrom;
            if (record && !recording) {
                recording = true;
            }
            if (!outstanding.tryAcquire()) {
                if (record) {
                    unsent.increment();
                }
                continue;
            }
            CompletableFuture<?> f = send(due, record).whenComplete((r, e) -> outstanding.release());
            if (record) {
                inFlight.add(f);
            }
        }
        for (CompletableFuture<?> f : inFlight) {
            try {
                f.get(timeout.toMillis() * 2 + 1000, TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                // Counted by send's own handler: a late answer is a time-out, a failure an error.
            }
        }
    }

    private void closed(int n, Duration warmup, Duration measure) throws InterruptedException {
        long start = System.nanoTime();
        long recordFrom = start + warmup.toNanos();
        long end = recordFrom + measure.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(n, daemon());
        for (int c = 0; c < n; c++) {
            pool.execute(() -> {
                while (true) {
                    long due = System.nanoTime();
                    if (due >= end) {
                        return;
                    }
                    try {
                        send(due, due >= recordFrom).get();
                    } catch (Exception e) {
                        return;
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(measure.plus(warmup).toSeconds() + timeout.toSeconds() * 2 + 10, TimeUnit.SECONDS);
    }

    private CompletableFuture<Void> send(long due, boolean record) {
        HttpRequest request = request();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, failure) -> {
            long latency = System.nanoTime() - due;
            if (!record) {
                return null;
            }
            if (failure != null) {
                Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                if (cause instanceof HttpTimeoutException) {
                    timeouts.increment();
                } else {
                    errors.increment();
                }
                return null;
            }
            int status = response.statusCode();
            statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
            all.add(latency);
            if (status >= 200 && status < 300) {
                admitted.add(latency);
            }
            if (status == 429 || status == 503) {
                if (response.headers().firstValue("Retry-After").isEmpty()) {
                    refusalsWithoutRetryAfter.increment();
                }
                if (!response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
                    refusalsWithoutProblem.increment();
                }
            }
            return null;
        });
    }

    private HttpRequest request() {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(fill(url))).timeout(timeout);
        for (String header : headers) {
            int colon = header.indexOf(':');
            builder.header(header.substring(0, colon).strip(), fill(header.substring(colon + 1).strip()));
        }
        if (body != null) {
            builder.header("Content-Type", "application/json");
            builder.method(method, HttpRequest.BodyPublishers.ofString(fill(body), StandardCharsets.UTF_8));
        } else {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return builder.build();
    }

    private String fill(String template) {
        if (template.indexOf('{') < 0) {
            return template;
        }
        StringBuilder out = new StringBuilder(template.length() + 64);
        int at = 0;
        while (true) {
            int open = template.indexOf('{', at);
            if (open < 0) {
                return out.append(template, at, template.length()).toString();
            }
            int close = template.indexOf('}', open);
            String name = close < 0 ? "" : template.substring(open + 1, close);
            String value = switch (name) {
                case "uuid" -> UUID.randomUUID().toString();
                case "id" -> ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
                case "line" -> lines.get((int) (lineCursor.getAndIncrement() % lines.size()));
                default -> null;
            };
            if (value == null) {
                out.append(template, at, open + 1);
                at = open + 1;
            } else {
                out.append(template, at, open).append(value);
                at = close + 1;
            }
        }
    }

    private String report(double offered, Duration measure, String mode, String clients) {
        double seconds = measure.toNanos() / 1e9;
        long answered = statuses.values().stream().mapToLong(LongAdder::sum).sum();
        long ok = admitted.count();
        StringBuilder line = new StringBuilder();
        line.append("mode=").append(mode);
        if (clients != null) {
            line.append(" clients=").append(clients);
        }
        line.append(" offered=").append(Double.isNaN(offered) ? "-" : fmt(offered));
        line.append(" achieved=").append(fmt(answered / seconds));
        line.append(" ok_per_s=").append(fmt(ok / seconds));
        line.append(" answered=").append(answered);
        all.append(line, "");
        admitted.append(line, "ok_");
        Map<Integer, Long> sorted = new TreeMap<>();
        statuses.forEach((s, n) -> sorted.put(s, n.sum()));
        sorted.forEach((s, n) -> line.append(" status_").append(s).append('=').append(n));
        line.append(" timeouts=").append(timeouts.sum());
        line.append(" errors=").append(errors.sum());
        line.append(" unsent=").append(unsent.sum());
        line.append(" refused_without_retry_after=").append(refusalsWithoutRetryAfter.sum());
        line.append(" refused_without_problem=").append(refusalsWithoutProblem.sum());
        return line.toString();
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.1f", v);
    }

    /** Latencies in nanoseconds, kept whole: a run of a few minutes is at most some millions of longs. */
    private static final class Latencies {
        private long[] values = new long[1 << 16];
        private int size;

        synchronized void add(long nanos) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = nanos;
        }

        synchronized long count() {
            return size;
        }

        synchronized void append(StringBuilder line, String prefix) {
            long[] sorted = Arrays.copyOf(values, size);
            Arrays.sort(sorted);
            for (String p : new String[] {"50", "90", "99"}) {
                line.append(' ').append(prefix).append('p').append(p).append('=').append(ms(sorted, Integer.parseInt(p)));
            }
            line.append(' ').append(prefix).append("max=").append(sorted.length == 0 ? "-" : fmt(sorted[sorted.length - 1] / 1e6));
        }

        /** Nearest rank. */
        private static String ms(long[] sorted, int percentile) {
            if (sorted.length == 0) {
                return "-";
            }
            int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
            return fmt(sorted[Math.max(0, rank - 1)] / 1e6);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        return r -> {
            Thread t = new Thread(r, "load");
            t.setDaemon(true);
            return t;
        };
    }

    private static List<String> readLines(String file) throws IOException {
        if (file == null) {
            return List.of();
        }
        return Files.readAllLines(Path.of(file)).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static Duration duration(String text) {
        String t = text.strip();
        if (t.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
        }
        if (t.endsWith("m")) {
            return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
        }
        return Duration.ofSeconds(Long.parseLong(t.endsWith("s") ? t.substring(0, t.length() - 1) : t));
    }

    private static String one(Map<String, List<String>> args, String name, String fallback) {
        List<String> values = args.get(name);
        return values == null || values.isEmpty() ? fallback : values.get(values.size() - 1);
    }

    private static Map<String, List<String>> parse(String[] argv) {
        Map<String, List<String>> args = new TreeMap<>();
        for (int i = 0; i < argv.length; i++) {
            if (!argv[i].startsWith("--") || i + 1 >= argv.length) {
                throw new IllegalArgumentException("expected --name value at " + argv[i]);
            }
            args.computeIfAbsent(argv[i].substring(2), k -> new ArrayList<>()).add(argv[++i]);
        }
        return args;
    }
}
