package org.imrindex.model;

import java.time.LocalDate;

/**
 * The injured worker, as far as the letter tells.
 *
 * @param age age in years, or null
 * @param sex sex as stated, or null
 * @param dateOfInjury date of the industrial injury, or null
 */
public record Patient(Integer age, Sex sex, LocalDate dateOfInjury) {}
