package com.wallet.apiaccess.client;

import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Locale;

@ApplicationScoped
@WithSession
public class ApiClientRepository implements PanacheRepositoryBase<ApiClient, Long> {

    public Uni<ApiClient> findByClientId(long walletId, String clientId) {
        return find("walletId = ?1 and clientId = ?2", walletId, clientId).firstResult();
    }

    /** The client an OAuth client id names, looked up by its wallet's external key. */
    public Uni<ApiClient> findByWalletKey(String walletKey, String clientId) {
        return find("select c from ApiClient c, Wallet w where w.id = c.walletId"
                + " and w.externalKey = ?1 and c.clientId = ?2", walletKey, clientId).firstResult();
    }

    public Uni<List<ApiClient>> search(long walletId, String q, ClientSort sort, int page, int size) {
        return query(walletId, q, sort).page(Page.of(page, size)).list();
    }

    public Uni<Long> countMatching(long walletId, String q) {
        if (q == null) {
            return count("walletId", walletId);
        }
        return count(SEARCH, searchParameters(walletId, q));
    }

    private static final String SEARCH = "walletId = :wallet and (lower(clientId) like :q escape '\\'"
            + " or lower(coalesce(notes, '')) like :q escape '\\')";

    private PanacheQuery<ApiClient> query(long walletId, String q, ClientSort sort) {
        Sort order = sort.toPanacheSort();
        if (q == null) {
            return find("walletId", order, walletId);
        }
        return find(SEARCH, order, searchParameters(walletId, q));
    }

    private static Parameters searchParameters(long walletId, String q) {
        String escaped = q.toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return Parameters.with("wallet", walletId).and("q", "%" + escaped + "%");
    }
}
