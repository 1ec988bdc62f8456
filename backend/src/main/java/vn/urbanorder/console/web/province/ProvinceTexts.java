package vn.urbanorder.console.web.province;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The province pages' own texts (notices, refusals before the API is asked), from the console's messages. */
@Component
class ProvinceTexts {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final MessageSource messages;

    ProvinceTexts(MessageSource messages) {
        this.messages = messages;
    }

    String text(String key, Object... args) {
        return messages.getMessage(key, args, VIETNAMESE);
    }
}
