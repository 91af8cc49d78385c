package org.socialwork.platform.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The build check of the business clock: main code of every module reads the time only through
 * {@link BusinessClock} (or a {@link java.time.Clock} it hands out), and no SQL decides a date or an
 * instant with the database's own clock. A new {@code LocalDate.now()} anywhere fails the build.
 */
class BusinessClockRuleTest {

    /** {@code X.now(...)} of a java.time type; allowed only with a clock argument. */
    private static final Pattern JAVA_NOW = Pattern.compile(
            "\\b(?:LocalDate|LocalDateTime|LocalTime|OffsetDateTime|OffsetTime|ZonedDateTime|Instant|YearMonth|Year|MonthDay)"
                    + "\\s*\\.\\s*now\\s*\\(((?:[^()]|\\([^()]*\\))*)\\)");
    private static final Pattern SYSTEM_CLOCK = Pattern.compile(
            "\\bClock\\s*\\.\\s*system(?:UTC|DefaultZone)?\\s*\\(|\\bSystem\\s*\\.\\s*currentTimeMillis\\s*\\(|\\bnew\\s+(?:java\\.util\\.)?Date\\s*\\(\\s*\\)");
    /** The database's clock in SQL text. */
    private static final Pattern SQL_CLOCK = Pattern.compile(
            "(?i)\\b(?:now\\s*\\(\\s*\\)|current_date|current_timestamp|current_time|localtimestamp|localtime"
                    + "|clock_timestamp\\s*\\(|statement_timestamp\\s*\\(|transaction_timestamp\\s*\\(|timeofday\\s*\\()");
    /** In migrations a column default of {@code now()} stamps a technical instant; a date never. */
    private static final Pattern MIGRATION_DATE = Pattern.compile(
            "(?i)\\b(?:current_date|localtimestamp|localtime|current_time\\b|now\\s*\\(\\s*\\)\\s*::\\s*date)");

    @Test
    void mainCodeReadsTheTimeOnlyThroughTheBusinessClock() {
        List<String> offences = new ArrayList<>();
        for (Path file : mainJavaFiles()) {
            String code = stripComments(read(file));
            boolean isTheClock = file.endsWith(Path.of("org/socialwork/platform/time/BusinessClock.java"));
            Matcher now = JAVA_NOW.matcher(code);
            while (now.find()) {
                if (!now.group(1).toLowerCase().contains("clock")) {
                    offences.add(where(file, code, now.start()) + ": " + now.group());
                }
            }
            Matcher system = SYSTEM_CLOCK.matcher(code);
            while (system.find()) {
                if (!isTheClock) {
                    offences.add(where(file, code, system.start()) + ": " + system.group());
                }
            }
            for (Literal literal : stringLiterals(code)) {
                Matcher sql = SQL_CLOCK.matcher(literal.text());
                while (sql.find()) {
                    offences.add(where(file, code, literal.start()) + ": SQL " + sql.group());
                }
            }
        }
        assertThat(offences).as("calls of the machine's or the database's clock in main code").isEmpty();
    }

    @Test
    void noMigrationDecidesADateWithTheDatabasesClock() {
        List<String> offences = new ArrayList<>();
        for (Path file : files("src/main/resources/db", ".sql")) {
            String sql = read(file).replaceAll("--[^\n]*", "");
            Matcher m = MIGRATION_DATE.matcher(sql);
            while (m.find()) {
                offences.add(where(file, sql, m.start()) + ": " + m.group());
            }
        }
        assertThat(offences).isEmpty();
    }

    @Test
    void theCheckSeesEveryServiceAndCatchesWhatItLooksFor() {
        List<Path> files = mainJavaFiles();
        for (String module : List.of("platform/core", "stations-service", "personnel-service", "projects-service",
                "reporting-service")) {
            assertThat(files).as(module).anyMatch(f -> f.startsWith(repositoryRoot().resolve(module)));
        }
        assertThat(JAVA_NOW.matcher("LocalDate.now()").find()).isTrue();
        Matcher zoned = JAVA_NOW.matcher("YearMonth.now(ZoneId.of(\"Asia/Shanghai\"))");
        assertThat(zoned.find() && !zoned.group(1).toLowerCase().contains("clock")).isTrue();
        Matcher clocked = JAVA_NOW.matcher("LocalDate.now(clock)");
        assertThat(clocked.find() && clocked.group(1).contains("clock")).isTrue();
        assertThat(SQL_CLOCK.matcher("where due_on < current_date").find()).isTrue();
        assertThat(SQL_CLOCK.matcher("values (?, NOW())").find()).isTrue();
        assertThat(SQL_CLOCK.matcher("where due_on < :today").find()).isFalse();
        assertThat(stringLiterals(stripComments("a(\"x\"); // now()\nb(\"\"\"\n  select now()\n  \"\"\");")))
                .extracting(Literal::text).containsExactly("x", "\n  select now()\n  ");
    }

    /**
     * The product's main code. platform/infra is left out: it is the tooling of the tests and of the
     * local stack (brokers, databases, tokens), never deployed, and what it stamps must be the
     * machine's time (a token's expiry is checked against the real clock, not the business one).
     */
    private static List<Path> mainJavaFiles() {
        // Tooling that drives a live stack runs on the wall clock the stack runs on, never on a pinned one:
        // the test support and the fault suite (which reads it in one place, RunClock).
        List<Path> tooling = List.of(repositoryRoot().resolve("platform/infra"), repositoryRoot().resolve("reliability"));
        return files("src/main/java", ".java").stream().filter(f -> tooling.stream().noneMatch(f::startsWith)).toList();
    }

    private static List<Path> files(String under, String suffix) {
        Path root = repositoryRoot();
        try (Stream<Path> modules = Stream.concat(Files.list(root), Files.list(root.resolve("platform")))) {
            List<Path> found = new ArrayList<>();
            for (Path module : modules.filter(Files::isDirectory).toList()) {
                Path dir = module.resolve(under);
                if (!Files.isDirectory(dir)) {
                    continue;
                }
                try (Stream<Path> walk = Files.walk(dir)) {
                    walk.filter(p -> p.toString().endsWith(suffix)).forEach(found::add);
                }
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("platform/core")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("not inside the repository: " + Path.of("").toAbsolutePath());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String where(Path file, String text, int offset) {
        long line = text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
        return repositoryRoot().relativize(file) + ":" + line;
    }

    private record Literal(int start, String text) {
    }

    /** Replaces comments by blanks of the same length (newlines kept), leaving string literals alone. */
    static String stripComments(String code) {
        StringBuilder out = new StringBuilder(code);
        int i = 0;
        while (i < code.length()) {
            if (code.startsWith("\"\"\"", i)) {
                int end = code.indexOf("\"\"\"", i + 3);
                i = end < 0 ? code.length() : end + 3;
            } else if (code.charAt(i) == '"' || code.charAt(i) == '\'') {
                i = endOfQuoted(code, i) + 1;
            } else if (code.startsWith("//", i)) {
                int end = code.indexOf('\n', i);
                end = end < 0 ? code.length() : end;
                blank(out, i, end);
                i = end;
            } else if (code.startsWith("/*", i)) {
                int end = code.indexOf("*/", i + 2);
                end = end < 0 ? code.length() : end + 2;
                blank(out, i, end);
                i = end;
            } else {
                i++;
            }
        }
        return out.toString();
    }

    static List<Literal> stringLiterals(String code) {
        List<Literal> literals = new ArrayList<>();
        int i = 0;
        while (i < code.length()) {
            if (code.startsWith("\"\"\"", i)) {
                int end = code.indexOf("\"\"\"", i + 3);
                end = end < 0 ? code.length() : end;
                int bodyStart = code.indexOf('\n', i) + 1;
                literals.add(new Literal(i, code.substring(bodyStart - 1, end)));
                i = end + 3;
            } else if (code.charAt(i) == '"') {
                int end = endOfQuoted(code, i);
                literals.add(new Literal(i, code.substring(i + 1, Math.min(end, code.length()))));
                i = end + 1;
            } else if (code.charAt(i) == '\'') {
                i = endOfQuoted(code, i) + 1;
            } else {
                i++;
            }
        }
        return literals;
    }

    private static int endOfQuoted(String code, int open) {
        char quote = code.charAt(open);
        int i = open + 1;
        while (i < code.length() && code.charAt(i) != quote && code.charAt(i) != '\n') {
            i += code.charAt(i) == '\\' ? 2 : 1;
        }
        return i;
    }

    private static void blank(StringBuilder out, int from, int to) {
        for (int k = from; k < to; k++) {
            if (out.charAt(k) != '\n') {
                out.setCharAt(k, ' ');
            }
        }
    }
}
