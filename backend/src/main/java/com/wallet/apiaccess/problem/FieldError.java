package com.wallet.apiaccess.problem;

/** One invalid JSON property: {@code field} names it as the client sent it ({@code roles[2]}). */
public record FieldError(String field, String message) {}
