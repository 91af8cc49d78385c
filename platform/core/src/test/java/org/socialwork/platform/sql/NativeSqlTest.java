package org.socialwork.platform.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.socialwork.platform.problem.ProblemException;
import org.socialwork.platform.problem.ProblemType;
import org.socialwork.platform.web.Cursor;

class NativeSqlTest {

    @Test
    void aSubtreeIsAKeyRangeWithBoundValuesNeverConcatenated() {
        NativeSql sql = new NativeSql().append("select * from station s where ")
                .appendInSubtree("", "s.region_code", "region", "3304");
        assertThat(sql.sql()).isEqualTo("select * from station s where (s.region_code >= :region and s.region_code < :regionEnd)")
                .doesNotContain("3304");
        // Every code of the subtree sorts inside [3304, 3304:) and the neighbours outside it.
        List<String> inside = List.of("3304", "330401", "330481001", "330499999999");
        List<String> outside = List.of("3303", "330", "3305", "33");
        String end = NativeSql.subtreeEnd("3304");
        inside.forEach(code -> assertThat(code.compareTo("3304") >= 0 && code.compareTo(end) < 0).as(code).isTrue());
        outside.forEach(code -> assertThat(code.compareTo("3304") >= 0 && code.compareTo(end) < 0).as(code).isFalse());
    }

    @Test
    void aChangeFeedPageContinuesAfterItsCursorInUpdateOrder() {
        OffsetDateTime at = OffsetDateTime.parse("2026-11-24T08:00:00.123456Z");
        UUID id = UUID.randomUUID();
        Cursor cursor = Cursor.decode(Persistence.changeFeedCursor(at, id).encode(), 2);
        String sql = new NativeSql().append("select a.* from agency a where true")
                .appendChangeFeedPage("a", cursor, 51).sql();
        assertThat(sql).isEqualTo("select a.* from agency a where true and (a.updated_at, a.id) > (:cursorAt, :cursorId)"
                + " order by a.updated_at, a.id limit :limit");
        assertThat(Persistence.cursorTime(cursor)).isEqualTo(at);
        assertThat(Persistence.cursorId(cursor)).isEqualTo(id);
        assertThat(new NativeSql().appendChangeFeedPage("a", null, 51).sql()).isEqualTo(" order by a.updated_at, a.id limit :limit");
    }

    @Test
    void aForgedCursorIsAnInvalidCursorProblem() {
        assertThatThrownBy(() -> Persistence.cursorTime(Cursor.of("yesterday", UUID.randomUUID().toString())))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.type()).isEqualTo(ProblemType.INVALID_CURSOR));
    }
}
