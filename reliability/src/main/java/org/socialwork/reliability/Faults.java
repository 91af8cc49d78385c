package org.socialwork.reliability;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fault schedule: kills of the service instances on one thread, broker and PostgreSQL restarts
 * and proxy freezes and drops on another, each spread evenly over the fault window. Every fault is
 * logged with its start, end and what it did.
 */
final class Faults {

    record Fault(Instant start, Instant end, String kind, String target, String detail) {
    }

    final Stack stack;
    final ConcurrentLinkedQueue<Fault> log = new ConcurrentLinkedQueue<>();
    final AtomicInteger restartsPending = new AtomicInteger();
    final ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
    volatile boolean watching = true;
    final java.util.Set<String> killing = java.util.concurrent.ConcurrentHashMap.newKeySet();

    Faults(Stack stack) {
        this.stack = stack;
    }

    /** Kills per instance, and the count of each infrastructure fault, for a run of this many minutes. */
    static int[] plan(int minutes) {
        int kills = Math.max(1, Math.min(5, minutes / 2));
        int restarts = Math.max(1, Math.min(3, minutes / 3));
        int proxy = minutes >= 10 ? 2 : 1;
        return new int[] {kills, restarts, proxy};
    }

    Thread killer(Duration window, int killsPerInstance) {
        List<Stack.Instance> order = new ArrayList<>();
        for (int i = 0; i < killsPerInstance; i++) {
            List<Stack.Instance> round = new ArrayList<>(stack.instances.values());
            Collections.shuffle(round);
            order.addAll(round);
        }
        long gap = window.toMillis() / order.size();
        Thread t = new Thread(() -> {
            for (Stack.Instance inst : order) {
                Api.sleep(gap);
                // the partner must serve meanwhile: a kill is of one instance, not of the service
                Stack.Instance partner = stack.of(inst.service).stream().filter(i -> i != inst).findFirst().orElseThrow();
                for (int i = 0; i < 240 && !partner.ready(); i++) {
                    Api.sleep(500);
                }
                kill(inst);
            }
        }, "faults-kill");
        t.start();
        return t;
    }

    private void kill(Stack.Instance inst) {
        Instant start = RunClock.instant();
        killing.add(inst.name);
        restartsPending.incrementAndGet();
        try {
            inst.kill();
            inst.start();
        } catch (Exception e) {
            problems.add("restart of " + inst.name + " failed: " + e);
        } finally {
            killing.remove(inst.name);
        }
        Thread waiter = new Thread(() -> {
            try {
                String detail = "ready after " + startUntilReady(inst) + " s";
                log.add(new Fault(start, RunClock.instant(), "kill -9", inst.name, detail));
            } finally {
                restartsPending.decrementAndGet();
            }
        }, "faults-ready-" + inst.name);
        waiter.start();
    }

    /** Waits for readiness; an instance that exits while starting (say, PostgreSQL is down) is started again. */
    String startUntilReady(Stack.Instance inst) {
        for (int attempt = 1; attempt <= 5; attempt++) {
            try {
                return String.format("%.1f", inst.awaitReady(Duration.ofMinutes(3)))
                        + (attempt > 1 ? " (start " + attempt + ")" : "");
            } catch (Exception e) {
                problems.add(RunClock.instant() + " " + inst.name + " did not become ready (" + e.getMessage() + "); started again");
                try {
                    inst.kill();
                    inst.start();
                } catch (Exception e2) {
                    problems.add("restart of " + inst.name + " failed: " + e2);
                }
            }
        }
        return "never";
    }

    Thread infrastructure(Duration window, int restarts, int proxyFaults) {
        List<String> order = new ArrayList<>();
        for (int i = 0; i < restarts; i++) {
            order.add("broker-restart");
            order.add("postgres-restart");
        }
        for (int i = 0; i < proxyFaults; i++) {
            order.addAll(List.of("postgres-freeze", "postgres-drop", "kafka-freeze", "kafka-drop"));
        }
        Collections.shuffle(order);
        long gap = window.toMillis() / order.size();
        Thread t = new Thread(() -> {
            for (String kind : order) {
                long began = System.nanoTime();
                run(kind);
                Api.sleep(Math.max(1000, gap - (System.nanoTime() - began) / 1_000_000));
            }
        }, "faults-infra");
        t.start();
        return t;
    }

    private void run(String kind) {
        Instant start = RunClock.instant();
        String detail;
        try {
            switch (kind) {
                case "broker-restart" -> {
                    stack.stopKafka();
                    long down = System.nanoTime();
                    stack.startKafka();
                    detail = String.format("down %.1f s (graceful stop, start on the same data)", (System.nanoTime() - down) / 1e9);
                }
                case "postgres-restart" -> {
                    stack.stopPostgres();
                    long down = System.nanoTime();
                    stack.startPostgres();
                    detail = String.format("down %.1f s (InfraCli stopped: pg_ctl stop -m fast; started again on the same data directory)",
                            (System.nanoTime() - down) / 1e9);
                }
                default -> {
                    FaultProxy proxy = kind.startsWith("postgres") ? stack.pgProxy : stack.kafkaProxy;
                    int seconds = 5 + ThreadLocalRandom.current().nextInt(26);
                    int conns = proxy.connections();
                    if (kind.endsWith("freeze")) {
                        proxy.freeze();
                        Api.sleep(seconds * 1000L);
                        proxy.thaw();
                    } else {
                        proxy.drop();
                        Api.sleep(seconds * 1000L);
                        proxy.restore();
                    }
                    detail = seconds + " s, " + conns + " connections open at the start";
                }
            }
        } catch (Exception e) {
            detail = "FAILED: " + e;
            problems.add(kind + " failed: " + e);
        }
        log.add(new Fault(start, RunClock.instant(), kind, kind.startsWith("kafka") || kind.startsWith("broker") ? "broker" : "postgres",
                detail));
    }

    /** Notices instances that died without being killed by the schedule, and starts them again. */
    Thread watchdog() {
        Thread t = new Thread(() -> {
            while (watching) {
                for (Stack.Instance inst : stack.instances.values()) {
                    Process p = inst.process;
                    if (p != null && !p.isAlive() && !killing.contains(inst.name) && restartsPending.get() == 0) {
                        problems.add(RunClock.instant() + " " + inst.name + " exited by itself (code " + p.exitValue() + "); started again");
                        log.add(new Fault(RunClock.instant(), RunClock.instant(), "unexpected exit", inst.name, "code " + p.exitValue()));
                        try {
                            inst.start();
                        } catch (Exception e) {
                            problems.add("restart of " + inst.name + " failed: " + e);
                        }
                    }
                }
                Api.sleep(2000);
            }
        }, "faults-watchdog");
        t.setDaemon(true);
        t.start();
        return t;
    }

    Map<String, Integer> counts() {
        Map<String, Integer> c = new TreeMap<>();
        for (Fault f : log) {
            c.merge(f.kind(), 1, Integer::sum);
        }
        return c;
    }

    Instant lastEnd() {
        return log.stream().map(Fault::end).max(Instant::compareTo).orElse(RunClock.instant());
    }
}
