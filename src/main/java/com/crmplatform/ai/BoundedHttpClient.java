package com.crmplatform.ai;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * LangChain4j's transport, on the JDK client, with two things its own lacks: one deadline for the
 * whole exchange, body included (a body that stalls after the headers is cut off), and the
 * {@code Retry-After} of a refused request, kept for the caller to honour.
 */
final class BoundedHttpClient implements HttpClient {

    /** A request that did not finish within the deadline. */
    static final class DeadlineExceeded extends RuntimeException {
        DeadlineExceeded(Duration deadline) {
            super("no complete answer within " + deadline.toSeconds() + " s");
        }
    }

    private final java.net.http.HttpClient client;
    private final Duration deadline;
    private final ThreadLocal<Optional<Duration>> lastRetryAfter = ThreadLocal.withInitial(Optional::empty);

    BoundedHttpClient(Duration deadline) {
        this.deadline = deadline;
        this.client = java.net.http.HttpClient.newBuilder().connectTimeout(deadline)
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build();
    }

    /** The Retry-After of the last refused request on this thread, if it sent one. */
    Optional<Duration> lastRetryAfter() {
        return lastRetryAfter.get();
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        lastRetryAfter.set(Optional.empty());
        java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(URI.create(request.url())).timeout(deadline);
        request.headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("content-length") && !name.equalsIgnoreCase("host")) {
                values.forEach(v -> b.header(name, v));
            }
        });
        b.method(request.method().name(), request.body() == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                : java.net.http.HttpRequest.BodyPublishers.ofString(request.body()));
        CompletableFuture<HttpResponse<String>> call = client.sendAsync(b.build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> response;
        try {
            response = call.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new DeadlineExceeded(deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            call.cancel(true);
            throw new DeadlineExceeded(deadline);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new RuntimeException(e.getCause());
        }
        if (response.statusCode() >= 400) {
            lastRetryAfter.set(response.headers().firstValue("Retry-After").flatMap(BoundedHttpClient::seconds));
            throw new HttpException(response.statusCode(), response.body());
        }
        return SuccessfulHttpResponse.builder().statusCode(response.statusCode()).headers(response.headers().map())
                .body(response.body()).build();
    }

    private static Optional<Duration> seconds(String value) {
        try {
            return Optional.of(Duration.ofMillis((long) (Double.parseDouble(value.strip()) * 1000)));
        } catch (NumberFormatException e) {
            return Optional.empty(); // an HTTP date: treated as no hint
        }
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        throw new UnsupportedOperationException("streaming is not used");
    }

    /** Hands LangChain4j this client. */
    static final class Builder implements HttpClientBuilder {
        private final BoundedHttpClient client;
        private Duration connect;
        private Duration read;

        Builder(BoundedHttpClient client) {
            this.client = client;
        }

        @Override
        public Duration connectTimeout() {
            return connect;
        }

        @Override
        public HttpClientBuilder connectTimeout(Duration d) {
            connect = d;
            return this;
        }

        @Override
        public Duration readTimeout() {
            return read;
        }

        @Override
        public HttpClientBuilder readTimeout(Duration d) {
            read = d;
            return this;
        }

        @Override
        public HttpClient build() {
            return client;
        }
    }
}
