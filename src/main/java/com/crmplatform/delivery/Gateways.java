package com.crmplatform.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Every channel's gateway behind one: each message goes by its campaign's channel. Email messages
 * on a computer where no mail server is set up fail at once with a reason saying so (they can be
 * sent again once it is), never silently.
 */
public final class Gateways implements VendorGateway {

    private final Map<Channel, VendorGateway> byChannel = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile String emailMissing;

    /**
     * @param email        the email gateway, if a mail server is set up here
     * @param emailMissing why there is none: what the failed messages say
     */
    public Gateways(VendorGateway simulated, Optional<VendorGateway> email, String emailMissing) {
        byChannel.put(Channel.SIMULATED, simulated);
        email.ifPresent(g -> byChannel.put(Channel.EMAIL, g));
        this.emailMissing = emailMissing;
    }

    /** Email from now on goes through this gateway (the one before is closed), or fails saying {@code missing}. */
    public void useEmail(Optional<VendorGateway> email, String missing) {
        emailMissing = missing;
        VendorGateway before = email.isPresent() ? byChannel.put(Channel.EMAIL, email.get()) : byChannel.remove(Channel.EMAIL);
        if (before != null && before != email.orElse(null)) {
            before.close();
        }
    }

    @Override
    public void send(List<OutboundMessage> messages, Consumer<Receipt> receipts) {
        Map<Channel, List<OutboundMessage>> split = new EnumMap<>(Channel.class);
        for (OutboundMessage m : messages) {
            split.computeIfAbsent(m.channel(), c -> new ArrayList<>()).add(m);
        }
        split.forEach((channel, list) -> {
            VendorGateway g = byChannel.get(channel);
            if (g == null) {
                list.forEach(m -> receipts.accept(new Receipt(m.idempotencyKey(), false, emailMissing)));
            } else {
                g.send(list, receipts);
            }
        });
    }

    @Override
    public int room(Duration lease) {
        return byChannel.values().stream().mapToInt(g -> g.room(lease)).min().orElse(Integer.MAX_VALUE);
    }

    @Override
    public void close() {
        byChannel.values().forEach(VendorGateway::close);
    }
}
