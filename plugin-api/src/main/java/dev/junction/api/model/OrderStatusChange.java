package dev.junction.api.model;

import java.time.Instant;

/** An order moved to a status in its system. */
public record OrderStatusChange(String orderId, String orderReference, String status, Instant changedAt) {
}
