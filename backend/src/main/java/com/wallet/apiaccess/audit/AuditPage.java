package com.wallet.apiaccess.audit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(requiredProperties = {"items", "total", "page", "size"})
public record AuditPage(List<AuditEventView> items, long total, int page, int size) {}
