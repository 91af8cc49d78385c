package org.socialwork.personnel.training;

import java.math.BigDecimal;
import java.util.UUID;

/** Training hours of a worker in a calendar year (by the training's start date). */
public record TrainingHours(UUID workerId, int year, BigDecimal hours, long trainings, long completed) {
}
