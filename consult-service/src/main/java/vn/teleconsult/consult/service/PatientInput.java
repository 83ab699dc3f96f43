package vn.teleconsult.consult.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import vn.teleconsult.consult.domain.Sex;
import vn.teleconsult.platform.text.Name;

/** The patient as the satellite identifies them; national ID and health-insurance number are optional. */
public record PatientInput(
        @NotBlank @Name @Size(max = 200) String name,
        @NotNull @PastOrPresent LocalDate birthDate,
        @NotNull Sex sex,
        @Size(max = 20) @Pattern(regexp = "[0-9]{9,12}", message = "must be 9 to 12 digits") String nationalId,
        @Size(max = 20) @Pattern(regexp = "[A-Za-z0-9]{10,20}", message = "must be 10 to 20 letters or digits")
                String insuranceNumber) {}
