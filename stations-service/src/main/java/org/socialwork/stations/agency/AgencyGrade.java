package org.socialwork.stations.agency;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Assessment grade of a social organisation; written "1A" to "5A" as bureaus publish it. */
public enum AgencyGrade {
    A1("1A"), A2("2A"), A3("3A"), A4("4A"), A5("5A");

    private final String label;

    AgencyGrade(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    @JsonCreator
    public static AgencyGrade fromLabel(String label) {
        for (AgencyGrade grade : values()) {
            if (grade.label.equals(label)) {
                return grade;
            }
        }
        throw new IllegalArgumentException("unknown grade " + label);
    }
}
