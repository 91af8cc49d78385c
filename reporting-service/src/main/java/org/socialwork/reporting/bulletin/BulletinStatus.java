package org.socialwork.reporting.bulletin;

/** A bulletin is edited as a draft and frozen when issued. */
public enum BulletinStatus {
    DRAFT, ISSUED
}
