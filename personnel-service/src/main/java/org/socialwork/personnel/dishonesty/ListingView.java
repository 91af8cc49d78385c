package org.socialwork.personnel.dishonesty;

import java.time.LocalDate;
import java.util.UUID;

public record ListingView(UUID id, UUID workerId, String reason, LocalDate listedOn, LocalDate expiresOn,
        String listedBy, LocalDate delistedOn, String delistReason, String delistedBy, boolean effective) {

    static ListingView of(DishonestyListing l, LocalDate today) {
        return new ListingView(l.id, l.workerId, l.reason, l.listedOn, l.expiresOn, l.listedBy, l.delistedOn,
                l.delistReason, l.delistedBy, l.delistedOn == null && l.expiresOn.isAfter(today));
    }
}
