package org.socialwork.platform.problem;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Localised messages for problems. Looks a key up in the service's bundle ({@code i18n/service})
 * first, then in the platform's ({@code i18n/platform}); zh-CN unless the caller prefers English.
 */
public final class Messages {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final Locale ENGLISH = Locale.ENGLISH;

    private static final List<String> BUNDLES = List.of("i18n.service", "i18n.platform");

    private Messages() {
    }

    /** The first supported language among the caller's preferences (Accept-Language order). */
    public static Locale choose(List<Locale> acceptable) {
        for (Locale locale : acceptable) {
            if ("zh".equals(locale.getLanguage())) {
                return CHINESE;
            }
            if ("en".equals(locale.getLanguage())) {
                return ENGLISH;
            }
        }
        return CHINESE;
    }

    public static String get(Locale locale, String key, Object... args) {
        for (String name : BUNDLES) {
            try {
                ResourceBundle bundle = ResourceBundle.getBundle(name, locale, Messages.class.getClassLoader(),
                        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
                if (bundle.containsKey(key)) {
                    return new MessageFormat(bundle.getString(key), locale).format(args);
                }
            } catch (MissingResourceException e) {
                // this bundle does not exist (a service without its own messages): try the next
            }
        }
        return key;
    }
}
