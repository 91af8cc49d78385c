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
        List<Agency> agencies = list("id in ?1", ids);
        return agencies.stream().collect(Collectors.toMap(a -> a.id, Function.identity()));
    }
}
