package dev.junction.plugin.bigcommerce.client;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** 2xx bodies are parsed from their bytes; the answers must be what parsing the text gave. */
class BigCommerceBodyDecodeTest {
    @Test
    void objectsAndArraysAreParsedFromBytesWhateverTheWhitespaceAround() {
        String order = "{\"id\":101,\"billing_address\":{\"first_name\":\"Zoë\",\"city\":\"Zürich\"},\"total_inc_tax\":\"12.50\"}";
        assertThat(BigCommerceClient.decode(Buffer.buffer("\r\n  " + order + "\n")))
                .contains(new JsonObject(order));
        assertThat(((JsonObject) BigCommerceClient.decode(Buffer.buffer(order)).orElseThrow())
                .getJsonObject("billing_address").getString("first_name")).as("multi-byte UTF-8 kept").isEqualTo("Zoë");
        String lines = "[{\"id\":1,\"name\":\"Mug – large\"},{\"id\":2}]";
        assertThat(BigCommerceClient.decode(Buffer.buffer("\t" + lines))).contains(new JsonArray(lines));
    }

    @Test
    void blankBodiesAreEmptyAndOthersThatAreNotJsonFail() {
        assertThat(BigCommerceClient.decode(null)).isEmpty();
        assertThat(BigCommerceClient.decode(Buffer.buffer(" \n\t"))).isEqualTo(Optional.empty());
        assertThatThrownBy(() -> BigCommerceClient.decode(Buffer.buffer("<html>login</html>"))).isInstanceOf(DecodeException.class);
        assertThatThrownBy(() -> BigCommerceClient.decode(Buffer.buffer("{\"id\":1} trailing"))).isInstanceOf(DecodeException.class);
        assertThatThrownBy(() -> BigCommerceClient.decode(Buffer.buffer("[1,2"))).isInstanceOf(DecodeException.class);
    }
}
