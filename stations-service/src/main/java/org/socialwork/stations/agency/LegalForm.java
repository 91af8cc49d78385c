package org.socialwork.stations.agency;

/** Legal form under which an agency is registered. */
public enum LegalForm {
    SOCIAL_SERVICE_ORGANIZATION, SOCIAL_GROUP, FOUNDATION, PUBLIC_INSTITUTION, ENTERPRISE, OTHER
}
