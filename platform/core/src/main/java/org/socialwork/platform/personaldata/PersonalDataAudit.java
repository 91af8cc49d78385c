package org.socialwork.platform.personaldata;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.socialwork.platform.security.CallerScope;
import org.socialwork.platform.time.BusinessClock;

/**
 * The audit trail of unmasked reads of personal data, in the service's own schema
 * ({@code personal_data_access}): who read whose which fields, when, for what stated purpose.
 * Written in the reading transaction, so a read that fails leaves no trace and a read that
 * succeeds always does.
 */
@ApplicationScoped
public class PersonalDataAudit {

    @Inject
    EntityManager em;

    @Inject
    CallerScope caller;

    @Inject
    BusinessClock clock;

    @Transactional
    public void unmaskedRead(String subjectType, UUID subjectId, List<String> fields, String purpose) {
        em.createNativeQuery("""
                insert into personal_data_access (id, read_at, actor, actor_roles, actor_region, subject_type, subject_id,
                                                  fields, purpose)
                values (?1, ?9, ?2, ?3, ?4, ?5, ?6, ?7, ?8)""")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, caller.subject())
                .setParameter(3, String.join(",", caller.roles().stream().sorted().toList()))
                .setParameter(4, caller.region().orElse(null))
                .setParameter(5, subjectType)
                .setParameter(6, subjectId)
                .setParameter(7, String.join(",", fields))
                .setParameter(8, purpose)
                .setParameter(9, clock.now())
                .executeUpdate();
    }
}
