package org.socialwork.platform.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class WebhookFanOutTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void aPersonalDataFieldAnywhereInTheDataIsFound() throws Exception {
        assertThat(WebhookFanOut.personalField(mapper.readTree("{\"id\":\"s1\",\"agencyId\":\"a1\",\"name\":\"硖石街道社会工作站\"}")))
                .isNull();
        assertThat(WebhookFanOut.personalField(mapper.readTree("{\"id\":\"w1\",\"idNumber\":\"330481199001011234\"}")))
                .isEqualTo("idNumber");
        assertThat(WebhookFanOut.personalField(mapper.readTree("{\"team\":[{\"contact\":{\"phone\":\"13900000000\"}}]}")))
                .isEqualTo("phone");
    }
}
