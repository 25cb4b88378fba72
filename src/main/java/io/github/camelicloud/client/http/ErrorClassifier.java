package io.github.camelicloud.client.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelicloud.client.ICloudException;
import io.github.camelicloud.client.ICloudServiceException;
import io.github.camelicloud.client.SecurityKeyNotSupportedException;
import io.github.camelicloud.client.ServiceNotActivatedException;
import io.github.camelicloud.client.ServiceUnavailableException;
import io.github.camelicloud.client.SessionExpiredException;
import io.github.camelicloud.client.WebAccessDisabledException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns an answer into the error it stands for, in one place (icloud-protocol.md §8.1 and §8.2).
 * Callers handle the statuses that are part of a flow (e.g. 409 on sign-in) before asking.
 */
public final class ErrorClassifier {

    private ErrorClassifier() {
    }

    public static Optional<ICloudException> classify(ApiResponse response) {
        int status = response.status();
        if (status == 503 || status == 429) {
            return Optional.of(new ServiceUnavailableException(status, serverErrorCode(response.json()),
                    retryAfter(response).orElse(null)));
        }
        if (status == 421 || status == 450 || status == 500) {
            return Optional.of(new SessionExpiredException(status));
        }
        JsonNode json = response.json();
        if (json.isObject()) {
            Optional<ICloudException> fromBody = fromJsonBody(json, status);
            if (fromBody.isPresent()) {
                return fromBody;
            }
        }
        if (status >= 400) {
            String reason = firstNonBlank(serviceErrorMessage(json), response.message(), "HTTP error");
            return Optional.of(new ICloudServiceException(reason + " (" + status + ")", status,
                    Optional.ofNullable(serviceErrorCode(json)).orElse(String.valueOf(status))));
        }
        return Optional.empty();
    }

    /** Seconds from a Retry-After header, or from a CloudKit body's {@code retryAfter}. */
    public static Optional<Duration> retryAfter(ApiResponse response) {
        Optional<String> header = response.header("Retry-After");
        if (header.isPresent()) {
            return retryAfterHeader(header.get());
        }
        JsonNode seconds = response.json().path("retryAfter");
        return seconds.canConvertToLong() ? Optional.of(Duration.ofSeconds(seconds.asLong())) : Optional.empty();
    }

    /** A Retry-After header in seconds; an HTTP-date (or garbage) gives empty: our own back-off applies. */
    public static Optional<Duration> retryAfterHeader(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.ofSeconds(Long.parseLong(value.trim())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<ICloudException> fromJsonBody(JsonNode json, int status) {
        String serverCode = serverErrorCode(json);
        if (serverCode != null) {
            return Optional.of(fromServerErrorCode(serverCode, json.path("reason").asText(""), status));
        }
        if (json.path("hasError").asBoolean(false)) {
            JsonNode first = json.path("service_errors").path(0);
            return Optional.of(new ICloudServiceException(
                    firstNonBlank(first.path("message").asText(null), "Apple reported an error") + " ("
                            + status + ")", status, first.path("code").asText(null)));
        }
        JsonNode success = json.get("success");
        if (success != null && !success.asBoolean(false)) {
            String reason = firstNonBlank(json.path("errorMessage").asText(null), json.path("reason").asText(null),
                    json.path("errorReason").asText(null), json.path("error").isTextual()
                            ? json.path("error").asText() : null);
            if (reason != null) {
                return Optional.of(new ICloudServiceException(reason, status,
                        firstNonBlank(json.path("errorCode").asText(null), json.path("error").asText(null))));
            }
        }
        return Optional.empty();
    }

    private static ICloudException fromServerErrorCode(String code, String reason, int status) {
        switch (code) {
            case "ACCESS_DENIED":
                return new WebAccessDisabledException(reason.isEmpty() ? "access denied" : reason, status, code);
            case "ZONE_NOT_FOUND":
                return new ServiceNotActivatedException(code + ": " + reason, status, code);
            case "AUTHENTICATION_FAILED":
                if (reason.toLowerCase(Locale.ROOT).contains("no auth method")) {
                    return new SecurityKeyNotSupportedException("this Apple Account", status);
                }
                if (status == 401) {
                    return new SessionExpiredException(status); // CloudKit's other way to say so (rclone re-signs too)
                }
                return new ServiceNotActivatedException(code + ": " + reason, status, code);
            case "THROTTLED":
            case "TRY_AGAIN_LATER":
            case "RETRY_LATER":
                return new ServiceUnavailableException(status, code, null);
            default:
                return new ICloudServiceException("iCloud answered " + code
                        + (reason.isEmpty() ? "" : ": " + reason) + " (" + status + ")", status, code);
        }
    }

    private static String serverErrorCode(JsonNode json) {
        JsonNode code = json.path("serverErrorCode");
        return code.isTextual() ? code.asText() : null;
    }

    private static String serviceErrorMessage(JsonNode json) {
        JsonNode first = json.path("serviceErrors").path(0);
        return first.isMissingNode() ? null : first.path("message").asText(null);
    }

    private static String serviceErrorCode(JsonNode json) {
        JsonNode first = json.path("serviceErrors").path(0);
        return first.isMissingNode() ? null : first.path("code").asText(null);
    }

    private static String firstNonBlank(String... candidates) {
        for (String c : candidates) {
            if (c != null && !c.isBlank()) {
                return c;
            }
        }
        return null;
    }
}
