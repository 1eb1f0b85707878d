package com.crmplatform.customer;

import com.crmplatform.auth.CurrentUser;
import com.crmplatform.store.Audit;
import com.crmplatform.store.DuplicateEmailException;
import com.crmplatform.store.Ids;
import com.crmplatform.store.Money;
import com.crmplatform.store.Page;
import com.crmplatform.store.PageRequest;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/** Creating, changing and deleting customers, validated and stamped with who did it. */
public final class CustomerService {

    private final CustomerRepository repository;
    private final CustomerValidator validator;
    private final CurrentUser user;
    private final Clock clock;

    public CustomerService(CustomerRepository repository, CurrentUser user, Clock clock) {
        this.repository = repository;
        this.validator = new CustomerValidator(clock);
        this.user = user;
        this.clock = clock;
    }

    public CustomerValidator validator() {
        return validator;
    }

    /** @throws ValidationException or {@link DuplicateEmailException} */
    public Customer create(CustomerDraft draft) {
        check(draft);
        Customer c = new Customer(Ids.newId(), draft.name(), draft.email(), draft.phone(), draft.city(),
                Money.normalize(draft.totalSpend()), draft.visits(), draft.lastPurchaseDate(),
                Audit.created(clock.instant(), user.id()));
        repository.insert(c);
        return c;
    }

    /** Saves an edit of {@code original}; refused if the customer changed since it was read. */
    public Customer update(Customer original, CustomerDraft draft) {
        check(draft);
        CustomerDraft normal = new CustomerDraft(draft.name(), draft.email(), draft.phone(), draft.city(),
                Money.normalize(draft.totalSpend()), draft.visits(), draft.lastPurchaseDate());
        Customer updated = original.withDetails(normal, original.audit().touched(clock.instant(), user.id()));
        repository.update(updated, original.version());
        return updated;
    }

    public Optional<Customer> find(String id) {
        return repository.findById(id);
    }

    public Optional<Customer> findByEmail(String email) {
        return repository.findByEmail(email);
    }

    public Page<Customer> page(CustomerQuery query, PageRequest request) {
        return repository.page(query, request);
    }

    public long count(CustomerQuery query) {
        return repository.count(query);
    }

    private void check(CustomerDraft draft) {
        Map<CustomerField, String> errors = validator.validate(draft);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
