package com.crmplatform.importexport;

import com.crmplatform.auth.CurrentUser;
import com.crmplatform.customer.Customer;
import com.crmplatform.customer.CustomerRepository;
import com.crmplatform.order.LineItem;
import com.crmplatform.order.Order;
import com.crmplatform.order.OrderRepository;
import com.crmplatform.order.OrderStatus;
import com.crmplatform.store.Audit;
import com.crmplatform.store.Ids;
import com.crmplatform.store.Money;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.IntConsumer;

/**
 * Realistic demo customers (Indian names and cities) and orders in rupees. The same seed gives
 * the same people and orders. Customers start with zero totals and every seeded order is added
 * through the order repository, so a customer's totals are exactly the sum of its orders.
 */
public final class DemoData {

    static final String[] FIRST = {"Aarav", "Vivaan", "Aditya", "Vihaan", "Arjun", "Sai", "Reyansh", "Krishna", "Ishaan",
        "Rohan", "Kabir", "Aryan", "Rahul", "Vikram", "Siddharth", "Karan", "Nikhil", "Manish", "Suresh", "Rajesh",
        "Ananya", "Diya", "Aadhya", "Saanvi", "Priya", "Kavya", "Isha", "Meera", "Pooja", "Neha", "Sneha", "Lakshmi",
        "Divya", "Anjali", "Riya", "Shreya", "Nandini", "Aishwarya", "Tanvi", "Fatima", "Imran", "Zoya", "Harpreet",
        "Gurpreet", "Joseph", "Mary", "Thomas", "Lalitha", "Venkat", "Arun"};
    static final String[] LAST = {"Sharma", "Verma", "Gupta", "Patel", "Shah", "Mehta", "Iyer", "Iyengar", "Nair", "Menon",
        "Reddy", "Rao", "Naidu", "Pillai", "Kumar", "Singh", "Chauhan", "Yadav", "Joshi", "Kulkarni", "Deshpande",
        "Banerjee", "Chatterjee", "Mukherjee", "Das", "Bose", "Ghosh", "Sen", "Khan", "Ahmed", "Qureshi", "Fernandes",
        "D'Souza", "Gill", "Sandhu", "Malhotra", "Kapoor", "Agarwal", "Jain", "Bhat"};
    static final String[] CITY = {"Mumbai", "Delhi", "Bengaluru", "Hyderabad", "Chennai", "Kolkata", "Pune", "Ahmedabad",
        "Jaipur", "Lucknow", "Kochi", "Chandigarh", "Indore", "Bhopal", "Nagpur", "Surat", "Coimbatore", "Visakhapatnam",
        "Mysuru", "Guwahati"};
    static final String[] DOMAIN = {"gmail.com", "yahoo.co.in", "outlook.com", "rediffmail.com", "hotmail.com"};
    static final String[] ITEM = {"Cotton kurta", "Silk saree", "Basmati rice 5kg", "Masala tea", "Steel tiffin",
        "Bluetooth speaker", "Running shoes", "Pressure cooker", "Ayurvedic soap", "Notebook set", "Brass lamp", "Jeans"};

    private final CustomerRepository customers;
    private final OrderRepository orders;
    private final CurrentUser user;
    private final Clock clock;

    public DemoData(CustomerRepository customers, OrderRepository orders, CurrentUser user, Clock clock) {
        this.customers = customers;
        this.orders = orders;
        this.user = user;
        this.clock = clock;
    }

    /** Result of seeding. */
    public record Seeded(int customers, int orders) {
    }

    /** Builds {@code n} customers with zero totals; the {@code k}-th has a unique email. */
    public static List<Customer> customers(int n, long seed, Audit audit) {
        Random r = new Random(seed);
        List<Customer> list = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            String first = FIRST[r.nextInt(FIRST.length)];
            String last = LAST[r.nextInt(LAST.length)];
            String email = (first + "." + last).toLowerCase(Locale.ROOT).replace("'", "") + "." + k + "@"
                    + DOMAIN[r.nextInt(DOMAIN.length)];
            String phone = "+91 " + (6 + r.nextInt(4)) + String.format("%04d %05d", r.nextInt(10_000), r.nextInt(100_000));
            list.add(new Customer(Ids.newId(), first + " " + last, email, phone, CITY[r.nextInt(CITY.length)],
                    Money.ZERO, 0, null, audit));
        }
        return list;
    }

    /**
     * Seeds {@code customerCount} customers and {@code orderCount} orders spread over them.
     *
     * @param progress told the number of records written so far
     */
    public Seeded seed(int customerCount, int orderCount, long seed, IntConsumer progress) {
        Audit audit = Audit.created(clock.instant(), user.id());
        List<Customer> people = customers(customerCount, seed, audit);
        int written = 0;
        for (int from = 0; from < people.size(); from += 10_000) {
            List<Customer> chunk = people.subList(from, Math.min(people.size(), from + 10_000));
            customers.insertAbsent(chunk);
            written += chunk.size();
            progress.accept(written);
        }
        if (people.isEmpty()) {
            return new Seeded(0, 0);
        }
        Random r = new Random(seed ^ 0x5DEECE66DL);
        LocalDate today = LocalDate.now(clock);
        List<Order> batch = new ArrayList<>();
        for (int k = 0; k < orderCount; k++) {
            Customer c = people.get(r.nextInt(people.size()));
            BigDecimal amount = BigDecimal.valueOf(20_000 + r.nextInt(4_980_000), 2); // ₹200.00 .. ₹50,000.00
            LocalDate date = today.minusDays(r.nextInt(730));
            List<LineItem> items = List.of(new LineItem(ITEM[r.nextInt(ITEM.length)], 1 + r.nextInt(3)));
            batch.add(new Order(Ids.newId(), c.id(), c.name(), c.email(), amount, date, items, OrderStatus.ACTIVE, audit));
            if (batch.size() == 10_000 || k == orderCount - 1) {
                orders.createAll(batch);
                written += batch.size();
                progress.accept(written);
                batch = new ArrayList<>();
            }
        }
        return new Seeded(customerCount, orderCount);
    }
}
