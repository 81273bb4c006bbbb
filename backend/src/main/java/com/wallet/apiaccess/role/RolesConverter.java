package com.wallet.apiaccess.role;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.SortedSet;

/** Stores a role set as one space-separated column, the way an OAuth scope reads. */
@Converter
public class RolesConverter implements AttributeConverter<SortedSet<String>, String> {

    @Override
    public String convertToDatabaseColumn(SortedSet<String> roles) {
        return roles == null ? "" : RoleSet.join(roles);
    }

    @Override
    public SortedSet<String> convertToEntityAttribute(String column) {
        return RoleSet.split(column);
    }
}
