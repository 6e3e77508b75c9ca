package dev.junction.plugin.brightpearl.client;

import dev.junction.api.error.PermanentException;
import dev.junction.api.error.RetryableException;
import dev.junction.api.error.ThrottledException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

class BpEnvelopeTest {
    private static final Envelope.AuthAdvice AUTH = remote -> "refused: " + remote;

    private static Object parse(int status, String body) {
        return Envelope.parse(status, body, "GET /order-service/order/5", AUTH, Optional.of(Duration.ofMillis(811)));
    }

    @Test
    void successReturnsTheResponseValue() {
        assertThat(parse(200, "{\"response\":121}")).isEqualTo(121);
        assertThat(parse(200, "{}")).isEqualTo(new JsonObject());
        assertThat(parse(200, "{\"response\":[]}")).isEqualTo(new JsonArray()); // unknown order: empty list, not 404
    }

    @Test
    void errorsKeepTheRemoteCodeAndMessage() {
        Throwable e = catchThrowable(() -> parse(400,
                "{\"errors\":[{\"code\":\"ORDC-022\",\"message\":\"Suppllier ID Required.\"}]}"));
        assertThat(e).isInstanceOf(BrightpearlPermanentException.class).hasMessageContaining("ORDC-022 Suppllier ID Required.");
        assertThat(((BrightpearlFailure) e).errors()).containsExactly(new BrightpearlError("ORDC-022", "Suppllier ID Required.", 400));
    }

    @Test
    void unauthorisedTextInResponseBecomesTheAuthModesAdvice() {
        assertThatThrownBy(() -> parse(401, "{\"response\":\"Authorization token expired\"}"))
                .isInstanceOf(PermanentException.class).hasMessage("refused: Authorization token expired");
    }

    @Test
    void tokenEchoedByBrightpearlIsRedacted() {
        assertThatThrownBy(() -> parse(401, "{\"response\":\"Invalid instance token: 5f3c9a1b-22aa-4c1d\"}"))
                .hasMessageNotContaining("5f3c9a1b").hasMessageContaining("token: ***");
    }

    @Test
    void badFilterAndPatchOpServerErrorsArePermanent() {
        assertThatThrownBy(() -> parse(500, "{\"errors\":[{\"code\":\"CMNC-018\",\"message\":\"The filter orderStatusId=BAD PARAM cannot be parsed as: INTEGER\"}]}"))
                .isInstanceOf(PermanentException.class).hasMessageContaining("orderStatusId=BAD PARAM");
        assertThatThrownBy(() -> parse(500, "{\"errors\":[{\"code\":\"CMNC-044\",\"message\":\"Invalid patch operation (add) for given path (/reference)\"}]}"))
                .isInstanceOf(PermanentException.class);
    }

    @Test
    void otherServerErrorsAreRetryable() {
        assertThat(catchThrowable(() -> parse(500, "{\"errors\":[{\"code\":\"CMNU-003\",\"message\":\"oops\"}]}")))
                .isInstanceOf(RetryableException.class).isNotInstanceOf(ThrottledException.class);
    }

    @Test
    void a503SayingTooManyRequestsIsThrottlingAnyOther503AnOutage() {
        Throwable throttled = catchThrowable(() -> parse(503,
                "{\"response\":\"You have sent too many requests. Please wait before sending another request\"}"));
        assertThat(throttled).isInstanceOf(ThrottledException.class);
        assertThat(((ThrottledException) throttled).retryAfter()).contains(Duration.ofMillis(811));

        Throwable outage = catchThrowable(() -> parse(503, "{\"response\":\"Service unavailable\"}"));
        assertThat(outage).isInstanceOf(RetryableException.class).isNotInstanceOf(ThrottledException.class)
                .hasMessageContaining("unavailable");
    }

    @Test
    void notFoundIsPermanentWithItsStatus() {
        Throwable e = catchThrowable(() -> parse(404, "{\"errors\":[{\"code\":\"CMNC-404\",\"message\":\"No Contact Found\"}]}"));
        assertThat(((BrightpearlFailure) e).status()).isEqualTo(404);
        assertThat(((BrightpearlFailure) e).hasCode("CMNC-404")).isTrue();
    }

    @Test
    void ratePolicyReadsTheRemainingBudgetAndResetHint() {
        var budget = BrightpearlRatePolicy.budget("37", "59138").orElseThrow();
        assertThat(budget.remaining()).isEqualTo(37);
        assertThat(budget.resetIn()).isEqualTo(Duration.ofMillis(59138));
        assertThat(BrightpearlRatePolicy.budget(null, "1000")).isEmpty();
        assertThat(new BrightpearlRatePolicy().capacity()).isEqualTo(200);
        assertThat(new BrightpearlRatePolicy().window()).isEqualTo(Duration.ofSeconds(60));
    }
}
