package com.crmplatform.delivery;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Email over SMTP as a {@link VendorGateway}: one sender thread, one connection kept open, at most
 * {@link SmtpSettings#perMinute()} emails a minute. Each email's Message-ID is made from its
 * idempotency key, so an email sent again after a crash is recognisably the same email. A server
 * that says "try later" (4xx) or cannot be reached is tried again with a doubling wait; a refusal
 * (5xx, such as an unknown mailbox) fails the message with the server's words.
 */
public final class SmtpGateway implements VendorGateway {

    private static final Logger LOG = LoggerFactory.getLogger(SmtpGateway.class);

    private final SmtpSettings settings;
    private final Session session;
    private final DelayQueue<Job> queue = new DelayQueue<>();
    /** The idempotency keys queued or being sent. */
    private final java.util.Set<String> onTheirWay = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** While the server cannot be reached, nothing is tried before this (a wait that doubles, up to a minute). */
    private long pausedUntil;
    private long pause;
    private final java.util.concurrent.Future<?> sender;
    private final long spacingNanos;
    private volatile boolean closed;
    private Transport transport;
    private long nextSlot = System.nanoTime();

    /** @param background runs the sender loop (the app's one executor for background work) until {@link #close} */
    public SmtpGateway(SmtpSettings settings, java.util.concurrent.ExecutorService background) {
        this.settings = settings;
        this.session = Session.getInstance(properties(settings));
        this.spacingNanos = TimeUnit.MINUTES.toNanos(1) / settings.perMinute();
        this.sender = background.submit(this::run);
    }

    private static Properties properties(SmtpSettings s) {
        String p = s.security() == SmtpSettings.Security.TLS ? "mail.smtps." : "mail.smtp.";
        Properties props = new Properties();
        props.put(p + "host", s.host());
        props.put(p + "port", String.valueOf(s.port()));
        props.put(p + "auth", String.valueOf(s.user().isPresent()));
        String ms = String.valueOf(s.timeout().toMillis());
        props.put(p + "connectiontimeout", ms);
        props.put(p + "timeout", ms);
        props.put(p + "writetimeout", ms);
        if (s.security() == SmtpSettings.Security.STARTTLS) {
            props.put(p + "starttls.enable", "true");
            props.put(p + "starttls.required", "true");
        }
        if (s.security() != SmtpSettings.Security.NONE) {
            props.put(p + "ssl.checkserveridentity", "true");
        }
        props.put("mail.mime.charset", "UTF-8");
        return props;
    }

    /**
     * One email on its way: its "try later" answers so far, since when the server could not be
     * reached for it (0: it could), and when it may go.
     */
    private record Job(OutboundMessage message, Consumer<Receipt> receipts, int tries, long unreachableSince, long dueNanos)
            implements Delayed {
        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed o) {
            return Long.compare(dueNanos, ((Job) o).dueNanos);
        }
    }

    @Override
    public void send(List<OutboundMessage> messages, Consumer<Receipt> receipts) {
        long now = System.nanoTime();
        for (OutboundMessage m : messages) {
            // A message claimed again while its first copy still waits here (its lease ran out) is not queued twice.
            if (onTheirWay.add(m.idempotencyKey())) {
                queue.add(new Job(m, receipts, 0, 0, now));
            }
        }
    }

    /** The answer for a message is given: it leaves this gateway. */
    private void answer(Job job, Receipt receipt) {
        onTheirWay.remove(job.message().idempotencyKey());
        job.receipts().accept(receipt);
    }

    /** As many as go out within half the lease at the rate limit, less those still waiting. */
    @Override
    public int room(Duration lease) {
        long fit = Math.max(1, lease.toSeconds() * settings.perMinute() / 120);
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, fit - queue.size()));
    }

    /**
     * Sends one test email now, outside the queue and the rate limit (Settings' "Send a test
     * email"): empty when the server took it, else why not, in its words.
     */
    public Optional<String> sendTest(String to) {
        synchronized (this) {
            try {
                deliver(message("test-" + System.currentTimeMillis(), "", to, "CRM Platform: test email",
                        "This is a test email from CRM Platform. Campaign emails will come from this address, through "
                                + settings.host() + "."));
                return Optional.empty();
            } catch (MessagingException | RuntimeException e) {
                closeTransport();
                return Optional.of(Failure.of(e).reason());
            }
        }
    }

    private void run() {
        while (!closed) {
            Job job;
            try {
                job = queue.take();
                long wait = Math.max(nextSlot, pausedUntil) - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
            } catch (InterruptedException e) {
                return;
            }
            attempt(job);
            // Counted from when the server answered: two emails are never closer than the limit allows.
            nextSlot = System.nanoTime() + spacingNanos;
        }
    }

    private void attempt(Job job) {
        OutboundMessage m = job.message();
        try {
            synchronized (this) {
                deliver(message(m.idempotencyKey(), m.recipientName(), m.recipientEmail(), m.subject(), m.text()));
            }
            pause = 0;
            answer(job, new Receipt(m.idempotencyKey(), true));
        } catch (MessagingException | RuntimeException e) {
            closeTransport();
            Failure f = Failure.of(e);
            long now = System.nanoTime();
            if (f.permanent) {
                answer(job, new Receipt(m.idempotencyKey(), false, f.reason, f.addressBad));
            } else if (f.unreachable) {
                // The server, not this email: everything waits (a doubling pause), and an email fails only
                // when the server has not been reached for it for UNREACHABLE_FOR.
                pause = Math.min(MAX_PAUSE, pause == 0 ? settings.firstRetry().toNanos() : pause * 2);
                pausedUntil = now + pause;
                long since = job.unreachableSince() == 0 ? now : job.unreachableSince();
                if (now - since >= settings.unreachableFor().toNanos()) {
                    Duration d = settings.unreachableFor();
                    answer(job, new Receipt(m.idempotencyKey(), false, "The mail server could not be reached for "
                            + (d.toMinutes() > 0 ? d.toMinutes() + " minutes" : d.toSeconds() + " seconds") + ": " + f.reason));
                } else if (!closed) {
                    LOG.info("mail server not reached ({}); trying again in {} s", f.reason, TimeUnit.NANOSECONDS.toSeconds(pause));
                    queue.add(new Job(m, job.receipts(), job.tries(), since, pausedUntil));
                }
            } else if (job.tries() + 1 >= settings.maxTries()) {
                answer(job, new Receipt(m.idempotencyKey(), false, "The mail server did not take it after "
                        + settings.maxTries() + " tries: " + f.reason));
            } else if (!closed) {
                long wait = settings.firstRetry().toNanos() << job.tries();
                LOG.info("email {} not taken ({}); trying again in {} s", m.idempotencyKey(), f.reason,
                        TimeUnit.NANOSECONDS.toSeconds(wait));
                queue.add(new Job(m, job.receipts(), job.tries() + 1, 0, now + wait));
            }
        }
    }

    private static final long MAX_PAUSE = TimeUnit.MINUTES.toNanos(1);

    /** What went wrong, in the server's words, and whether trying again could help. */
    private record Failure(boolean permanent, String reason, boolean addressBad, boolean unreachable) {
        Failure(boolean permanent, String reason) {
            this(permanent, reason, false, false);
        }

        static Failure of(Exception e) {
            for (Throwable t = e; t != null; t = next(t)) {
                if (t instanceof SMTPAddressFailedException a) {
                    return coded(a.getReturnCode(), a.getMessage(), true);
                }
                if (t instanceof SMTPSendFailedException s) {
                    return coded(s.getReturnCode(), s.getMessage(), false);
                }
                if (t instanceof javax.net.ssl.SSLException || String.valueOf(t.getMessage()).contains("STARTTLS")) {
                    return new Failure(true, "The secure connection failed (" + clean(t.getMessage()) + "); check the "
                            + "security setting and the port (STARTTLS on 587, TLS on 465), then Send again to failed.");
                }
                if (t instanceof AuthenticationFailedException) {
                    return new Failure(true, "The mail server refused the user name or password (" + clean(t.getMessage())
                            + "); check them in Settings, then Send again to failed.");
                }
                if (t instanceof AddressException) {
                    return new Failure(true, "The address is not a valid email address: " + clean(t.getMessage()));
                }
            }
            return new Failure(false, "The mail server could not be reached or did not answer: " + clean(rootMessage(e)),
                    false, true);
        }

        /**
         * 5xx is final, 4xx is "try later". A bounce is only a refusal of the recipient (at RCPT) saying
         * the mailbox or its domain does not exist: 5.1.1, 5.1.2, 5.1.6, 5.1.10, or words to that effect
         * without a status; a refused sender, relaying or policy is not the address's fault.
         */
        private static Failure coded(int code, String text, boolean atRecipient) {
            String t = clean(text);
            boolean noMailbox = atRecipient && code >= 500 && (t.matches(".*\\b5\\.1\\.(1|2|6|10)\\b.*")
                    || !t.matches(".*\\b\\d\\.\\d+\\.\\d+\\b.*") && t.toLowerCase(Locale.ROOT).matches(
                    ".*(user unknown|unknown user|no such user|unknown recipient|mailbox (unavailable|not found|does not exist)"
                            + "|does not exist).*"));
            return new Failure(code >= 500, t, noMailbox, false);
        }

        private static Throwable next(Throwable t) {
            if (t instanceof MessagingException me && me.getNextException() != null) {
                return me.getNextException();
            }
            return t.getCause() == t ? null : t.getCause();
        }

        private static String rootMessage(Throwable e) {
            Throwable t = e;
            while (next(t) != null) {
                t = next(t);
            }
            return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        }

        private static String clean(String s) {
            return s == null ? "" : s.strip().replaceAll("\\s+", " ");
        }
    }

    private MimeMessage message(String key, String name, String to, String subject, String text)
            throws MessagingException {
        String id = "<" + messageIdOf(key) + "@" + settings.domain() + ">";
        MimeMessage mime = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", id);
            }
        };
        InternetAddress recipient = new InternetAddress(to, true); // a malformed address is refused here
        try {
            mime.setFrom(new InternetAddress(settings.fromAddress(), settings.fromName(), "UTF-8"));
            if (name != null && !name.isBlank()) {
                recipient.setPersonal(name, "UTF-8");
            }
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e); // UTF-8 is always there
        }
        mime.setRecipient(Message.RecipientType.TO, recipient);
        mime.setSubject(subject, "UTF-8");
        mime.setText(text + footer(), "UTF-8");
        mime.setHeader("List-Unsubscribe", "<mailto:" + settings.fromAddress() + "?subject=unsubscribe>");
        mime.setHeader("X-CRM-Idempotency-Key", key);
        return mime;
    }

    /** The line every campaign email ends with: how to stop receiving them. */
    private String footer() {
        String sender = settings.fromName().isEmpty() ? settings.fromAddress() : settings.fromName();
        return "\n\n--\nYou receive this email as a customer of " + sender + ". To receive no more, reply with the word "
                + "unsubscribe.";
    }

    /** The idempotency key as the left part of a Message-ID: letters, digits, dots and dashes only. */
    static String messageIdOf(String key) {
        StringBuilder b = new StringBuilder("crm.");
        for (byte c : key.getBytes(StandardCharsets.UTF_8)) {
            char ch = (char) (c & 0xff);
            if (ch < 128 && (Character.isLetterOrDigit(ch) || ch == '-')) {
                b.append(ch);
            } else {
                b.append('.');
            }
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }

    private void deliver(MimeMessage mime) throws MessagingException {
        if (transport == null || !transport.isConnected()) {
            transport = session.getTransport(settings.security() == SmtpSettings.Security.TLS ? "smtps" : "smtp");
            transport.connect(settings.host(), settings.port(), settings.user().orElse(null),
                    settings.password().orElse(null));
        }
        mime.saveChanges();
        Address[] to = mime.getAllRecipients();
        transport.sendMessage(mime, to);
    }

    private synchronized void closeTransport() {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException | RuntimeException e) {
                // the connection is gone either way
            }
            transport = null;
        }
    }

    @Override
    public void close() {
        closed = true;
        sender.cancel(true);
        closeTransport();
    }
}
