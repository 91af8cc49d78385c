package org.socialwork.reliability;

import java.time.Duration;
import java.util.Map;

/** The Markdown of a fault run: what ran, what was injected, and each figure beside its target. */
final class Report {

    private Report() {
    }

    static String faultRun(int minutes, int[] plan, Load load, Faults faults, Checker c, boolean converged, Duration convergence,
            Map<String, Integer> readBack, Map<String, long[]> topics, Map<String, Long> logs) {
        Journal j = load.journal;
        StringBuilder md = new StringBuilder();
        md.append("## Fault run of ").append(RunClock.instant().toString(), 0, 16).append(" UTC (`deploy/reliability/run.sh --minutes ")
                .append(minutes).append("`)\n\n");
        md.append("Host: ").append(Runtime.getRuntime().availableProcessors()).append(" cores. Two instances of each service; ")
                .append(load.journal.writes.get()).append(" acknowledged writes (").append(j.retriedWrites.get())
                .append(" needed more than one attempt; ").append(load.api.retries.get()).append(" retried attempts in all).\n\n");
        md.append("### Faults injected and survived\n\n| fault | count | planned |\n| --- | --- | --- |\n");
        Map<String, Integer> counts = faults.counts();
        String[][] planned = {{"kill -9", String.valueOf(plan[0] * 8) + " (" + plan[0] + " per instance)"},
            {"broker-restart", String.valueOf(plan[1])}, {"postgres-restart", String.valueOf(plan[1])},
            {"postgres-freeze", String.valueOf(plan[2])}, {"postgres-drop", String.valueOf(plan[2])},
            {"kafka-freeze", String.valueOf(plan[2])}, {"kafka-drop", String.valueOf(plan[2])}, {"unexpected exit", "0"}};
        for (String[] p : planned) {
            md.append("| ").append(p[0]).append(" | ").append(counts.getOrDefault(p[0], 0)).append(" | ").append(p[1]).append(" |\n");
        }
        Map<String, Integer> killsPer = new java.util.TreeMap<>();
        faults.log.stream().filter(f -> f.kind().equals("kill -9")).forEach(f -> killsPer.merge(f.target(), 1, Integer::sum));
        md.append("\nKills per instance: ").append(killsPer).append(".\n\n");

        md.append("### Checker\n\n| check | expected (journal) | found | lost | duplicated | unexpected | other | target |\n")
                .append("| --- | --- | --- | --- | --- | --- | --- | --- |\n");
        row(md, "stations-service: stations of " + Load.COUNTY + " (list)", c.stations, "");
        row(md, "personnel-service: workers of the test agency (list)", c.workers, "");
        row(md, "projects-service: service records (list; other = minutes differ)", c.records, "");
        md.append("| reporting service-output ").append(load.day).append(": records | ").append(j.records.size()).append(" | ")
                .append(c.dashRecords).append(" | ").append(Math.max(0, j.records.size() - c.dashRecords)).append(" | ")
                .append(Math.max(0, c.dashRecords - j.records.size())).append(" | | | equal |\n");
        md.append("| reporting service-output: service hours | ").append(String.format("%.2f", j.recordMinutes() / 60.0))
                .append(" | ").append(c.dashHours).append(" | | | | ").append(c.minutesMatch() ? "equal" : "DIFFERENT")
                .append(" | equal |\n");
        md.append("| reporting network: stations | ").append(j.stations.size()).append(" | ").append(c.dashStations).append(" | ")
                .append(Math.max(0, j.stations.size() - c.dashStations)).append(" | ").append(Math.max(0, c.dashStations - j.stations.size()))
                .append(" | | | equal |\n");
        md.append("| reporting workforce: assigned workers | ").append(j.assignedWorkers.size()).append(" | ").append(c.dashWorkers)
                .append(" | ").append(Math.max(0, j.assignedWorkers.size() - c.dashWorkers)).append(" | ")
                .append(Math.max(0, c.dashWorkers - j.assignedWorkers.size())).append(" | | | equal |\n");
        md.append("\nGET by id of every acknowledged write, not found: ").append(readBack).append(" (target: all 0).\n\n");
        md.append("Converged: **").append(converged ? "yes" : "NO").append("**");
        if (convergence != null) {
            md.append(", ").append(convergence.toMillis() / 1000.0).append(" s after the last fault ended (the load had stopped; "
                    + "includes the writes still in retry)");
        }
        md.append(". Reconciliation endpoint: ").append(c.reconciliation.replace("\n", " ")).append(".\n\n");
        md.append("Writes: ").append(j.corrections.get() + j.correctionsAckedByRead.get()).append(" corrections with If-Match (")
                .append(j.correctionsAckedByRead.get()).append(" acknowledged by a read after a lost answer); given up: ")
                .append(j.givenUp.size()).append("; refused (4xx, or REFUSED items): ").append(j.refused.size())
                .append("; anomalies: ").append(j.anomalies.size()).append(".\n\n");
        for (String s : j.refused.stream().limit(10).toList()) {
            md.append("- refused: ").append(trim(s)).append('\n');
        }
        for (String s : j.givenUp.stream().limit(10).toList()) {
            md.append("- given up: ").append(trim(s)).append('\n');
        }
        for (String s : j.anomalies.stream().limit(10).toList()) {
            md.append("- anomaly: ").append(trim(s)).append('\n');
        }
        md.append("\n### Topics: DLQ entries and duplicate deliveries\n\n")
                .append("| topic | partitions | messages | distinct event ids | duplicates offered to consumers |\n| --- | --- | --- | --- | --- |\n");
        long dlq = 0;
        for (Map.Entry<String, long[]> e : topics.entrySet()) {
            long[] v = e.getValue();
            if (e.getKey().endsWith(".dlq")) {
                dlq += v[0];
            }
            md.append("| ").append(e.getKey()).append(" | ").append(v[2]).append(" | ").append(v[0]).append(" | ").append(v[1])
                    .append(" | ").append(v[0] - v[1]).append(" |\n");
        }
        md.append("\nDLQ entries in all: **").append(dlq).append("** (target 0).\n\n");
        md.append("From the instances' logs: ").append(logs).append(".\n\n");
        if (!faults.problems.isEmpty()) {
            md.append("Orchestration notes:\n\n");
            faults.problems.stream().limit(30).forEach(p -> md.append("- ").append(trim(p)).append('\n'));
            md.append('\n');
        }
        md.append("<details><summary>Fault log</summary>\n\n| start | end | fault | target | detail |\n| --- | --- | --- | --- | --- |\n");
        faults.log.stream().sorted(java.util.Comparator.comparing(Faults.Fault::start)).forEach(f -> md.append("| ")
                .append(f.start().toString(), 11, 19).append(" | ").append(f.end().toString(), 11, 19).append(" | ").append(f.kind())
                .append(" | ").append(f.target()).append(" | ").append(f.detail()).append(" |\n"));
        md.append("\n</details>\n");
        return md.toString();
    }

    private static void row(StringBuilder md, String name, Checker.Tally t, String unused) {
        if (t == null) {
            md.append("| ").append(name).append(" | not checked | | | | | | |\n");
            return;
        }
        md.append("| ").append(name).append(" | ").append(t.expected()).append(" | ").append(t.present()).append(" | ")
                .append(t.lost()).append(" | ").append(t.duplicated()).append(" | ").append(t.unexpected()).append(" | ")
                .append(t.mismatched()).append(" | 0 lost, 0 duplicated, 0 unexpected |\n");
    }

    private static String trim(String s) {
        String one = s.replace("\n", " ").replace("|", "/");
        return one.length() > 400 ? one.substring(0, 400) + "…" : one;
    }
}
