package org.socialwork.personnel.dispatch;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A dispatch programme; {@code localTrainees} counts the local workers (培养对象) it trains. */
public record ProgrammeRequest(
        @NotBlank @Size(max = 300) String name,
        @NotNull @Min(2000) @Max(2100) Integer year,
        @NotNull @Pattern(regexp = "\\d{2}|\\d{4}|\\d{6}") String sendingRegionCode,
        @NotBlank @Size(max = 200) String sendingUnit,
        @NotNull @Pattern(regexp = "\\d{6}") String receivingCountyCode,
        @NotNull @Min(0) Integer localTrainees) {
}
