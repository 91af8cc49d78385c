package org.socialwork.reporting.readmodel;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.socialwork.reporting.support.Jdbc;

/** Which generation of the read models serves queries, and which ones live events must reach. */
@ApplicationScoped
public class Generations {

    @Inject
    Jdbc jdbc;

    /** The generation dashboards read. */
    @Transactional
    public int active() {
        return jdbc.one("select gen from model_generation where state = 'ACTIVE'", rs -> rs.getInt(1));
    }

    /**
     * The active generation and the one being rebuilt, if any: a live event goes to both, so the
     * rebuilt generation misses nothing that arrives while it replays the topics.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Integer> writable() {
        return jdbc.query("select gen from model_generation where state in ('ACTIVE', 'BUILDING') for share",
                rs -> rs.getInt(1));
    }
}
