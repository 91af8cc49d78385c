package org.socialwork.projects.client;

public enum RiskLevel {
    NORMAL, KEY, HIGH_RISK
}
