package com.wallet.apiaccess.client;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@Tag("unit")
class ClientSearchIndexTest {

    private static final LocalDate DAY = LocalDate.of(2027, 3, 1);

    /** Records in clientId order, as PostgreSQL's {@code order by client_id} gives them. */
    private static final ClientSearchIndex INDEX = new ClientSearchIndex.Builder(7, 2)
            .add("alpha", "first partner", DAY.plusDays(10), 3_000)
            .add("bravo", "", DAY.plusDays(5), 3_000)
            .add("charlie", "partner of alpha", DAY.plusDays(10), 1_000)
            .add("delta", "日本の partner", DAY, 2_000)
            .build();

    private static List<String> ids(int[] records) {
        return Arrays.stream(records).mapToObj(INDEX::clientId).toList();
    }

    private static List<String> page(String q, String sort, long offset, int size) {
        ClientSort order = ClientSort.parse(sort).orElseThrow();
        return ids(INDEX.page(INDEX.matching(q), order, offset, size));
    }

    @Test
    void shouldFindEachClientOnceWhetherItsIdOrItsNotesOrBothMatch() {
        assertThat(ids(INDEX.matching("alpha"))).containsExactly("alpha", "charlie");
        assertThat(ids(INDEX.matching("partner"))).containsExactly("alpha", "charlie", "delta");
        assertThat(ids(INDEX.matching("a"))).containsExactly("alpha", "bravo", "charlie", "delta");
        assertThat(ids(INDEX.matching("日本"))).containsExactly("delta");
    }

    @Test
    void shouldNotMatchAcrossFieldsOrClients() {
        assertThat(INDEX.matching("alphafirst")).isEmpty();
        assertThat(INDEX.matching("partnerbravo")).isEmpty();
        assertThat(INDEX.matching("ebravo")).isEmpty();
        assertThat(INDEX.matching("zulu")).isEmpty();
    }

    @Test
    void shouldOrderByEveryIndexedSortWithClientIdBreakingTies() {
        assertThat(page("a", "clientId", 0, 10)).containsExactly("alpha", "bravo", "charlie", "delta");
        assertThat(page("a", "-clientId", 0, 10)).containsExactly("delta", "charlie", "bravo", "alpha");
        assertThat(page("a", "expiryDate", 0, 10)).containsExactly("delta", "bravo", "alpha", "charlie");
        assertThat(page("a", "-expiryDate", 0, 10)).containsExactly("alpha", "charlie", "bravo", "delta");
        assertThat(page("a", "createdAt", 0, 10)).containsExactly("charlie", "delta", "alpha", "bravo");
        assertThat(page("a", "-createdAt", 0, 10)).containsExactly("alpha", "bravo", "delta", "charlie");
    }

    @Test
    void shouldCutPagesAfterOrdering() {
        assertThat(page("a", "-expiryDate", 1, 2)).containsExactly("charlie", "bravo");
        assertThat(page("a", "createdAt", 3, 2)).containsExactly("bravo");
        assertThat(page("a", "createdAt", 4, 2)).isEmpty();
        assertThat(page("a", "clientId", Long.MAX_VALUE / 2, 100)).isEmpty();
    }

    @Test
    void shouldSearchAWalletWithoutClients() {
        ClientSearchIndex empty = new ClientSearchIndex.Builder(1, 0).build();

        assertThat(empty.size()).isZero();
        assertThat(empty.matching("a")).isEmpty();
        assertThat(empty.page(empty.matching("a"), ClientSort.DEFAULT, 0, 20)).isEmpty();
    }

    @Test
    void shouldGrowPastTheExpectedNumberOfClients() {
        ClientSearchIndex.Builder builder = new ClientSearchIndex.Builder(1, 1);
        for (int i = 0; i < 1_000; i++) {
            builder.add("client-%04d".formatted(i), "notes " + i, DAY.plusDays(i % 7), i);
        }
        ClientSearchIndex index = builder.build();

        assertThat(index.size()).isEqualTo(1_000);
        assertThat(index.version()).isEqualTo(1);
        assertThat(Arrays.stream(index.matching("notes 99")).mapToObj(index::clientId))
                .containsExactly(
                        "client-0099",
                        "client-0990",
                        "client-0991",
                        "client-0992",
                        "client-0993",
                        "client-0994",
                        "client-0995",
                        "client-0996",
                        "client-0997",
                        "client-0998",
                        "client-0999");
        assertThat(Arrays.stream(index.page(
                                index.matching("client-"),
                                ClientSort.parse("-createdAt").orElseThrow(),
                                0,
                                2))
                        .mapToObj(index::clientId))
                .containsExactly("client-0999", "client-0998");
    }
}
