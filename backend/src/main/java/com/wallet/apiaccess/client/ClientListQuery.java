package com.wallet.apiaccess.client;

import com.wallet.apiaccess.problem.FieldError;
import com.wallet.apiaccess.problem.ProblemException;
import com.wallet.apiaccess.problem.QueryParameters;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The admin list's query parameters, checked: every bad one is named in one 400. */
record ClientListQuery(String q, ClientFilter filter, ClientSort sort, int page, int size) {

    static final int MAX_PAGE_SIZE = 100;
    static final int MAX_QUERY_LENGTH = 200;
    static final int MAX_UNUSED_DAYS = 36_500;

    static ClientListQuery parse(String q, String sort, String page, String size, String status, String unusedDays) {
        List<FieldError> errors = new ArrayList<>();
        int pageNumber = QueryParameters.wholeNumber(page, 0, Integer.MAX_VALUE / MAX_PAGE_SIZE, "page", errors);
        int pageSize = QueryParameters.wholeNumber(size, 1, MAX_PAGE_SIZE, "size", errors);
        String query = q == null || q.isBlank() ? null : q.strip();
        if (query != null && query.length() > MAX_QUERY_LENGTH) {
            errors.add(new FieldError("q", "must be at most " + MAX_QUERY_LENGTH + " characters"));
        } else if (query != null && query.chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError("q", "must not contain control characters"));
        }
        Optional<ClientSort> order = ClientSort.parse(sort);
        if (order.isEmpty()) {
            errors.add(new FieldError("sort", ClientSort.RULE));
        }
        ClientFilter filter = new ClientFilter(
                statuses(status, errors),
                unusedDays == null || unusedDays.isBlank()
                        ? null
                        : QueryParameters.wholeNumber(unusedDays, 1, MAX_UNUSED_DAYS, "unusedDays", errors));
        ProblemException.throwIfInvalid(errors);
        return new ClientListQuery(query, filter, order.get(), pageNumber, pageSize);
    }

    private static Set<ClientStatus> statuses(String param, List<FieldError> errors) {
        Set<ClientStatus> statuses = EnumSet.noneOf(ClientStatus.class);
        if (param == null || param.isBlank()) {
            return statuses;
        }
        for (String word : param.split(",", -1)) {
            Optional<ClientStatus> status = ClientStatus.parse(word);
            if (status.isEmpty()) {
                errors.add(new FieldError("status", ClientStatus.RULE));
                return statuses;
            }
            statuses.add(status.get());
        }
        return statuses;
    }
}
