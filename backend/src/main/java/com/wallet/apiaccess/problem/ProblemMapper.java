package com.wallet.apiaccess.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.wallet.apiaccess.database.DatabaseFailures;
import com.wallet.apiaccess.database.OutageLog;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The one place where anything thrown on {@code /api} becomes RFC 9457 problem+json. Nothing of a
 * Java class name, stack trace or SQL reaches the client; unexpected failures are logged with an id
 * that the answer repeats.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);
    static final String BEARER_CHALLENGE = "Bearer realm=\"api-access\"";

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e);
    }

    @ServerExceptionMapper
    public Response unknownProperty(UnrecognizedPropertyException e) {
        String field = path(e);
        return respond(ProblemException.badRequest(
                "Unknown property '" + field + "'", List.of(new FieldError(field, "is not a known property"))));
    }

    @ServerExceptionMapper
    public Response wrongType(MismatchedInputException e) {
        String field = path(e);
        if (field.isEmpty()) {
            return respond(ProblemException.badRequest("The request body must be a JSON object", null));
        }
        String message = "must be " + describe(e.getTargetType());
        return respond(ProblemException.badRequest(field + ": " + message, List.of(new FieldError(field, message))));
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        if (e instanceof InvalidFormatException || e instanceof MismatchedInputException) {
            return wrongType((MismatchedInputException) e);
        }
        String field = duplicateKey(e);
        if (field != null) {
            return respond(ProblemException.badRequest(
                    "Property '" + field + "' appears more than once",
                    List.of(new FieldError(field, "appears more than once"))));
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            field = path(mapping);
            return respond(ProblemException.badRequest(
                    field + ": has an invalid value", List.of(new FieldError(field, "has an invalid value"))));
        }
        return respond(ProblemException.badRequest("The request body is not well-formed JSON", null));
    }

    @ServerExceptionMapper
    public Response notAuthenticated(AuthenticationFailedException e) {
        if (DatabaseFailures.isUnavailable(e)) {
            return unexpected(e);
        }
        String reason = InvalidToken.reasonOf(e);
        LOG.debugf("Bearer token refused: %s", reason == null ? "no reason given" : reason);
        if (reason == null) {
            if (e.getCause() != null) {
                LOG.error("Bearer check failed unexpectedly", e.getCause());
            }
            return respond(ProblemException.unauthorized("A valid bearer token is required", BEARER_CHALLENGE));
        }
        String challenge = InvalidToken.challengeOf(e);
        return respond(ProblemException.unauthorized(
                reason,
                (challenge != null ? challenge : BEARER_CHALLENGE + ", error=\"invalid_token\"")
                        + ", error_description=\"" + reason.replace("\"", "'") + "\""));
    }

    @ServerExceptionMapper
    public Response notAuthenticated(UnauthorizedException e) {
        return respond(ProblemException.unauthorized("A valid bearer token is required", BEARER_CHALLENGE));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(new ProblemException(
                403,
                ProblemTypes.FORBIDDEN,
                "Forbidden",
                "Your roles do not allow this",
                null,
                java.util.Map.of("WWW-Authenticate", "Bearer error=\"insufficient_scope\"")));
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status == 400 && e.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json); // Quarkus' JSON reader wraps what the parser refuses
        }
        if (status >= 500) {
            return unexpected(e);
        }
        Response.Status.Family family = Response.Status.Family.familyOf(status);
        if (family != Response.Status.Family.CLIENT_ERROR) {
            return e.getResponse();
        }
        String title = Response.Status.fromStatusCode(status) == null
                ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "No such resource";
            case 405 -> "This method is not allowed here";
            case 406 -> "This resource answers application/json only";
            case 413 -> "The request body is too large";
            case 415 -> "The request body must be application/json";
            default -> title;
        };
        return respond(new ProblemException(status, "about:blank", title, detail, null, null));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        if (e instanceof ProblemException problem) {
            return respond(problem);
        }
        if (DatabaseFailures.isUnavailable(e)) {
            OutageLog.refused("/api", e);
            return respond(ProblemException.unavailable("The database is unavailable; try again shortly"));
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure, incident %s", incident);
        return respond(new ProblemException(
                500,
                ProblemTypes.INTERNAL,
                "Internal Server Error",
                "An unexpected error occurred (incident " + incident + ")",
                null,
                null));
    }

    public static Response respond(ProblemException e) {
        Response.ResponseBuilder builder =
                Response.status(e.status()).type(Problem.MEDIA_TYPE).entity(e.toProblem());
        e.headers().forEach(builder::header);
        return builder.build();
    }

    private static String path(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    /**
     * The path of the key that {@link JsonParser.Feature#STRICT_DUPLICATE_DETECTION} refused, from the
     * parser's own context (which has just read that key), or null when {@code failure} is another one.
     * Only the message's prefix tells that failure from other parse errors; the name is the context's.
     */
    private static String duplicateKey(Throwable failure) {
        // a duplicate within a nested object reaches us wrapped in the JsonMappingException of its parent
        Throwable e = failure;
        while (e != null && !(e instanceof StreamReadException)) {
            e = e.getCause() == e ? null : e.getCause();
        }
        if (!(e instanceof StreamReadException read)
                || read.getProcessor() == null
                || read.getOriginalMessage() == null
                || !read.getOriginalMessage().startsWith("Duplicate field")) {
            return null;
        }
        JsonStreamContext context = read.getProcessor().getParsingContext();
        if (context == null || !context.inObject() || context.getCurrentName() == null) {
            return null;
        }
        ArrayDeque<JsonStreamContext> chain = new ArrayDeque<>();
        for (JsonStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            chain.addFirst(at);
        }
        StringBuilder out = new StringBuilder();
        for (JsonStreamContext at : chain) {
            if (at.inArray()) {
                out.append('[').append(Math.max(at.getCurrentIndex(), 0)).append(']');
            } else if (at.getCurrentName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(at.getCurrentName());
            }
        }
        return out.toString();
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == LocalDate.class) {
            return "a date in the form YYYY-MM-DD";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 timestamp";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            return "one of "
                    + java.util.Arrays.stream(type.getEnumConstants())
                            .map(Object::toString)
                            .collect(java.util.stream.Collectors.joining(", "));
        }
        return "an object";
    }
}
