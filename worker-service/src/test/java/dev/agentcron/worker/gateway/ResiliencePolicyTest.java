package dev.agentcron.worker.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

class ResiliencePolicyTest {

    private final MutableClock clock = new MutableClock();
    private final ResiliencePolicy policy =
            new ResiliencePolicy(TestGatewayConfig.streaming("http://127.0.0.1:1/v1"), clock);

    @Test
    void retriesRetryableFailuresThenMovesOn() {
        GatewayCallException unavailable = http(503, null);
        assertThat(policy.onFailure("m", unavailable, 1).retrySameModel()).isTrue();
        assertThat(policy.onFailure("m", unavailable, 2).retrySameModel()).isTrue();
        assertThat(policy.onFailure("m", unavailable, 3).retrySameModel()).isFalse();
    }

    @Test
    void aClientErrorIsNotRetriedButTimeoutsAndConflictsAre() {
        assertThat(policy.onFailure("a", http(400, null), 1).retrySameModel()).isFalse();
        assertThat(policy.onFailure("b", http(401, null), 1).retrySameModel()).isFalse();
        assertThat(policy.onFailure("c", http(408, null), 1).retrySameModel()).isTrue();
        assertThat(policy.onFailure("d", http(409, null), 1).retrySameModel()).isTrue();
        assertThat(policy.onFailure("e", GatewayCallException.of(GatewayCallException.Kind.IDLE_TIMEOUT, "idle"), 1)
                        .retrySameModel())
                .isTrue();
    }

    @Test
    void retryAfterIsHonouredUnlessLongerThanTheConfiguredMaximum() {
        ResiliencePolicy.Decision wait = policy.onFailure("m", http(429, Duration.ofSeconds(7)), 1);
        assertThat(wait.retrySameModel()).isTrue();
        assertThat(wait.delay()).isEqualTo(Duration.ofSeconds(7));

        ResiliencePolicy.Decision tooLong = policy.onFailure("n", http(429, Duration.ofSeconds(120)), 1);
        assertThat(tooLong.retrySameModel()).isFalse();
    }

    @Test
    void backoffIsFullJitterUnderAnExponentialCeiling() {
        for (int i = 0; i < 200; i++) {
            assertThat(policy.backoff(1)).isBetween(Duration.ZERO, Duration.ofMillis(100));
            assertThat(policy.backoff(3)).isBetween(Duration.ZERO, Duration.ofMillis(400));
            assertThat(policy.backoff(30)).isBetween(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    @Test
    void theCircuitOpensAfterTheThresholdAndLetsOneTrialThroughAfterItsOpenTime() {
        for (int i = 1; i <= 3; i++) {
            assertThat(policy.tryAcquire("m")).isTrue();
            policy.onFailure("m", http(500, null), i);
        }
        assertThat(policy.isOpen("m")).isTrue();
        assertThat(policy.tryAcquire("m")).isFalse();

        clock.advance(Duration.ofSeconds(31));
        assertThat(policy.tryAcquire("m")).isTrue();
        assertThat(policy.tryAcquire("m")).as("only one trial while half-open").isFalse();
        policy.onFailure("m", http(500, null), 1);
        assertThat(policy.isOpen("m")).isTrue();

        clock.advance(Duration.ofSeconds(31));
        assertThat(policy.tryAcquire("m")).isTrue();
        policy.onSuccess("m");
        assertThat(policy.isOpen("m")).isFalse();
        assertThat(policy.tryAcquire("m")).isTrue();
    }

    @Test
    void retryAfterIsReadAsSecondsOrAsAnHttpDate() {
        assertThat(GatewayClient.retryAfter("3")).isEqualTo(Duration.ofSeconds(3));
        assertThat(GatewayClient.retryAfter("soon")).isNull();
        String inTenSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(10));
        assertThat(GatewayClient.retryAfter(inTenSeconds)).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(10));
    }

    private static GatewayCallException http(int status, Duration retryAfter) {
        return new GatewayCallException(GatewayCallException.Kind.HTTP_STATUS, status, retryAfter, "HTTP " + status, 0);
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-07T09:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
