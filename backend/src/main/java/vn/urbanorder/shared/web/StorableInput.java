package vn.urbanorder.shared.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;
import vn.urbanorder.shared.CalendarBounds;

/**
 * Refuses, while a JSON body is read, values the service could not store faithfully: text with a
 * NUL character (PostgreSQL's text cannot hold one) and dates outside {@link CalendarBounds}.
 * Each is a 422 naming the field ({@link Refused}), never a database error later.
 */
@Component
class StorableInput extends SimpleModule {

    private static final List<Class<?>> DATES =
            List.of(LocalDate.class, OffsetDateTime.class, ZonedDateTime.class, Instant.class);

    StorableInput() {
        super("urban-order-storable-input");
        setDeserializerModifier(new ValueDeserializerModifier() {
            @Override
            public ValueDeserializer<?> modifyDeserializer(
                    DeserializationConfig config,
                    tools.jackson.databind.BeanDescription.Supplier description,
                    ValueDeserializer<?> deserializer) {
                Class<?> type = description.getBeanClass();
                return type == String.class || DATES.contains(type) ? new Checked(deserializer) : deserializer;
            }
        });
    }

    /** A value of the body that was read but may not be kept; its path names the field. */
    static final class Refused extends InvalidFormatException {

        private final String reason;

        Refused(JsonParser parser, String reason, Object value, Class<?> type) {
            super(parser, reason, value, type);
            this.reason = reason;
        }

        String reason() {
            return reason;
        }

        /** The field as a client names it: {@code location.lat}, {@code members[2]}. */
        String field() {
            StringBuilder field = new StringBuilder();
            for (JacksonException.Reference reference : getPath()) {
                if (reference.getPropertyName() != null) {
                    field.append(field.isEmpty() ? "" : ".").append(reference.getPropertyName());
                } else if (reference.getIndex() >= 0) {
                    field.append('[').append(reference.getIndex()).append(']');
                }
            }
            return field.isEmpty() ? "body" : field.toString();
        }
    }

    private static final class Checked extends DelegatingDeserializer {

        Checked(ValueDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new Checked(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) {
            return checked(parser, super.deserialize(parser, context));
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context, Object into) {
            return checked(parser, super.deserialize(parser, context, into));
        }

        private static Object checked(JsonParser parser, Object value) {
            if (value instanceof String text && text.indexOf('\u0000') >= 0) {
                throw new Refused(parser, "Không được chứa ký tự NUL (\\u0000).", text, String.class);
            }
            if (value instanceof TemporalAccessor date
                    && date.isSupported(ChronoField.YEAR)
                    && !CalendarBounds.contains(date.get(ChronoField.YEAR))) {
                throw new Refused(parser, CalendarBounds.message(), value, value.getClass());
            }
            if (value instanceof Instant instant && !CalendarBounds.contains(instant)) {
                throw new Refused(parser, CalendarBounds.message(), value, Instant.class);
            }
            return value;
        }
    }
}
