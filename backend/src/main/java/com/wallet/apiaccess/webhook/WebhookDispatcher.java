package com.wallet.apiaccess.webhook;

import com.wallet.apiaccess.audit.AuditEvents;
import com.wallet.apiaccess.config.ApiAccessConfig;
import com.wallet.apiaccess.problem.FieldError;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends the queued deliveries, on every replica every {@code api-access.webhooks.poll-every}. A
 * delivery is claimed with {@code FOR UPDATE SKIP LOCKED} by moving its due time to the end of a lease
 * longer than an attempt can take, so no two dispatchers attempt it at once; the attempt's outcome is
 * written only while that lease is still this dispatcher's. A replica that dies mid-attempt leaves the
 * delivery pending, and another one tries again once the lease has run out.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final int ERROR_LENGTH = 200;

    private static final String CLAIM = "with due as (select d.id from webhook_delivery d"
            + " join webhook_endpoint e on e.id = d.endpoint_id"
            + " where d.status = 'pending' and d.next_attempt_at <= $1 and (e.enabled or d.type = $4)"
            + " order by d.next_attempt_at limit $3 for update of d skip locked),"
            + " claimed as (update webhook_delivery d set next_attempt_at = $2 from due where d.id = due.id"
            + " returning d.id, d.endpoint_id, d.event_id, d.type, d.attempts)"
            + " select c.id, c.event_id, c.type, c.attempts, e.id as endpoint_id, e.url, e.secret_sealed"
            + " from claimed c join webhook_endpoint e on e.id = c.endpoint_id";

    private static final String OUTCOME = "update webhook_delivery set status = $3, attempts = attempts + 1,"
            + " last_error = $4, last_attempt_at = $5, next_attempt_at = $6 where id = $1 and next_attempt_at = $2";

    private final Pool pool;
    private final AuditEvents events;
    private final AddressGuard guard;
    private final WebhookSender sender;
    private final WebhookSecrets secrets;
    private final RetrySchedule retries;
    private final Vertx vertx;
    private final long everyMillis;
    private final int maxConcurrent;
    private final Duration lease;
    private final Duration lookUpTimeout;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean claiming = new AtomicBoolean();
    private long timer = -1;

    public WebhookDispatcher(
            Pool pool,
            AuditEvents events,
            AddressGuard guard,
            WebhookSender sender,
            WebhookSecrets secrets,
            RetrySchedule retries,
            Vertx vertx,
            ApiAccessConfig config) {
        this.pool = pool;
        this.events = events;
        this.guard = guard;
        this.sender = sender;
        this.secrets = secrets;
        this.retries = retries;
        this.vertx = vertx;
        this.everyMillis = config.webhooks().pollEvery().toMillis();
        this.maxConcurrent = Math.max(1, config.webhooks().maxConcurrent());
        // the look-up and the request each fit in the timeout; the rest is room for writing the outcome
        this.lease = config.webhooks().timeout().multipliedBy(2).plusSeconds(30);
        this.lookUpTimeout = config.webhooks().timeout();
    }

    void start(@Observes StartupEvent event) {
        timer = vertx.setPeriodic(everyMillis, id -> {
            if (claiming.compareAndSet(false, true)) {
                claim(Instant.now())
                        .subscribe()
                        .with(
                                attempts -> {
                                    claiming.set(false);
                                    attempts.subscribe().with(attempted -> {}, this::failed);
                                },
                                failure -> {
                                    claiming.set(false);
                                    failed(failure);
                                });
            }
        });
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    private record Claimed(
            long id, long eventId, String type, int attempts, String endpointId, String url, String sealed) {}

    /**
     * Claims what is due at {@code now} (as many as this replica has room for) and attempts each, all at
     * once; answers how many it attempted, when they are all done. Tests call it with a later
     * {@code now} instead of waiting for retries.
     */
    public Uni<Integer> deliverDue(Instant now) {
        return claim(now).chain(attempts -> attempts);
    }

    /** Claims what is due; the inner Uni attempts the claimed deliveries, when subscribed. */
    private Uni<Uni<Integer>> claim(Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MILLIS);
        Instant leaseEnd = at.plus(lease);
        int room = maxConcurrent - inFlight.get();
        if (room <= 0) {
            return Uni.createFrom().item(Uni.createFrom().item(0));
        }
        return pool.preparedQuery(CLAIM)
                .execute(Tuple.of(utc(at), utc(leaseEnd), room, EventTypes.TEST))
                .map(rows -> {
                    List<Claimed> claimed = new ArrayList<>();
                    for (Row row : rows) {
                        claimed.add(new Claimed(
                                row.getLong("id"),
                                row.getLong("event_id"),
                                row.getString("type"),
                                row.getInteger("attempts"),
                                row.getUUID("endpoint_id").toString(),
                                row.getString("url"),
                                row.getString("secret_sealed")));
                    }
                    if (claimed.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    inFlight.addAndGet(claimed.size());
                    return attemptAll(claimed, at, leaseEnd);
                });
    }

    private Uni<Integer> attemptAll(List<Claimed> claimed, Instant at, Instant leaseEnd) {
        return events.byIds(claimed.stream().map(Claimed::eventId).distinct().toList())
                .chain(found -> Multi.createFrom()
                        .iterable(claimed)
                        .onItem()
                        .transformToUni(delivery -> Uni.createFrom()
                                .deferred(() -> attempt(delivery, found.get(delivery.eventId()), at))
                                .chain(outcome -> record(delivery, outcome, at, leaseEnd))
                                .onFailure()
                                .recoverWithNull()
                                .onTermination()
                                .invoke(inFlight::decrementAndGet))
                        .merge(claimed.size())
                        .collect()
                        .asList())
                .onFailure()
                .invoke(() -> inFlight.addAndGet(-claimed.size()))
                .map(done -> claimed.size());
    }

    private void failed(Throwable failure) {
        LOG.debugf(
                "Webhook dispatch failed (%s); the next poll retries",
                failure.getClass().getSimpleName());
    }

    private Uni<WebhookSender.Outcome> attempt(Claimed delivery, JsonObject event, Instant now) {
        if (event == null) {
            return Uni.createFrom().item(new WebhookSender.Outcome(false, "the event no longer exists"));
        }
        List<FieldError> errors = new ArrayList<>();
        WebhookUrl url = WebhookUrl.parse(delivery.url(), guard.allowsHttp(), errors);
        if (url == null) {
            return Uni.createFrom()
                    .item(new WebhookSender.Outcome(
                            false, "url " + errors.get(0).message()));
        }
        byte[] key;
        try {
            key = secrets.signingKey(delivery.sealed(), delivery.endpointId());
        } catch (IllegalArgumentException e) {
            return Uni.createFrom()
                    .item(new WebhookSender.Outcome(
                            false, "the signing secret does not open (was api-access.webhooks.secret-key changed?)"));
        }
        String body = new JsonObject()
                .put("type", delivery.type())
                .put("timestamp", event.getString("at"))
                .put("data", event)
                .encode();
        String messageId = "evt_" + delivery.eventId();
        long timestamp = now.getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/json");
        headers.put("user-agent", "api-access-webhooks");
        headers.put("webhook-id", messageId);
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put("webhook-signature", Signature.of(key, messageId, timestamp, body));
        return guard.check(url)
                .ifNoItem()
                .after(lookUpTimeout)
                .failWith(() -> new AddressGuard.Refused("its host did not resolve in time"))
                .chain(address -> sender.post(url, address, headers, body))
                .onFailure(AddressGuard.Refused.class)
                .recoverWithItem(refused -> new WebhookSender.Outcome(false, "url: " + refused.getMessage()));
    }

    private Uni<Void> record(Claimed delivery, WebhookSender.Outcome outcome, Instant at, Instant leaseEnd) {
        String status;
        Instant next;
        if (outcome.delivered()) {
            status = "delivered";
            next = at;
        } else {
            next = retries.next(delivery.attempts() + 1, at);
            status = next == null ? "failed" : "pending";
            if (next == null) {
                LOG.infof(
                        "Webhook delivery %d (event %d, %s) to endpoint %s given up after %d attempts: %s",
                        delivery.id(),
                        delivery.eventId(),
                        delivery.type(),
                        delivery.endpointId(),
                        delivery.attempts() + 1,
                        outcome.error());
                next = at;
            }
            LOG.debugf(
                    "Webhook delivery %d (event %d, %s) attempt %d failed: %s",
                    delivery.id(), delivery.eventId(), delivery.type(), delivery.attempts() + 1, outcome.error());
        }
        String error = outcome.error() == null || outcome.error().length() <= ERROR_LENGTH
                ? outcome.error()
                : outcome.error().substring(0, ERROR_LENGTH);
        return pool.preparedQuery(OUTCOME)
                .execute(Tuple.from(new Object[] {
                    delivery.id(), utc(leaseEnd), status, error, utc(at), utc(next.truncatedTo(ChronoUnit.MILLIS))
                }))
                .replaceWithVoid();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
