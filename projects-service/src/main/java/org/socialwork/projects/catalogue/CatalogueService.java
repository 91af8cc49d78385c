package org.socialwork.projects.catalogue;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.socialwork.platform.problem.Problems;
import org.socialwork.platform.security.CallerScope;
import org.socialwork.platform.security.Roles;
import org.socialwork.platform.time.BusinessClock;

@ApplicationScoped
public class CatalogueService {

    @Inject
    BusinessClock clock;

    @Inject
    ServiceItemRepository items;

    @Inject
    CallerScope caller;

    @Transactional
    public List<ServiceItemView> list() {
        return items.listAll(io.quarkus.panache.common.Sort.by("category", "code")).stream().map(ServiceItemView::of).toList();
    }

    @Transactional
    public ServiceItemView create(ServiceItemRequest request) {
        caller.requireAnyRole(Roles.PLATFORM_ADMIN);
        if (items.findByIdOptional(request.code()).isPresent()) {
            throw Problems.conflict("catalogue.code.taken", request.code());
        }
        ServiceItem item = new ServiceItem();
        item.code = request.code();
        item.category = request.category();
        item.labelZh = request.labelZh().strip();
        item.labelEn = request.labelEn().strip();
        item.createdAt = clock.now();
        items.persist(item);
        cache = null;
        return ServiceItemView.of(item);
    }

    /** The category of every code; 422 naming the first code the catalogue does not know. */
    public Map<String, String> requireKnown(Collection<String> codes) {
        Map<String, String> categories = categories();
        for (String code : codes) {
            if (!categories.containsKey(code)) {
                throw Problems.rule("catalogue.code.unknown", code);
            }
        }
        return categories;
    }

    /**
     * The whole catalogue as code → category. Every service record checks its items against it, so
     * it is kept for a few seconds instead of read per request; an item added on another instance
     * is known here at the latest {@link #CACHE_FOR} later (added here: at once).
     */
    public Map<String, String> categories() {
        Cached cached = cache;
        if (cached != null && System.nanoTime() - cached.loadedAt < CACHE_FOR.toNanos()) {
            return cached.categories;
        }
        Map<String, String> fresh = java.util.Collections.unmodifiableMap(items.listAll().stream()
                .collect(Collectors.toMap(i -> i.code, i -> i.category, (a, b) -> a, TreeMap::new)));
        cache = new Cached(fresh, System.nanoTime());
        return fresh;
    }

    static final java.time.Duration CACHE_FOR = java.time.Duration.ofSeconds(10);

    private record Cached(Map<String, String> categories, long loadedAt) {
    }

    private volatile Cached cache;
}
