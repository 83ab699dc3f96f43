package vn.teleconsult.platform.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.StaleStateException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.core.multipart.MultipartParser;
import vn.teleconsult.platform.text.InvalidText;
import vn.teleconsult.platform.text.Utf8Check;

/** Renders every error of the REST API as {@code application/problem+json}, once, in one place. */
public class ProblemMapper {

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return Problem.response(e.status(), e.title(), e.getMessage(), e.extensions());
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<String> errors = e.getConstraintViolations().stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .map(ProblemMapper::describe)
                .toList();
        return Problem.response(400, "Invalid request", String.join("; ", errors), Map.of("errors", errors));
    }

    @ServerExceptionMapper
    public Response unreadable(JsonMappingException e) {
        String detail;
        if (e instanceof InvalidText t) {
            detail = (e.getPath().isEmpty() ? "The text " : "Field '" + path(e) + "' ") + t.reason()
                    + "; send printable text only.";
        } else if (e instanceof UnrecognizedPropertyException u) {
            detail = "Unknown field '" + u.getPropertyName() + "'.";
        } else if (e instanceof InvalidFormatException f && f.getTargetType().isEnum()) {
            String allowed = Arrays.stream(f.getTargetType().getEnumConstants())
                    .map(Object::toString)
                    .collect(Collectors.joining(", "));
            detail = "Field '" + path(e) + "' must be one of " + allowed + ".";
        } else if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            detail = "Field '" + path(e) + "' has a value of the wrong type or format; expected "
                    + m.getTargetType().getSimpleName() + ".";
        } else if (!e.getPath().isEmpty()) {
            detail = "Field '" + path(e) + "' could not be read.";
        } else {
            detail = "The request body is not the JSON object this endpoint expects.";
        }
        return Problem.response(400, "Invalid request", detail);
    }

    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return unreadable(e);
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e) {
        return unreadable(e);
    }

    @ServerExceptionMapper
    public Response malformed(JsonParseException e) {
        return Problem.response(
                400,
                "Invalid request",
                "The request body is not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr() + ").");
    }

    @ServerExceptionMapper
    public Response notUtf8(Utf8Check.MalformedText e) {
        return Problem.response(
                400,
                "Invalid request",
                "The request is not valid UTF-8 (byte " + e.offset()
                        + "): overlong forms, encoded surrogates and broken sequences are refused.");
    }

    @ServerExceptionMapper
    public Response beyondLimits(StreamConstraintsException e) {
        return Problem.response(
                400,
                "Invalid request",
                "The request body goes beyond what this server reads: " + e.getOriginalMessage());
    }

    @ServerExceptionMapper
    public Response malformedMultipart(MultipartParser.MalformedMessageException e) {
        return Problem.response(
                400,
                "Invalid request",
                "The multipart body is malformed: a part's headers could not be read (a line break in a file name,"
                        + " a missing boundary or a cut-off part).");
    }

    /** The multipart parser reads from the client: its I/O failures (a body cut off before its end) are the client's. */
    @ServerExceptionMapper
    public Response io(IOException e) {
        var top = e.getStackTrace();
        if (top.length > 0 && top[0].getClassName().startsWith(MultipartParser.class.getPackageName() + ".")) {
            return Problem.response(
                    400,
                    "Invalid request",
                    "The multipart body ends before its closing boundary, or has no parts; send the whole body.");
        }
        return unexpected(e);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return Response.fromResponse(
                        Problem.response(401, "Unauthorized", "Sign in first: a valid bearer token is needed."))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return Response.fromResponse(
                        Problem.response(401, "Unauthorized", "The bearer token is invalid or has expired."))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.response(403, "Forbidden", "Your role does not allow this.");
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        if (e.getCause() instanceof JsonParseException parse) {
            return malformed(parse);
        }
        if (e.getCause() instanceof JsonMappingException mapping) {
            return unreadable(mapping);
        }
        if (e.getCause() instanceof Utf8Check.MalformedText text) {
            return notUtf8(text);
        }
        if (e.getCause() instanceof StreamConstraintsException limits) {
            return beyondLimits(limits);
        }
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status >= 500) {
            Log.errorf(e, "Request failed with %d", status);
            return Problem.response(status, "Server error", "The server could not complete the request.");
        }
        String title = original.getStatusInfo().getReasonPhrase();
        String detail =
                switch (status) {
                    case 404 -> "There is nothing at this address.";
                    case 405 -> "This address does not accept that HTTP method.";
                    case 406 -> "This address cannot answer in the requested media type.";
                    case 415 -> "This address does not accept that content type.";
                    default -> e.getMessage();
                };
        return Problem.response(status, title, detail);
    }

    /** Anything unexpected: logged with an id for the operator, answered without internals. */
    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            // a version check that failed at commit arrives wrapped (transaction rollback, interceptor)
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return Problem.response(
                        409,
                        "Changed by someone else",
                        "The record was changed by someone else at the same time; reload it and try again.");
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        String errorId = UUID.randomUUID().toString();
        Log.errorf(e, "Unexpected error %s", errorId);
        return Problem.response(
                500,
                "Server error",
                "The server could not complete the request; quote error id " + errorId + " to the operator.",
                Map.of("errorId", errorId));
    }

    private static String describe(ConstraintViolation<?> v) {
        String path = v.getPropertyPath().toString();
        // strip the method and parameter prefix (e.g. "create.request.name" -> "name")
        String[] parts = path.split("\\.");
        String field =
                parts.length > 2 ? String.join(".", List.of(parts).subList(2, parts.length)) : parts[parts.length - 1];
        return field + ": " + v.getMessage();
    }

    private static String path(JsonMappingException e) {
        var path = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
