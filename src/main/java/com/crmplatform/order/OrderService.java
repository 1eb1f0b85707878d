package com.crmplatform.order;

import com.crmplatform.auth.CurrentUser;
import com.crmplatform.customer.Customer;
import com.crmplatform.customer.CustomerRepository;
import com.crmplatform.customer.ValidationException;
import com.crmplatform.store.Audit;
import com.crmplatform.store.Ids;
import com.crmplatform.store.Money;
import com.crmplatform.store.NotFoundException;
import com.crmplatform.store.Page;
import com.crmplatform.store.PageRequest;
import java.time.Clock;
import java.util.Map;

/** Making and cancelling orders; the repository moves the customer's totals with them. */
public final class OrderService {

    private final OrderRepository orders;
    private final CustomerRepository customers;
    private final OrderValidator validator;
    private final CurrentUser user;
    private final Clock clock;

    public OrderService(OrderRepository orders, CustomerRepository customers, CurrentUser user, Clock clock) {
        this.orders = orders;
        this.customers = customers;
        this.validator = new OrderValidator(clock);
        this.user = user;
        this.clock = clock;
    }

    public OrderValidator validator() {
        return validator;
    }

    /**
     * Builds the order for a draft; the caller may keep it and call {@link #save} again with the
     * same order after a failure, and it will not be counted twice.
     */
    public Order prepare(OrderDraft draft) {
        Map<OrderField, String> errors = validator.validate(draft.amount(), draft.orderDate(), draft.items());
        if (draft.customerId() == null) {
            errors.put(OrderField.CUSTOMER, "Choose the customer of this order.");
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Customer customer = customers.findById(draft.customerId())
                .orElseThrow(() -> new NotFoundException("The customer of this order"));
        return new Order(Ids.newId(), customer.id(), customer.name(), customer.email(), Money.normalize(draft.amount()),
                draft.orderDate(), draft.items(), OrderStatus.ACTIVE, Audit.created(clock.instant(), user.id()));
    }

    /** Stores the order (idempotent by its id); returns false when it was already stored. */
    public boolean save(Order order) {
        return orders.create(order);
    }

    public Order create(OrderDraft draft) {
        Order order = prepare(draft);
        save(order);
        return order;
    }

    public Order cancel(Order order) {
        return orders.cancel(order.id(), user.id(), clock.instant());
    }

    public Page<Order> page(OrderQuery query, PageRequest request) {
        return orders.page(query, request);
    }

    public long count(OrderQuery query) {
        return orders.count(query);
    }

    /** What the listed orders add up to, cancelled ones left out. */
    public java.math.BigDecimal activeTotal(OrderQuery query) {
        return orders.activeTotal(query);
    }
}
