package org.socialwork.stations.agency;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CreditCodeTest {

    @Test
    void acceptsCodesWhoseCheckCharacterMatches() {
        // Published codes of real organisations.
        assertThat(CreditCode.isValid("91350100M000100Y43")).isTrue();
        assertThat(CreditCode.isValid("52330481MJ88357102")).isTrue();
    }

    @Test
    void refusesAWrongCheckCharacterLengthAlphabetOrDivision() {
        assertThat(CreditCode.isValid("91350100M000100Y44")).isFalse();
        assertThat(CreditCode.isValid("91350100M000100Y4")).isFalse();
        assertThat(CreditCode.isValid("91350100M000100YI3")).isFalse();
        assertThat(CreditCode.isValid("9135A100M000100Y43")).isFalse();
        assertThat(CreditCode.isValid(null)).isFalse();
    }

    @Test
    void aCheckValueOf31IsWrittenAsZero() {
        for (int i = 0; i < 31; i++) {
            String first17 = "5233048100000000" + CreditCode.CHARSET.charAt(i);
            char check = CreditCode.checkCharacter(first17);
            assertThat(CreditCode.isValid(first17 + check)).isTrue();
            assertThat(CreditCode.CHARSET.indexOf(check)).isBetween(0, 30);
        }
    }
}
