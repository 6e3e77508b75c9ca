package dev.junction.plugin.bigcommerce.mapping;

import dev.junction.api.model.OrderStatusChange;
import dev.junction.plugin.bigcommerce.testing.TestMapping;
import dev.junction.plugin.bigcommerce.testing.TestOrders;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class StatusChangeMapperTest {

    @Test
    void statusNameAndModificationTime() {
        OrderStatusChange change = new StatusChangeMapper().map(TestOrders.basic().put("status_id", 2).put("status", "Shipped"),
                TestMapping.none());

        assertThat(change).isEqualTo(new OrderStatusChange("218", "218", "Shipped", Instant.parse("2019-03-11T15:17:25Z")));
    }
}
