package org.socialwork.stations.region;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.socialwork.platform.outbox.Outbox;
import org.socialwork.platform.time.BusinessClock;

import io.agroal.api.AgroalDataSource;

/**
 * Bulk upsert of the national division list. The rows are parsed and validated here, streamed
 * with COPY into a temporary staging table and merged into {@code region} by one set-based
 * statement that also writes the outbox rows of the changed divisions: the national list
 * (665k rows) must import within a minute, which row-by-row JPA cannot do.
 *
 * <p>Everything happens in one transaction, so a refused row changes nothing.
 */
@ApplicationScoped
public class RegionImporter {

    /** How often (in rows) the job's progress is written. */
    private static final int PROGRESS_EVERY = 20_000;

    /** Parameters: the instant of the import, the topic, the event type and the source of the outbox rows. */
    private static final String MERGE = """
            with clock as (
                select cast(? as timestamptz) as instant
            ), changed as (
                insert into region as r (code, name, level, parent_code, township_kind, version, updated_at)
                select code, name, level, parent_code, township_kind, 1, clock.instant from region_stage, clock
                on conflict (code) do update
                    set name = excluded.name, level = excluded.level, parent_code = excluded.parent_code,
                        township_kind = excluded.township_kind, version = r.version + 1, updated_at = excluded.updated_at
                    where (r.name, r.level, r.parent_code, r.township_kind)
                        is distinct from (excluded.name, excluded.level, excluded.parent_code, excluded.township_kind)
                returning r.code, r.name, r.level, r.parent_code, r.township_kind, r.valid_from, r.valid_to,
                    r.merged_into, r.version, (r.xmax = 0) as inserted
            ), events as (
                insert into outbox_event (id, topic, event_key, event_type, source, occurred_at, payload, next_attempt_at)
                select gen_random_uuid(), ?, code, ?, ?, clock.instant,
                    jsonb_build_object('code', code, 'name', name, 'level', level, 'parentCode', parent_code,
                        'townshipKind', township_kind, 'validFrom', valid_from, 'validTo', valid_to,
                        'mergedInto', merged_into, 'version', version),
                    clock.instant
                from changed, clock
            )
            select count(*) filter (where inserted), count(*) filter (where not inserted) from changed
            """;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Outbox outbox;

    @Inject
    BusinessClock clock;

    /** Counts of one successful import. */
    record Result(long rows, long inserted, long updated) {
        long unchanged() {
            return rows - inserted - updated;
        }
    }

    /** Total data rows of the files (lines minus headers), for the job's progress. */
    static long countRows(Map<DivisionFile, Path> files) {
        long rows = 0;
        for (Path file : files.values()) {
            long lines = 0;
            boolean pending = false;
            try (InputStream in = Files.newInputStream(file)) {
                byte[] buffer = new byte[1 << 16];
                for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                    for (int i = 0; i < n; i++) {
                        if (buffer[i] == '\n') {
                            lines++;
                            pending = false;
                        } else {
                            pending = true;
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            rows += Math.max(0, lines + (pending ? 1 : 0) - 1);
        }
        return rows;
    }

    /**
     * Imports {@code files} in one transaction.
     *
     * @throws RegionImportException for a refused row (naming file and line); nothing is changed
     */
    Result run(Map<DivisionFile, Path> files, LongConsumer progress) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("create temp table region_stage (code text, name text, level text,"
                            + " parent_code text, township_kind text) on commit drop");
                }
                long rows = stage(connection, files, progress);
                Result result;
                try {
                    result = merge(connection, rows);
                } catch (SQLException e) {
                    // 21000: ON CONFLICT met the same code twice in the staged rows
                    if ("21000".equals(e.getSQLState())) {
                        connection.rollback();
                        throw duplicate(files);
                    }
                    throw e;
                }
                connection.commit();
                return result;
            } catch (RuntimeException | SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private long stage(Connection connection, Map<DivisionFile, Path> files, LongConsumer progress) throws SQLException {
        PGConnection pg = connection.unwrap(PGConnection.class);
        PGCopyOutputStream copy = new PGCopyOutputStream(pg,
                "copy region_stage (code, name, level, parent_code, township_kind) from stdin", 1 << 16);
        long rows = 0;
        try (Writer out = new BufferedWriter(new OutputStreamWriter(copy, StandardCharsets.UTF_8), 1 << 16)) {
            for (DivisionFile kind : DivisionFile.values()) {
                Path file = files.get(kind);
                if (file != null) {
                    rows = stageFile(kind, file, out, rows, progress);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
            throw e;
        }
        progress.accept(rows);
        return rows;
    }

    private long stageFile(DivisionFile kind, Path file, Writer out, long rowsBefore, LongConsumer progress)
            throws IOException {
        long rows = rowsBefore;
        String level = kind.level.name();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            if (header == null) {
                return rows;
            }
            int lineNumber = 1;
            List<String> fields = new ArrayList<>(kind.columns);
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                parse(line, fields, kind, lineNumber);
                String code = fields.get(0);
                String name = fields.get(1).strip();
                validate(kind, lineNumber, fields, code, name);
                String parent = kind.columns > 2 ? fields.get(2) : null;
                String townshipKind = kind.level == RegionLevel.TOWNSHIP ? TownshipKind.fromName(name).name() : null;
                out.write(code);
                out.write('\t');
                writeEscaped(out, name);
                out.write('\t');
                out.write(level);
                out.write('\t');
                out.write(parent == null ? "\\N" : parent);
                out.write('\t');
                out.write(townshipKind == null ? "\\N" : townshipKind);
                out.write('\n');
                rows++;
                if (rows % PROGRESS_EVERY == 0) {
                    progress.accept(rows);
                }
            }
        }
        return rows;
    }

    /** Splits a CSV line: plain fields, or double-quoted fields with "" for a quote. */
    private static void parse(String line, List<String> fields, DivisionFile kind, int lineNumber) {
        fields.clear();
        int i = 0;
        int length = line.length();
        while (true) {
            if (i < length && line.charAt(i) == '"') {
                StringBuilder value = new StringBuilder();
                i++;
                while (true) {
                    if (i >= length) {
                        throw new RegionImportException("region.import.quote", kind.fileName(), lineNumber);
                    }
                    char c = line.charAt(i);
                    if (c == '"') {
                        if (i + 1 < length && line.charAt(i + 1) == '"') {
                            value.append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    value.append(c);
                    i++;
                }
                fields.add(value.toString());
                if (i < length && line.charAt(i) != ',') {
                    throw new RegionImportException("region.import.quote", kind.fileName(), lineNumber);
                }
            } else {
                int comma = line.indexOf(',', i);
                int end = comma < 0 ? length : comma;
                fields.add(line.substring(i, end).strip());
                i = end;
            }
            if (i >= length) {
                return;
            }
            i++;
        }
    }

    private static void validate(DivisionFile kind, int line, List<String> fields, String code, String name) {
        if (fields.size() != kind.columns) {
            throw new RegionImportException("region.import.columns", kind.fileName(), line, kind.columns, fields.size());
        }
        if (code.length() != kind.level.codeLength() || !digits(code)) {
            throw new RegionImportException("region.import.code", kind.fileName(), line, code, kind.level.codeLength());
        }
        if (name.isEmpty() || name.length() > 200) {
            throw new RegionImportException("region.import.name", kind.fileName(), line);
        }
        // every further column is the code of an ancestor (parent first), so it must prefix the code
        for (int i = 2; i < fields.size(); i++) {
            String ancestor = fields.get(i);
            RegionLevel ancestorLevel = RegionLevel.ofCode(ancestor);
            if (ancestorLevel == null || ancestorLevel.ordinal() >= kind.level.ordinal() || !digits(ancestor)
                    || !code.startsWith(ancestor) || (i == 2 && ancestorLevel != kind.parentLevel())) {
                throw new RegionImportException("region.import.parent", kind.fileName(), line, ancestor, code);
            }
        }
    }

    private static boolean digits(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** COPY text format: backslash, tab and line breaks must be escaped. */
    private static void writeEscaped(Writer out, String text) throws IOException {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.write("\\\\");
                case '\t' -> out.write("\\t");
                case '\n' -> out.write("\\n");
                case '\r' -> out.write("\\r");
                default -> out.write(c);
            }
        }
    }

    private Result merge(Connection connection, long rows) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(MERGE)) {
            // The relay sends the rows due by the business clock, so they must be stamped by it, not by the database.
            statement.setObject(1, clock.now());
            statement.setString(2, RegionChangedEvent.TOPIC);
            statement.setString(3, RegionChangedEvent.TYPE);
            statement.setString(4, outbox.source());
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return new Result(rows, result.getLong(1), result.getLong(2));
            }
        }
    }

    /** Finds the first repeated code (only after the merge refused one: the search reads the files again). */
    private static RegionImportException duplicate(Map<DivisionFile, Path> files) {
        for (DivisionFile kind : DivisionFile.values()) {
            Path file = files.get(kind);
            if (file == null) {
                continue;
            }
            java.util.Set<String> seen = new java.util.HashSet<>();
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                reader.readLine();
                int lineNumber = 1;
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    lineNumber++;
                    int comma = line.indexOf(',');
                    String code = (comma < 0 ? line : line.substring(0, comma)).strip();
                    if (!code.isEmpty() && !seen.add(code)) {
                        return new RegionImportException("region.import.duplicate", kind.fileName(), lineNumber, code);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new RegionImportException("region.import.duplicate", "?", 0, "?");
    }
}
