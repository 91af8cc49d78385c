package org.socialwork.personnel.training;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class TrainingRepository implements PanacheRepositoryBase<Training, UUID> {
}
