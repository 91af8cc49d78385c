package org.socialwork.stations.agency;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class AgencyRepository implements PanacheRepositoryBase<Agency, UUID> {

    public boolean creditCodeTaken(String creditCode) {
        return count("creditCode", creditCode) > 0;
    }

    /** Agencies by id, for views that show an agency's name next to its id. */
    public Map<UUID, Agency> byIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        if (ids.size() == 1) {
            // A primary-key lookup: Hibernate re-translates queries with list parameters on every call.
            UUID id = ids.iterator().next();
            return findByIdOptional(id).map(agency -> Map.of(id, agency)).orElse(Map.of());
        }
        List<Agency> agencies = list("id in ?1", ids);
        return agencies.stream().collect(Collectors.toMap(a -> a.id, Function.identity()));
    }
}
