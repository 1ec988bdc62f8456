package vn.urbanorder.console.web.people;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The pages' own refusals (before the API is asked), from the console's messages. */
@Component
class PeopleTexts {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final MessageSource messages;

    PeopleTexts(MessageSource messages) {
        this.messages = messages;
    }

    String text(String key) {
        return messages.getMessage(key, null, VIETNAMESE);
    }
}
