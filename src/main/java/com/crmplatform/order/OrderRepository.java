package com.crmplatform.order;

import com.crmplatform.store.Page;
import com.crmplatform.store.PageRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Orders in a store, and their effect on the customer's {@code totalSpend}, {@code visits} and
 * {@code lastPurchaseDate}. Writes are idempotent by order id: making or cancelling the same
 * order again (a retry after a crash or a dropped connection) never counts it twice.
 */
public interface OrderRepository {

    /**
     * Stores the order and adds it to its customer's totals.
     *
     * @return false when an order with this id was already stored (nothing is counted again)
     * @throws com.crmplatform.store.NotFoundException when the customer does not exist
     */
    boolean create(Order order);

    /** Creates many orders and moves their customers' totals, in batches; returns how many were new. */
    int createAll(List<Order> orders);

    /** Cancels the order and takes it out of its customer's totals; a second cancel changes nothing. */
    Order cancel(String orderId, String user, Instant now);

    Optional<Order> findById(String id);

    /** Which of these order ids are already stored (what an import of them would skip). */
    java.util.Set<String> existingIds(java.util.Collection<String> ids);

    Page<Order> page(OrderQuery query, PageRequest request);

    long count(OrderQuery query);

    /**
     * The sum of the amounts of the active (not cancelled) orders a query lists. Both stores add up
     * in the database; this reading page by page is for a repository that cannot (a test's).
     */
    default java.math.BigDecimal activeTotal(OrderQuery query) {
        java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
        OrderQuery byDate = query.sortedBy(OrderSort.DATE, true);
        PageRequest request = PageRequest.first(1_000);
        while (true) {
            Page<Order> p = page(byDate, request);
            for (Order o : p.items()) {
                if (o.isActive()) {
                    sum = sum.add(o.amount());
                }
            }
            if (!p.hasNext() || p.items().isEmpty()) {
                return sum;
            }
            Order last = p.items().get(p.items().size() - 1);
            request = PageRequest.after(new com.crmplatform.store.Cursor(last.orderDate(), last.id()), 1_000);
        }
    }

    /**
     * When the active orders of the customers a rule selects were made: their dates and the moment
     * they were entered, newest first, at most {@code limit} (for choosing when to send).
     */
    List<PurchaseMoment> purchaseMoments(com.crmplatform.segment.SegmentRule rule, java.time.LocalDate today, int limit);

    /** An order's date and the moment it was entered. */
    record PurchaseMoment(java.time.LocalDate date, Instant enteredAt) {
    }
}
