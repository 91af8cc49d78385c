package org.socialwork.platform.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class ResidentIdNumberTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    @Test
    void derivesBirthDateGenderAndDivisionFromAValidNumber() {
        ResidentIdNumber number = ResidentIdNumber.parse("330481199001011236", TODAY).orElseThrow();
        assertThat(number.birthDate()).isEqualTo(LocalDate.of(1990, 1, 1));
        assertThat(number.gender()).isEqualTo(ResidentIdNumber.Gender.MALE);
        assertThat(number.divisionCode()).isEqualTo("330481");
        assertThat(ResidentIdNumber.parse("11010519491231002x", TODAY).orElseThrow().gender())
                .isEqualTo(ResidentIdNumber.Gender.FEMALE);
        assertThat(ResidentIdNumber.parse("440304200002294568", TODAY)).isPresent();
    }

    @Test
    void refusesWrongCheckDigitsImpossibleDatesAndWrongShapes() {
        assertThat(ResidentIdNumber.parse("330481199001011235", TODAY)).isEmpty();
        assertThat(ResidentIdNumber.parse("33048119900101123", TODAY)).isEmpty();
        assertThat(ResidentIdNumber.parse("33048119900101123A", TODAY)).isEmpty();
        assertThat(ResidentIdNumber.parse(null, TODAY)).isEmpty();
        assertThat(ResidentIdNumber.parse("440304200002294568", LocalDate.of(1999, 1, 1))).isEmpty();
        String feb30 = withCheckDigit("44030420000230456");
        assertThat(ResidentIdNumber.parse(feb30, TODAY)).isEmpty();
    }

    @Test
    void neverPrintsItselfInFull() {
        assertThat(ResidentIdNumber.parse("330481199001011236", TODAY).orElseThrow().toString())
                .isEqualTo("3304**********1236");
    }

    private static String withCheckDigit(String body) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }
}
