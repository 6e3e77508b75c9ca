package dev.junction.api.model;

/** A person or company at an address: an order's customer, billing or delivery party. */
public record Party(String firstName, String lastName, String company, String email, String phone, Address address) {

    public String fullName() {
        String f = firstName == null ? "" : firstName.trim();
        String l = lastName == null ? "" : lastName.trim();
        return (f + " " + l).trim();
    }
}
