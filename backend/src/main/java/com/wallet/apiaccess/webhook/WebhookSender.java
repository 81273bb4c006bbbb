package com.wallet.apiaccess.webhook;

import com.wallet.apiaccess.config.ApiAccessConfig;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.http.HttpClient;
import io.vertx.mutiny.core.http.HttpClientRequest;
import io.vertx.mutiny.core.http.HttpClientResponse;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import javax.net.ssl.SSLException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One attempt: a POST to the address the {@link AddressGuard} checked (the URL's host still names the
 * server for {@code Host}, SNI and certificate checks), no redirect followed, the answer's body dropped
 * unread. The outcome's error is short and safe to show: a status code or the kind of connection failure.
 */
@ApplicationScoped
public class WebhookSender {

    record Outcome(boolean delivered, String error) {}

    private static final long MAX_ANSWER_BYTES = 64 * 1024;

    private final HttpClient client;
    private final Duration timeout;

    public WebhookSender(Vertx vertx, ApiAccessConfig config) {
        this.timeout = config.webhooks().timeout();
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setKeepAlive(false)
                .setMaxPoolSize(Math.max(1, config.webhooks().maxConcurrent()))
                .setConnectTimeout((int) timeout.toMillis())
                .setVerifyHost(true)
                .setMaxRedirects(0));
    }

    Uni<Outcome> post(WebhookUrl url, InetAddress address, Map<String, String> headers, String body) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setHost(url.host())
                .setPort(url.port())
                .setURI(url.requestUri())
                .setSsl(url.https())
                .setServer(SocketAddress.inetSocketAddress(url.port(), address.getHostAddress()))
                .setFollowRedirects(false);
        headers.forEach(options::putHeader);
        if (url.host().contains(":")) {
            // Vert.x writes the authority as host:port, which an IPv6 literal needs brackets for
            options.putHeader("host", "[" + url.host() + "]:" + url.port());
        }
        AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
        return client.request(options)
                .chain(request -> {
                    sent.set(request);
                    request.exceptionHandler(ignored -> {});
                    return request.send(body);
                })
                .map(response -> {
                    discard(response, sent.get());
                    int status = response.statusCode();
                    return status >= 200 && status < 300
                            ? new Outcome(true, null)
                            : new Outcome(false, "HTTP " + status);
                })
                .ifNoItem()
                .after(timeout)
                .fail()
                .onFailure()
                .recoverWithItem(failure -> {
                    HttpClientRequest request = sent.get();
                    if (request != null) {
                        request.reset();
                    }
                    return new Outcome(false, describe(failure));
                });
    }

    /** The answer's body is read and dropped, up to a bound; past it the connection is cut. */
    private static void discard(HttpClientResponse response, HttpClientRequest request) {
        AtomicLong read = new AtomicLong();
        response.exceptionHandler(ignored -> {});
        response.handler(chunk -> {
            if (read.addAndGet(chunk.length()) > MAX_ANSWER_BYTES) {
                request.reset();
            }
        });
    }

    /** The kind of failure, never its message: that may hold the receiver's words or our internals. */
    String describe(Throwable failure) {
        String name = failure.getClass().getSimpleName();
        if (failure instanceof TimeoutException || name.contains("Timeout")) {
            return "no answer within " + timeout.toSeconds() + " s";
        }
        if (failure instanceof ConnectException || failure instanceof NoRouteToHostException) {
            return "connection refused or unreachable";
        }
        if (failure instanceof SSLException) {
            return "TLS handshake failed";
        }
        if (name.equals("HttpClosedException") || name.equals("ClosedChannelException")) {
            return "connection closed before an answer";
        }
        return "connection failed (" + name + ")";
    }

    @PreDestroy
    void close() {
        client.closeAndAwait();
    }
}
