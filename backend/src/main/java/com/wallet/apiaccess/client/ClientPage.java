package com.wallet.apiaccess.client;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(requiredProperties = {"items", "total", "page", "size"})
public record ClientPage(List<ClientView> items, long total, int page, int size) {}
