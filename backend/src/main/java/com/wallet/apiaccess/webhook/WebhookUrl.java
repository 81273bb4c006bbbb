package com.wallet.apiaccess.webhook;

import com.wallet.apiaccess.problem.FieldError;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/** An endpoint's URL, checked for its form: absolute http(s), a host, no credentials, no fragment. */
record WebhookUrl(String text, String host, int port, boolean https, String requestUri) {

    static final int MAX_LENGTH = 2000;
    static final String FIELD = "url";

    /** The URL, or null with the reasons under {@code url} in {@code errors}. */
    static WebhookUrl parse(String text, boolean allowHttp, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            errors.add(new FieldError(FIELD, "is required"));
            return null;
        }
        if (text.length() > MAX_LENGTH) {
            errors.add(new FieldError(FIELD, "must be at most " + MAX_LENGTH + " characters"));
            return null;
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            errors.add(new FieldError(FIELD, "must be an absolute https URL"));
            return null;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean https = scheme.equals("https");
        if (!https && !(allowHttp && scheme.equals("http"))) {
            errors.add(new FieldError(FIELD, allowHttp ? "must be an http or https URL" : "must be an https URL"));
            return null;
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            errors.add(new FieldError(FIELD, "must name a host"));
            return null;
        }
        if (uri.getRawUserInfo() != null) {
            errors.add(new FieldError(FIELD, "must not carry a user name or password"));
            return null;
        }
        if (uri.getRawFragment() != null) {
            errors.add(new FieldError(FIELD, "must not have a fragment"));
            return null;
        }
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : https ? 443 : 80;
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String requestUri = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        return new WebhookUrl(text, host, port, https, requestUri);
    }

    /** The URL without its query: what the audit log and the logs show (a query may carry a token). */
    String shown() {
        return shown(text);
    }

    static String shown(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }
}
