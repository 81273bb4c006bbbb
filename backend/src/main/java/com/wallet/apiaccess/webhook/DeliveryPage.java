package com.wallet.apiaccess.webhook;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(requiredProperties = {"items", "total", "page", "size"})
public record DeliveryPage(List<DeliveryView> items, long total, int page, int size) {}
