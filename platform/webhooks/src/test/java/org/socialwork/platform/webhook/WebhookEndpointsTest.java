package org.socialwork.platform.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;

import org.junit.jupiter.api.Test;
import org.socialwork.platform.problem.ProblemException;

/** The endpoint rules of production (no http, no private addresses) and of a developer's machine. */
class WebhookEndpointsTest {

    private final WebhookEndpoints production = new WebhookEndpoints(false, false);
    private final WebhookEndpoints development = new WebhookEndpoints(true, true);

    @Test
    void productionTakesPublicHttpsAddresses() {
        assertThat(production.check("https://93.184.215.14/hooks?agency=1").getHost()).isEqualTo("93.184.215.14");
        assertThat(production.check("https://[2606:4700::1111]/hooks").getPath()).isEqualTo("/hooks");
    }

    @Test
    void productionRefusesHttpLoopbackPrivateAndReservedAddresses() {
        refused(production, "http://93.184.215.14/hooks", "webhook.url.https");
        refused(production, "https://127.0.0.1/hooks", "webhook.url.private");
        refused(production, "https://localhost:8443/hooks", "webhook.url.private");
        refused(production, "https://10.1.2.3/hooks", "webhook.url.private");
        refused(production, "https://192.168.0.10/hooks", "webhook.url.private");
        refused(production, "https://172.16.5.4/hooks", "webhook.url.private");
        refused(production, "https://169.254.169.254/latest/meta-data", "webhook.url.private");
        refused(production, "https://100.64.0.1/hooks", "webhook.url.private");
        refused(production, "https://[::1]/hooks", "webhook.url.private");
        refused(production, "https://[fd12:3456::1]/hooks", "webhook.url.private");
        refused(production, "https://0.0.0.0/hooks", "webhook.url.private");
    }

    @Test
    void malformedAddressesAreRefusedEverywhere() {
        for (WebhookEndpoints endpoints : new WebhookEndpoints[] {production, development}) {
            refused(endpoints, "hooks.example.org/path", "webhook.url.invalid");
            refused(endpoints, "https://user:pass@93.184.215.14/hooks", "webhook.url.invalid");
            refused(endpoints, "https://93.184.215.14/hooks#part", "webhook.url.invalid");
            refused(endpoints, "https:// spaced/hooks", "webhook.url.invalid");
            refused(endpoints, "ftp://93.184.215.14/hooks", "webhook.url.https");
            refused(endpoints, "https://93.184.215.14/" + "a".repeat(2100), "webhook.url.invalid");
        }
    }

    @Test
    void aDevelopersMachineTakesHttpOnLoopback() {
        assertThat(development.check("http://127.0.0.1:9999/hooks").getPort()).isEqualTo(9999);
        assertThat(development.refusal("127.0.0.1")).isNull();
    }

    @Test
    void publicAndNonPublicAddressesAreToldApart() throws Exception {
        assertThat(WebhookEndpoints.isPublic(InetAddress.getByName("8.8.8.8"))).isTrue();
        assertThat(WebhookEndpoints.isPublic(InetAddress.getByName("100.128.0.1"))).isTrue();
        assertThat(WebhookEndpoints.isPublic(InetAddress.getByName("100.127.255.255"))).isFalse();
        assertThat(WebhookEndpoints.isPublic(InetAddress.getByName("224.0.0.1"))).isFalse();
        assertThat(WebhookEndpoints.isPublic(InetAddress.getByName("fe80::1"))).isFalse();
    }

    private static void refused(WebhookEndpoints endpoints, String url, String messageKey) {
        assertThatThrownBy(() -> endpoints.check(url)).as(url).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.messageKey()).isEqualTo(messageKey));
    }
}
