package dev.junction.sandbox.bigcommerce;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.whitelist.ValidationErrorsWhitelist;
import com.atlassian.oai.validator.whitelist.rule.WhitelistRules;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates simulator interactions against BigCommerce's official OpenAPI files in
 * {@code <junction.shared.dir>/contracts/bigcommerce/}. Only the messages listed in {@link #resolver()}
 * are ignored, each for a documented quirk of the official files.
 */
final class Contracts {
    static final String ORDERS = "orders.v2.oas2.yml";
    static final String HOOKS = "webhooks.v3.yml";
    static final String INVENTORY = "inventory.v3.yml";
    static final String PRODUCTS = "products_catalog.v3.yml";
    static final String VARIANTS = "product-variants_catalog.v3.yml";
    static final String CUSTOMERS = "customers.v3.yml";

    private static final Map<String, OpenApiInteractionValidator> VALIDATORS = new ConcurrentHashMap<>();

    private Contracts() {
    }

    static Path dir() {
        String shared = System.getProperty("junction.shared.dir");
        Path base = shared == null || shared.isBlank() ? Path.of("../../shared") : Path.of(shared);
        Path dir = base.resolve("contracts/bigcommerce").normalize();
        if (!Files.isDirectory(dir)) throw new IllegalStateException("BigCommerce contracts not found in " + dir.toAbsolutePath());
        return dir;
    }

    private static OpenApiInteractionValidator validator(String spec) {
        return VALIDATORS.computeIfAbsent(spec, s -> OpenApiInteractionValidator.createFor(load(s))
                // The files' server is https://api.bigcommerce.com/stores/{store_hash}/v2 (or /v3).
                .withBasePathOverride("/stores/" + BcSandbox.HASH + (s.equals(ORDERS) ? "/v2" : "/v3"))
                .withLevelResolver(resolver())
                .withWhitelist(whitelist())
                .build());
    }

    /**
     * Loads a file as the validator itself would with {@code withResolveCombinators(true)}, then undoes one
     * artifact of that merge. Merging allOf parts is needed: the files compose orders, hooks and products with
     * allOf, and the validator treats undeclared properties as errors, so unmerged each part would reject the
     * other parts' fields. But the merge stamps {@code type: object} on a {@code oneOf} nested in a merged
     * part, which makes {@code line_items} of shipping and pickup consignments ({@code oneOf} two array
     * schemas) unsatisfiable by any array. The library strips such stamps itself, but only from component
     * schemas, not from the inlined response schemas it validates against. {@link #unstampArrayChoices}
     * removes the stamp where every branch is an array, and nothing else.
     */
    static io.swagger.v3.oas.models.OpenAPI load(String spec) {
        io.swagger.v3.parser.core.models.ParseOptions options = new io.swagger.v3.parser.core.models.ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        options.setResolveCombinators(true);
        io.swagger.v3.oas.models.OpenAPI api = new com.atlassian.oai.validator.util.OpenApiLoader().loadApi(
                OpenApiInteractionValidator.SpecSource.specUrl(dir().resolve(spec).toUri().toString()), List.of(), options);
        java.util.Set<Object> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        if (api.getPaths() != null) {
            api.getPaths().values().forEach(path -> path.readOperations().forEach(op -> {
                if (op.getParameters() != null) op.getParameters().forEach(p -> unstampArrayChoices(p.getSchema(), seen));
                if (op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
                    op.getRequestBody().getContent().values().forEach(m -> unstampArrayChoices(m.getSchema(), seen));
                }
                if (op.getResponses() != null) {
                    op.getResponses().values().forEach(r -> {
                        if (r.getContent() != null) r.getContent().values().forEach(m -> unstampArrayChoices(m.getSchema(), seen));
                    });
                }
            }));
        }
        if (api.getComponents() != null && api.getComponents().getSchemas() != null) {
            api.getComponents().getSchemas().values().forEach(schema -> unstampArrayChoices(schema, seen));
        }
        return api;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void unstampArrayChoices(io.swagger.v3.oas.models.media.Schema schema, java.util.Set<Object> seen) {
        if (schema == null || !seen.add(schema)) return;
        for (List<io.swagger.v3.oas.models.media.Schema> choices : java.util.Arrays.asList(schema.getOneOf(), schema.getAnyOf())) {
            if (choices != null && !choices.isEmpty() && "object".equals(schema.getType())
                    && choices.stream().allMatch(c -> c != null && ("array".equals(c.getType()) || c.getItems() != null))) {
                schema.setType(null);
            }
        }
        if (schema.getProperties() != null) ((java.util.Map<String, io.swagger.v3.oas.models.media.Schema>) schema.getProperties())
                .values().forEach(p -> unstampArrayChoices(p, seen));
        unstampArrayChoices(schema.getItems(), seen);
        if (schema.getAdditionalProperties() instanceof io.swagger.v3.oas.models.media.Schema extra) unstampArrayChoices(extra, seen);
        for (List<io.swagger.v3.oas.models.media.Schema> parts : java.util.Arrays.asList(schema.getAllOf(), schema.getOneOf(), schema.getAnyOf())) {
            if (parts != null) parts.forEach(p -> unstampArrayChoices(p, seen));
        }
    }

    /**
     * One message key is ignored, and only on the request side (it cannot hide a fault in a simulator
     * response): {@code validation.request.parameter.schema.enum}. The orders file documents
     * {@code sort=date_created:desc} ("add :asc or :desc to the end") but declares the parameter as an enum
     * of bare field names, so every documented direction suffix fails the enum. Everything else stays at
     * the library's default level (ERROR).
     */
    static LevelResolver resolver() {
        return LevelResolver.create()
                .withLevel("validation.request.parameter.schema.enum", ValidationReport.Level.IGNORE)
                .build();
    }

    /**
     * Two fields real BigCommerce returns that the official response schemas omit, accepted only when the
     * message names exactly that one field, on responses of that one path (rules match the spec's path
     * template, e.g. {@code /orders/{order_id}}):
     * <ul>
     * <li>{@code custom_status} on v2 orders: present in live responses and in BigCommerce's own order
     * examples (see the API notes), missing from {@code order_Resp};</li>
     * <li>{@code variants} on catalog products: returned for the documented {@code include=variants}, but
     * {@code product_Full} does not declare it (only {@code product_Base_POST} does).</li>
     * </ul>
     */
    static ValidationErrorsWhitelist whitelist() {
        return ValidationErrorsWhitelist.create()
                .withRule("custom_status is a live v2 order field missing from order_Resp", WhitelistRules.allOf(
                        WhitelistRules.isResponse(), WhitelistRules.pathContainsRegexp("^/orders(/\\{order_id\\})?$"),
                        WhitelistRules.messageHasKey("validation.response.body.schema.additionalProperties"),
                        WhitelistRules.messageContainsSubstring("not allowed by the schema: [\"custom_status\"]")))
                .withRule("include=variants embeds variants that product_Full does not declare", WhitelistRules.allOf(
                        WhitelistRules.isResponse(), WhitelistRules.pathContainsRegexp("^/catalog/products(/\\{product_id\\})?$"),
                        WhitelistRules.messageHasKey("validation.response.body.schema.additionalProperties"),
                        WhitelistRules.messageContainsSubstring("not allowed by the schema: [\"variants\"]")));
    }

    /**
     * Validates one interaction.
     *
     * @param pathAndQuery the request path relative to {@code /stores/{hash}}, e.g. {@code /v2/orders?limit=5}
     * @return the error messages, empty when the interaction matches the contract
     */
    static List<String> check(String spec, HttpMethod method, String pathAndQuery, String requestBody,
                              HttpResponse<Buffer> response) {
        String[] parts = pathAndQuery.split("\\?", 2);
        SimpleRequest.Builder req = new SimpleRequest.Builder(Request.Method.valueOf(method.name()),
                "/stores/" + BcSandbox.HASH + parts[0])
                .withHeader("X-Auth-Token", BcSandbox.TOKEN).withHeader("Accept", "application/json")
                .withContentType("application/json");
        if (requestBody != null) req.withBody(requestBody);
        if (parts.length > 1) {
            for (String pair : parts[1].split("&")) {
                String[] kv = pair.split("=", 2);
                req.withQueryParam(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        String body = response.body() == null || response.body().length() == 0 ? null : response.bodyAsString();
        return check(spec, req.build(), response.statusCode(), response.getHeader("Content-Type"), body);
    }

    /** Validates a request against a given response status, content type and body. */
    static List<String> check(String spec, SimpleRequest request, int status, String contentType, String body) {
        SimpleResponse.Builder res = SimpleResponse.Builder.status(status);
        if (contentType != null) res.withContentType(contentType);
        if (body != null) res.withBody(body);
        ValidationReport report = validator(spec).validate(request, res.build());
        return report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(Contracts::describe).toList();
    }

    private static String describe(ValidationReport.Message m) {
        StringBuilder sb = new StringBuilder(m.getKey()).append(": ").append(m.getMessage());
        for (String nested : m.getNestedMessages().stream().map(Contracts::describe).toList()) {
            sb.append(" {").append(nested).append("}");
        }
        return sb.toString();
    }
}
