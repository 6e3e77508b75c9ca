package dev.junction.api;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigSchemaTest {
    final ConfigSchema schema = ConfigSchema.of(
            ConfigField.required("baseUrl", ConfigField.Type.URL, "API base URL"),
            ConfigField.secret("token", "API token from Settings > API"),
            ConfigField.optional("pageSize", ConfigField.Type.INTEGER, "page size", "200"),
            ConfigField.choice("authMode", "how to sign in", "private-app", "private-app", "staff"));

    @Test
    void validSettingsHaveNoProblems() {
        assertThat(schema.validate(new JsonObject().put("baseUrl", "https://x.example").put("token", "abc"))).isEmpty();
    }

    @Test
    void everyProblemNamesTheFieldAndNeverEchoesASecret() {
        var problems = schema.validate(new JsonObject().put("baseUrl", "ftp:nope").put("pageSize", "many")
                .put("authMode", "oauth2").put("tokn", "x"));
        assertThat(problems).anyMatch(p -> p.startsWith("'token' is required"))
                .anyMatch(p -> p.contains("'baseUrl' must be an http(s) URL"))
                .anyMatch(p -> p.contains("'pageSize' must be a whole number"))
                .anyMatch(p -> p.contains("'authMode' must be one of [private-app, staff]"))
                .anyMatch(p -> p.contains("'tokn' is not a setting"));
        var secretProblem = ConfigSchema.of(new ConfigField("pin", ConfigField.Type.INTEGER, true, true, "pin", null, null))
                .validate(new JsonObject().put("pin", "hunter2"));
        assertThat(secretProblem).singleElement().asString().contains("***").doesNotContain("hunter2");
    }

    @Test
    void jsonSchemaMarksSecretsWriteOnly() {
        JsonObject js = schema.toJsonSchema();
        assertThat(js.getJsonObject("properties").getJsonObject("token").getBoolean("writeOnly")).isTrue();
        assertThat(js.getJsonArray("required").getList()).containsExactlyInAnyOrder("baseUrl", "token");
        assertThat(schema.secretNames()).containsExactly("token");
    }
}
