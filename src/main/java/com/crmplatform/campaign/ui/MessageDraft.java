package com.crmplatform.campaign.ui;

import com.crmplatform.ai.CampaignAssistant;
import com.crmplatform.ai.RuleGenerator;
import com.crmplatform.campaign.MessageTemplate;
import com.crmplatform.customer.Customer;
import com.crmplatform.delivery.Channel;
import com.crmplatform.segment.SegmentRule;
import com.crmplatform.ui.Messages;
import com.crmplatform.ui.UiExecutor;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

/** The campaign's name, channel, message (and subject, for email), its preview for real customers, and suggested wordings. */
public final class MessageDraft {

    private final UiExecutor executor;
    private final Messages messages;
    private final RuleSources.Notes notes;
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty();
    private final ObjectProperty<Channel> channel =
            new SimpleObjectProperty<>(Channel.SIMULATED);
    private final StringProperty subject = new SimpleStringProperty();
    private CampaignAssistant assistant;

    MessageDraft(UiExecutor executor, Messages messages, RuleSources.Notes notes) {
        this.executor = executor;
        this.messages = messages;
        this.notes = notes;
        this.message.set(messages.get("builder.message.default"));
        this.subject.set(messages.get("builder.subject.default"));
    }

    void useAssistant(CampaignAssistant assistant) {
        this.assistant = assistant;
    }

    /** Three message suggestions for the audience of {@code rule} (and the campaign name as the goal). */
    public void suggest(Optional<SegmentRule.Group> rule, Consumer<List<String>> show) {
        if (rule.isEmpty() || assistant == null) {
            notes.problem(messages.get("builder.fixConditions"));
            return;
        }
        String goal = name.get();
        notes.problem("");
        notes.info(messages.get("builder.suggest.working"));
        executor.submit(() -> assistant.suggestMessages(rule.get(), goal), s -> {
            notes.info(s.engine() == RuleGenerator.Engine.GROQ ? messages.get("builder.suggest.groq")
                    : messages.get("builder.suggest.offline"));
            show.accept(s.value());
        }, e -> notes.problem(messages.describe(e)));
    }

    /** The message as the first of {@code sample} will get it. */
    public StringBinding preview(ObservableList<Customer> sample) {
        return Bindings.createStringBinding(() -> {
            if (sample.isEmpty()) {
                return messages.get("builder.preview.none");
            }
            try {
                // The message as the first customers of the audience will get it (up to three), each on its line.
                String template = MessageTemplate.check(message.get());
                boolean email = channel.get() == Channel.EMAIL;
                String subjectTemplate = email ? MessageTemplate.checkSubject(subject.get()) : "";
                StringBuilder b = new StringBuilder();
                for (Customer c : sample.subList(0, Math.min(3, sample.size()))) {
                    String text = MessageTemplate.render(template, c);
                    b.append(b.length() == 0 ? "" : "\n").append(email
                            ? messages.get("builder.preview.email", c.name(), MessageTemplate.render(subjectTemplate, c), text)
                            : messages.get("builder.preview.to", c.name(), text));
                }
                return b.toString();
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
        }, sample, message, channel, subject);
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty messageProperty() {
        return message;
    }

    /** How the campaign's messages go: the simulated vendor (the default) or email. */
    public ObjectProperty<Channel> channelProperty() {
        return channel;
    }

    /** The email's subject, with the message's placeholders (used for email only). */
    public StringProperty subjectProperty() {
        return subject;
    }
}
