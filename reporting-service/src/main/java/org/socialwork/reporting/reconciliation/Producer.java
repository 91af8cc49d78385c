package org.socialwork.reporting.reconciliation;

/** The services whose source totals the reconciliation reads. */
public enum Producer {
    STATIONS("stations-service", false),
    PERSONNEL("personnel-service", false),
    PROJECTS("projects-service", true);

    final String service;
    /** Whether its totals are of a period (service records) rather than of the current state. */
    final boolean periodic;

    Producer(String service, boolean periodic) {
        this.service = service;
        this.periodic = periodic;
    }

    public String service() {
        return service;
    }
}
