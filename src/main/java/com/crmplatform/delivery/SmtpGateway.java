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
    private final Thread sender;
    private final long spacingNanos;
    private volatile boolean closed;
    private Transport transport;
    private long nextSlot = System.nanoTime();

    public SmtpGateway(SmtpSettings settings) {
        this.settings = settings;
        this.session = Session.getInstance(properties(settings));
        this.spacingNanos = TimeUnit.MINUTES.toNanos(1) / settings.perMinute();
        this.sender = new Thread(this::run, "crm-smtp");
        sender.setDaemon(true);
        sender.start();
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

    /** One email on its way: its tries so far and when it may go. */
    private record Job(OutboundMessage message, Consumer<Receipt> receipts, int tries, String lastProblem, long dueNanos)
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
            queue.add(new Job(m, receipts, 0, "", now));
        }
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
                long wait = nextSlot - System.nanoTime();
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
            job.receipts().accept(new Receipt(m.idempotencyKey(), true));
        } catch (MessagingException | RuntimeException e) {
            closeTransport();
            Failure f = Failure.of(e);
            if (f.permanent) {
                job.receipts().accept(new Receipt(m.idempotencyKey(), false, f.reason, f.addressBad));
            } else if (job.tries() + 1 >= settings.maxTries()) {
                job.receipts().accept(new Receipt(m.idempotencyKey(), false, "The mail server did not take it after "
                        + settings.maxTries() + " tries: " + f.reason));
            } else if (!closed) {
                long wait = settings.firstRetry().toNanos() << job.tries();
                LOG.info("email {} not taken ({}); trying again in {} s", m.idempotencyKey(), f.reason,
                        TimeUnit.NANOSECONDS.toSeconds(wait));
                queue.add(new Job(m, job.receipts(), job.tries() + 1, f.reason, System.nanoTime() + wait));
            }
        }
    }

    /** What went wrong, in the server's words, and whether trying again could help. */
    private record Failure(boolean permanent, String reason, boolean addressBad) {
        Failure(boolean permanent, String reason) {
            this(permanent, reason, false);
        }

        static Failure of(Exception e) {
            for (Throwable t = e; t != null; t = next(t)) {
                if (t instanceof SMTPAddressFailedException a) {
                    return coded(a.getReturnCode(), a.getMessage());
                }
                if (t instanceof SMTPSendFailedException s) {
                    return coded(s.getReturnCode(), s.getMessage());
                }
                if (t instanceof AuthenticationFailedException) {
                    return new Failure(true, "The mail server refused the user name or password (" + clean(t.getMessage())
                            + "); check them in Settings, then Send again to failed.");
                }
                if (t instanceof AddressException) {
                    return new Failure(true, "The address is not a valid email address: " + clean(t.getMessage()));
                }
            }
            return new Failure(false, "The mail server could not be reached or did not answer: " + clean(rootMessage(e)));
        }

        /** 5xx is final; 550/551/553 with a 5.1.x status (or no status) say the mailbox does not exist: a bounce. */
        private static Failure coded(int code, String text) {
            String t = clean(text);
            boolean mailbox = (code == 550 || code == 551 || code == 553)
                    && (t.matches(".*\\b5\\.1\\.\\d+\\b.*") || !t.matches(".*\\b\\d\\.\\d+\\.\\d+\\b.*"));
            return new Failure(code >= 500, t, code >= 500 && mailbox);
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
        sender.interrupt();
        closeTransport();
    }
}
