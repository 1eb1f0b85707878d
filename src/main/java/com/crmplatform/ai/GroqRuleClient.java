package com.crmplatform.ai;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Groq's chat completions (OpenAI-compatible) through LangChain4j, in JSON mode. LangChain4j's own
 * retries are off: a rate limit is retried here, honouring Retry-After within a bound; anything
 * else fails at once with a reason a person can act on.
 */
final class GroqRuleClient {

    /** Why Groq gave no usable answer. */
    static final class GroqUnavailable extends RuntimeException {
        GroqUnavailable(String reason, Throwable cause) {
            super(reason, cause);
        }
    }

    private static final int MAX_RATE_LIMIT_RETRIES = 2;

    private final GroqSettings settings;
    private final BoundedHttpClient http;
    private final ChatModel model;
    private final Sleeper sleeper;

    /** Waits between retries; tests see the waits without spending them. */
    interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    GroqRuleClient(GroqSettings settings, Sleeper sleeper) {
        this.settings = settings;
        this.sleeper = sleeper;
        this.http = new BoundedHttpClient(settings.timeout());
        this.model = OpenAiChatModel.builder().baseUrl(settings.baseUrl()).apiKey(settings.apiKey().orElseThrow())
                .modelName(settings.model()).responseFormat("json_object").temperature(0.0).maxRetries(0)
                .timeout(settings.timeout()).httpClientBuilder(new BoundedHttpClient.Builder(http)).build();
    }

    /** The text with the API key (as sent, or in a bearer header) replaced: answers may quote the request. */
    String withoutKey(String text) {
        String key = settings.apiKey().orElse("");
        return text == null || key.isEmpty() ? text : text.replace(key, "****");
    }

    /** The model's answer text. */
    String ask(List<ChatMessage> messages) {
        Optional<String> unsafe = settings.endpointProblem();
        if (unsafe.isPresent()) {
            throw new GroqUnavailable(unsafe.get(), null);
        }
        Duration waited = Duration.ZERO;
        for (int attempt = 0; ; attempt++) {
            try {
                return model.chat(ChatRequest.builder().messages(messages).build()).aiMessage().text();
            } catch (AuthenticationException e) {
                throw new GroqUnavailable("Groq rejected the API key (check GROQ_API_KEY or Settings)", e);
            } catch (RateLimitException e) {
                Duration wait = http.lastRetryAfter().orElse(Duration.ofSeconds(1));
                if (attempt >= MAX_RATE_LIMIT_RETRIES || waited.plus(wait).compareTo(settings.maxRetryWait()) > 0) {
                    throw new GroqUnavailable("Groq is rate-limiting requests (asked to wait " + wait.toSeconds()
                            + " s)", e);
                }
                waited = waited.plus(wait);
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new GroqUnavailable("interrupted while waiting for Groq", ie);
                }
            } catch (RuntimeException e) {
                // The cause is not kept: its message may hold the response body, and with it the key.
                throw new GroqUnavailable(reason(e), null);
            }
        }
    }

    private String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BoundedHttpClient.DeadlineExceeded) {
                return "Groq did not answer within " + settings.timeout().toSeconds() + " s";
            }
            if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof UnresolvedAddressException
                    || t instanceof java.net.http.HttpConnectTimeoutException) {
                return "Groq could not be reached; check the network connection";
            }
        }
        // Never the response body: a proxy or a fake server may echo the request, key included.
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof dev.langchain4j.exception.HttpException h) {
                return "Groq answered with an error (HTTP " + h.statusCode() + ")";
            }
        }
        return "Groq failed (" + e.getClass().getSimpleName() + ")";
    }
}
