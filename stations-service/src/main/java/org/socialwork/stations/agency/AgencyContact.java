package org.socialwork.stations.agency;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;

/** Whom a bureau reaches at an agency. Phone numbers are personal data kept by personnel-service, not here. */
public record AgencyContact(
        @Size(max = 100) String person,
        @Email @Size(max = 200) String email,
        @Size(max = 500) String address) {
}
