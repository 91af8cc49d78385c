package org.socialwork.projects.client;

public enum ClientStatus {
    ACTIVE, CLOSED
}
