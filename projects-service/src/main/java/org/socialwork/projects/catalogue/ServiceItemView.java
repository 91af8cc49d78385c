package org.socialwork.projects.catalogue;

/** A catalogue entry as the API shows it. */
public record ServiceItemView(String code, String category, String labelZh, String labelEn) {

    static ServiceItemView of(ServiceItem i) {
        return new ServiceItemView(i.code, i.category, i.labelZh, i.labelEn);
    }
}
