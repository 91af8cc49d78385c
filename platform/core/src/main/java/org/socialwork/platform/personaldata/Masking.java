package org.socialwork.platform.personaldata;

/** How personal data is shown to callers without the personal-data permission. */
public final class Masking {

    private Masking() {
    }

    /** {@code 330481199001011234} → {@code 3304**********1234}. */
    public static String idNumber(String value) {
        if (value == null) {
            return null;
        }
        if (value.length() < 9) {
            return "*".repeat(value.length());
        }
        return value.substring(0, 4) + "*".repeat(value.length() - 8) + value.substring(value.length() - 4);
    }

    /** {@code 13812345678} → {@code 138****5678}; other formats keep only their last four digits. */
    public static String phone(String value) {
        if (value == null) {
            return null;
        }
        if (value.length() == 11) {
            return value.substring(0, 3) + "****" + value.substring(7);
        }
        return value.length() <= 4 ? "*".repeat(value.length())
                : "*".repeat(value.length() - 4) + value.substring(value.length() - 4);
    }

    /** A mainland mobile number, normalised to its 11 digits (a +86 or 0086 prefix is dropped); null when it is not one. */
    public static String normalizeMobile(String candidate) {
        if (candidate == null) {
            return null;
        }
        String digits = candidate.replaceAll("[\\s-]", "");
        if (digits.startsWith("+86")) {
            digits = digits.substring(3);
        } else if (digits.startsWith("0086")) {
            digits = digits.substring(4);
        }
        return digits.matches("1[3-9]\\d{9}") ? digits : null;
    }
}
