package org.socialwork.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Entry of deploy/reliability/run.sh:
 * <pre>
 *   Main REPO RUN_DIR --minutes N     the fault-injection run and its check (report in RUN_DIR/report.md)
 *   Main REPO RUN_DIR --lag           the write-to-dashboard lag probe (report in RUN_DIR/lag.md)
 * </pre>
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        Path repo = Path.of(args[0]).toAbsolutePath();
        Path runDir = Path.of(args[1]).toAbsolutePath();
        boolean lag = List.of(args).contains("--lag");
        int minutes = 10;
        for (int i = 2; i < args.length - 1; i++) {
            if (args[i].equals("--minutes")) {
                minutes = Integer.parseInt(args[i + 1]);
            }
        }
        Stack stack = new Stack(repo, runDir);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close));
        say("run directory " + runDir + "; PostgreSQL :" + Stack.PG_PORT + " via proxy :" + Stack.PG_PROXY_PORT + ", Kafka :"
                + Stack.KAFKA_PORT + " via proxy :" + Stack.KAFKA_PROXY_PORT + " (advertised), services 8181-8184 and 8281-8284");
        stack.prepare();
        Path divisions = runDir.resolve("divisions");
        Load.writeDivisions(divisions.resolve("test-county"));
        stack.configureServices(divisions);
        long t0 = System.nanoTime();
        stack.startPostgres();
        stack.startKafka();
        say("PostgreSQL and Kafka up; starting 8 service instances ...");
        stack.startAllServices();
        say(String.format("all 8 instances ready after %.0f s", (System.nanoTime() - t0) / 1e9));
        Api api = new Api();
        try (Journal journal = new Journal(runDir.resolve("journal.jsonl"))) {
            Load load = new Load(stack, api, journal);
            load.setUp(divisions.resolve("test-county"));
            say("fixture ready: region " + Load.COUNTY + ", agency " + load.agency + ", township stations " + load.townshipStations
                    + ", phone worker " + load.phoneWorker + ", records of " + load.day);
            if (lag) {
                new Lag(stack, load).run(runDir.resolve("lag.md"));
            } else {
                faultRun(stack, load, minutes, runDir);
            }
        }
        stack.close();
        System.exit(0);
    }

    static void say(String text) {
        System.out.println("[reliability " + RunClock.instant().toString().substring(11, 19) + "] " + text);
    }

    private static void faultRun(Stack stack, Load load, int minutes, Path runDir) throws Exception {
        int[] plan = Faults.plan(minutes);
        Duration run = Duration.ofMinutes(minutes);
        Duration window = run.minusSeconds(45);
        say("load for " + minutes + " min with faults over the first " + window.toSeconds() + " s: kill -9 " + plan[0]
                + "x per instance, " + plan[1] + " broker and " + plan[1] + " PostgreSQL restarts, " + plan[2]
                + "x each of DB/broker freeze and drop");
        Faults faults = new Faults(stack);
        faults.watchdog();
        List<Thread> users = new ArrayList<>();
        for (int vu = 0; vu < 4; vu++) {
            int n = vu;
            Thread t = new Thread(() -> load.virtualUser(n), "vu-" + vu);
            t.start();
            users.add(t);
        }
        Instant loadStart = RunClock.instant();
        Thread killer = faults.killer(window, plan[0]);
        Thread infra = faults.infrastructure(window, plan[1], plan[2]);
        Thread progress = new Thread(() -> {
            while (!load.stop) {
                Api.sleep(30_000);
                say("progress: " + load.journal.writes.get() + " writes acknowledged, " + load.journal.records.size()
                        + " records, " + load.api.retries.get() + " retried attempts; faults so far " + faults.counts());
            }
        });
        progress.setDaemon(true);
        progress.start();
        long endLoad = System.nanoTime() + run.toNanos();
        while (System.nanoTime() < endLoad) {
            Api.sleep(1000);
        }
        killer.join();
        infra.join();
        while (faults.restartsPending.get() > 0) {
            Api.sleep(500);
        }
        load.stop = true;
        // writes still being retried get two more minutes, then are given up (and reported)
        load.api.giveUpAtNanos = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        for (Thread t : users) {
            t.join();
        }
        Instant lastFault = faults.lastEnd();
        say("load stopped (" + Duration.between(loadStart, RunClock.instant()).toSeconds() + " s); last fault ended " + lastFault
                + "; checking until converged (at most 10 min) ...");
        Checker checker = new Checker(load);
        boolean converged = false;
        Instant convergedAt = null;
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (checker.converged()) {
                    converged = true;
                    convergedAt = RunClock.instant();
                    break;
                }
            } catch (RuntimeException e) {
                say("check pass failed: " + e.getMessage());
            }
            Api.sleep(2000);
        }
        faults.watching = false;
        Map<String, Integer> readBack = checker.readBack();
        Map<String, long[]> topics = checker.topics(stack.kafkaBootstrapDirect());
        Map<String, Long> logs = Checker.logCounts(runDir.resolve("logs"));
        String report = Report.faultRun(minutes, plan, load, faults, checker, converged,
                converged ? Duration.between(lastFault, convergedAt) : null, readBack, topics, logs);
        Files.writeString(runDir.resolve("report.md"), report);
        System.out.println(report);
        say("report written to " + runDir.resolve("report.md") + "; journal in " + runDir.resolve("journal.jsonl"));
    }
}
