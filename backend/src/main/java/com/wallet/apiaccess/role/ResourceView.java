package com.wallet.apiaccess.role;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One row of the permissions grid. */
@Schema(requiredProperties = {"id", "name", "description"})
public record ResourceView(String id, String name, String description) {}
