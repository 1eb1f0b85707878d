package com.crmplatform.order;

/** One line of an order: what was bought and how many. */
public record LineItem(String name, int quantity) {

    public LineItem {
        name = name == null ? "" : name.strip();
    }
}
