package com.wallet.apiaccess.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

/**
 * JSON bodies mean exactly what they say: a number or boolean where a string belongs is a wrong type,
 * not something to convert quietly; a key given twice is refused, not read last-wins; a date is a
 * real calendar date written {@code YYYY-MM-DD}, never rounded to the end of the month.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        for (LogicalType type : new LogicalType[] {LogicalType.Textual, LogicalType.DateTime}) {
            mapper.coercionConfigFor(type)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Collection)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        // A JsonParseException naming the key; ProblemMapper turns it into a field error.
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        // Registered after Quarkus' JavaTimeModule, so it takes precedence over its lenient LocalDate reader.
        mapper.registerModule(new SimpleModule("StrictJson").addDeserializer(LocalDate.class, new StrictLocalDate()));
    }

    @Override
    public int priority() {
        // after the default customizers, among them the one that registers the java.time module
        return MINIMUM_PRIORITY;
    }

    /**
     * A string of exactly {@code YYYY-MM-DD} that names a day of the calendar ({@code 2031-02-29} and
     * {@code 2031-02-30} do not); anything else is an {@code InvalidFormatException} or a
     * {@code MismatchedInputException} of target type {@code LocalDate}, which names the field.
     */
    static final class StrictLocalDate extends StdScalarDeserializer<LocalDate> {

        private static final Pattern SHAPE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
        private static final DateTimeFormatter FORMAT =
                DateTimeFormatter.ISO_LOCAL_DATE.withResolverStyle(ResolverStyle.STRICT);

        StrictLocalDate() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
            }
            String text = parser.getText();
            if (SHAPE.matcher(text).matches()) {
                try {
                    return LocalDate.parse(text, FORMAT);
                } catch (DateTimeException impossible) {
                    // falls through: a well-formed string that names no day
                }
            }
            throw context.weirdStringException(text, LocalDate.class, "must be a date in the form YYYY-MM-DD");
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.DateTime;
        }
    }
}
