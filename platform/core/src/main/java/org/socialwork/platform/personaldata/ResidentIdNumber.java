package org.socialwork.platform.personaldata;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * An 18-character resident identity number (GB 11643-1999): a 6-digit division code, the birth
 * date, a 3-digit sequence whose last digit is odd for men, and an ISO 7064 MOD 11-2 check
 * character. Never log or publish one: mask it ({@link Masking#idNumber}) or encrypt it.
 */
public record ResidentIdNumber(String value) {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    public enum Gender {
        MALE, FEMALE
    }

    /** Parses a candidate (a lower-case x is accepted); empty when it is not a valid number. */
    public static Optional<ResidentIdNumber> parse(String candidate, LocalDate today) {
        if (candidate == null) {
            return Optional.empty();
        }
        String value = candidate.strip().toUpperCase(Locale.ROOT);
        if (!value.matches("\\d{17}[\\dX]")) {
            return Optional.empty();
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (value.charAt(i) - '0') * WEIGHTS[i];
        }
        if (CHECK.charAt(sum % 11) != value.charAt(17)) {
            return Optional.empty();
        }
        ResidentIdNumber number = new ResidentIdNumber(value);
        try {
            LocalDate birth = number.birthDate();
            if (birth.isAfter(today) || birth.isBefore(LocalDate.of(1880, 1, 1))) {
                return Optional.empty();
            }
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        return Optional.of(number);
    }

    public LocalDate birthDate() {
        return LocalDate.of(Integer.parseInt(value.substring(6, 10)), Integer.parseInt(value.substring(10, 12)),
                Integer.parseInt(value.substring(12, 14)));
    }

    public Gender gender() {
        return (value.charAt(16) - '0') % 2 == 1 ? Gender.MALE : Gender.FEMALE;
    }

    /** The county-level division where the number was first issued. */
    public String divisionCode() {
        return value.substring(0, 6);
    }

    @Override
    public String toString() {
        return Masking.idNumber(value);
    }
}
