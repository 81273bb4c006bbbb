package com.wallet.apiaccess.user;

import com.wallet.apiaccess.problem.FieldError;
import com.wallet.apiaccess.problem.ProblemException;
import com.wallet.apiaccess.role.RoleCatalogue;
import com.wallet.apiaccess.role.RoleSet;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.regex.Pattern;

/**
 * What makes a username and a password acceptable, and a user request checked field by field before
 * any transaction opens: every broken field is named in one 400, and what passes comes out normalised.
 */
public final class UserRules {

    /** A user to create, valid in itself (whether the caller may grant its roles is the service's rule). */
    record NewUser(String username, String password, SortedSet<String> roles) {}

    /** New roles for a user, and a new password when {@code password} is not null. */
    record UserChange(SortedSet<String> roles, String password) {}

    public static final int PASSWORD_MIN = 12;
    /** bcrypt reads no further than 72 bytes; a longer password would be silently cut. */
    public static final int PASSWORD_MAX_BYTES = 72;

    static final String USERNAME_MESSAGE =
            "must be 3 to 64 characters of lower-case letters, digits, '.', '_', '@' and '-',"
                    + " starting and ending with a letter or digit";
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{1,62}[a-z0-9]");

    private UserRules() {}

    static NewUser newUser(CreateUserRequest request, RoleCatalogue catalogue) {
        requireBody(request);
        List<FieldError> errors = new ArrayList<>();
        username(request.username(), "username", errors);
        password(request.password(), "password", errors);
        SortedSet<String> roles = RoleSet.normalise(request.roles(), catalogue, "roles", errors);
        ProblemException.throwIfInvalid(errors);
        return new NewUser(request.username(), request.password(), roles);
    }

    static UserChange change(UpdateUserRequest request, RoleCatalogue catalogue) {
        requireBody(request);
        List<FieldError> errors = new ArrayList<>();
        SortedSet<String> roles = RoleSet.normalise(request.roles(), catalogue, "roles", errors);
        if (request.password() != null) {
            password(request.password(), "password", errors);
        }
        ProblemException.throwIfInvalid(errors);
        return new UserChange(roles, request.password());
    }

    static void requireBody(Object request) {
        if (request == null) {
            throw ProblemException.badRequest("A JSON body is required", null);
        }
    }

    public static boolean isValidUsername(String username) {
        return username != null && USERNAME.matcher(username).matches();
    }

    public static void username(String username, String field, List<FieldError> errors) {
        if (username == null || username.isEmpty()) {
            errors.add(new FieldError(field, "is required"));
        } else if (!isValidUsername(username)) {
            errors.add(new FieldError(field, USERNAME_MESSAGE));
        }
    }

    public static void password(String password, String field, List<FieldError> errors) {
        if (password == null || password.isEmpty()) {
            errors.add(new FieldError(field, "is required"));
        } else if (password.codePointCount(0, password.length()) < PASSWORD_MIN) {
            errors.add(new FieldError(field, "must be at least " + PASSWORD_MIN + " characters"));
        } else if (password.getBytes(StandardCharsets.UTF_8).length > PASSWORD_MAX_BYTES) {
            errors.add(new FieldError(field, "must be at most " + PASSWORD_MAX_BYTES + " bytes in UTF-8"));
        } else if (password.indexOf('\0') >= 0) {
            errors.add(new FieldError(field, "must not contain NUL characters"));
        }
    }
}
