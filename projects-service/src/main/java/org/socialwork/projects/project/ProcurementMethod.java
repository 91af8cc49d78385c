package org.socialwork.projects.project;

public enum ProcurementMethod {
    PUBLIC_TENDER, INVITED_TENDER, COMPETITIVE_NEGOTIATION, COMPETITIVE_CONSULTATION, SINGLE_SOURCE
}
