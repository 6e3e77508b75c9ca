package dev.junction.plugin.bigcommerce.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.ValidationReport;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Validates recorded requests against BigCommerce's official OpenAPI files under
 * {@code ${junction.shared.dir}/contracts/bigcommerce/}: v2 orders, v3 webhooks and v3 inventory.
 */
public final class ContractValidator {

    private final String storePath;
    private final Map<String, OpenApiInteractionValidator> validators;

    public ContractValidator(String storeHash) {
        this.storePath = "/stores/" + storeHash;
        this.validators = Map.of(
                "/v2/", validator("orders.v2.oas2.yml", storePath + "/v2"),
                "/v3/hooks", validator("webhooks.v3.yml", storePath + "/v3"),
                "/v3/inventory", validator("inventory.v3.yml", storePath + "/v3"));
    }

    private static OpenApiInteractionValidator validator(String file, String basePath) {
        Path spec = Path.of(System.getProperty("junction.shared.dir", "../../../shared"), "contracts", "bigcommerce", file);
        return OpenApiInteractionValidator.createForSpecificationUrl(spec.toUri().toString())
                .withBasePathOverride(basePath).build();
    }

    /** One line per problem ("GET /stores/abc/v2/orders: message"); empty when every request conforms. */
    public List<String> problems(List<RecordingProxy.Recorded> requests) {
        List<String> problems = new ArrayList<>();
        for (RecordingProxy.Recorded r : requests) {
            String rest = r.path().startsWith(storePath) ? r.path().substring(storePath.length()) : r.path();
            OpenApiInteractionValidator v = validators.entrySet().stream().filter(e -> rest.startsWith(e.getKey()))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            if (v == null) {
                problems.add(r.method() + " " + r.path() + ": no BigCommerce contract covers this path");
                continue;
            }
            ValidationReport report = v.validateRequest(toRequest(r));
            for (ValidationReport.Message m : report.getMessages()) {
                if (m.getLevel() == ValidationReport.Level.ERROR) {
                    problems.add(r.method() + " " + r.path() + "?" + r.query() + ": " + m.getKey() + " " + m.getMessage());
                }
            }
        }
        return problems;
    }

    private static Request toRequest(RecordingProxy.Recorded r) {
        SimpleRequest.Builder b = new SimpleRequest.Builder(r.method(), r.path());
        r.query().forEach(e -> b.withQueryParam(e.getKey(), e.getValue()));
        r.headers().forEach(e -> b.withHeader(e.getKey(), e.getValue()));
        if (!r.body().isEmpty()) {
            b.withBody(r.body());
        }
        return b.build();
    }
}
