package com.wallet.apiaccess.client;

import java.util.List;

public record ClientPage(List<ClientView> items, long total, int page, int size) {
}
