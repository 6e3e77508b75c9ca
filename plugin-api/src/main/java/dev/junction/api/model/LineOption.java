package dev.junction.api.model;

/** A product option chosen by the customer, e.g. Size = L. */
public record LineOption(String name, String value) {
}
