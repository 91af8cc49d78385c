package org.socialwork.platform.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void masksAsBureausPrintThem() {
        assertThat(Masking.idNumber("330481199001011236")).isEqualTo("3304**********1236");
        assertThat(Masking.phone("13812345678")).isEqualTo("138****5678");
        assertThat(Masking.phone("057387654321")).isEqualTo("********4321");
        assertThat(Masking.idNumber(null)).isNull();
    }

    @Test
    void normalisesMainlandMobilesOnly() {
        assertThat(Masking.normalizeMobile("+86 138-1234-5678")).isEqualTo("13812345678");
        assertThat(Masking.normalizeMobile("008613812345678")).isEqualTo("13812345678");
        assertThat(Masking.normalizeMobile("12812345678")).isNull();
        assertThat(Masking.normalizeMobile("0573-87654321")).isNull();
    }
}
