package org.socialwork.platform.sql;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.PersistenceException;

import org.hibernate.exception.ConstraintViolationException;
import org.socialwork.platform.problem.ProblemType;
import org.socialwork.platform.problem.Problems;
import org.socialwork.platform.web.Cursor;

/** Persistence helpers every service needs: constraint names, change-feed cursors. */
public final class Persistence {

    private Persistence() {
    }

    /** Whether {@code e} is the violation of the named unique index or constraint. */
    public static boolean violates(PersistenceException e, String constraint) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException c && c.getConstraintName() != null
                    && c.getConstraintName().contains(constraint)) {
                return true;
            }
        }
        return false;
    }

    /** The cursor of a change feed after the row updated at {@code updatedAt} with {@code id}. */
    public static Cursor changeFeedCursor(OffsetDateTime updatedAt, UUID id) {
        return Cursor.of(updatedAt.toString(), id.toString());
    }

    /** The time key of an (updatedAt, id) keyset cursor. */
    public static OffsetDateTime cursorTime(Cursor cursor) {
        try {
            return OffsetDateTime.parse(cursor.key(0));
        } catch (RuntimeException e) {
            throw Problems.of(ProblemType.INVALID_CURSOR, "problem.invalid-cursor.detail");
        }
    }

    /** The id key of an (updatedAt, id) keyset cursor. */
    public static UUID cursorId(Cursor cursor) {
        return cursor.uuid(1);
    }
}
