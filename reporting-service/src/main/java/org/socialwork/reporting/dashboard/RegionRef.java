package org.socialwork.reporting.dashboard;

/** A division as dashboards name it. */
public record RegionRef(String code, String name, String level) {

    /** Code length of the next level down, or 0 for a village. */
    public int childLength() {
        return switch (code.length()) {
            case 2 -> 4;
            case 4 -> 6;
            case 6 -> 9;
            case 9 -> 12;
            default -> 0;
        };
    }
}
