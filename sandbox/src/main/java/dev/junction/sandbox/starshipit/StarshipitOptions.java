package dev.junction.sandbox.starshipit;

import java.time.Duration;
import java.util.Set;

/**
 * Settings of the Starshipit simulator.
 *
 * @param apiKey            expected {@code StarShipIT-Api-Key}
 * @param subscriptionKey   expected {@code Ocp-Apim-Subscription-Key}
 * @param seed              seeds order ids, tracking numbers and label bytes
 * @param requestsPerSecond rate limit on {@code /api/**} (developer plans get 2/s); 0 turns it off
 * @param printAfter        the simulated merchant prints the label of each new order this long after it is
 *                          created; {@link Duration#ZERO} means only when told
 * @param webhookUrl        tracking webhook URL (set in Starshipit's UI; here also through the control API), or null
 * @param webhookSecret     when set, deliveries carry {@code X-Starshipit-Signature}, or null
 * @param invalidPostCodes  post codes the address validation rejects ("not found for country")
 */
public record StarshipitOptions(String apiKey, String subscriptionKey, long seed, int requestsPerSecond,
                                Duration printAfter, String webhookUrl, String webhookSecret, Set<String> invalidPostCodes) {

    public static final String DEFAULT_API_KEY = "ssit-sandbox-api-key";
    public static final String DEFAULT_SUBSCRIPTION_KEY = "ssit-sandbox-subscription-key";

    public StarshipitOptions {
        invalidPostCodes = Set.copyOf(invalidPostCodes);
    }

    public static StarshipitOptions defaults() {
        return new StarshipitOptions(DEFAULT_API_KEY, DEFAULT_SUBSCRIPTION_KEY, 42L, 2, Duration.ofSeconds(3),
                null, null, Set.of("0000"));
    }

    /** Defaults for tests: no rate limit and no automatic printing, so each test decides. */
    public static StarshipitOptions forTests() {
        return defaults().withRateLimit(0).withPrintAfter(Duration.ZERO);
    }

    public StarshipitOptions withRateLimit(int perSecond) {
        return new StarshipitOptions(apiKey, subscriptionKey, seed, perSecond, printAfter, webhookUrl, webhookSecret, invalidPostCodes);
    }

    public StarshipitOptions withPrintAfter(Duration d) {
        return new StarshipitOptions(apiKey, subscriptionKey, seed, requestsPerSecond, d, webhookUrl, webhookSecret, invalidPostCodes);
    }

    public StarshipitOptions withWebhook(String url, String secret) {
        return new StarshipitOptions(apiKey, subscriptionKey, seed, requestsPerSecond, printAfter, url, secret, invalidPostCodes);
    }
}
