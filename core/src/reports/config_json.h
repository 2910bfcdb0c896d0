// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/reports/config_json.h>

#include <nlohmann/json.hpp>

namespace semrel {

// The one place where a TrainingConfig becomes JSON and back (public text form:
// <semrel/reports/config_json.h>). Both directions read the same field table.
nlohmann::json configJson(const TrainingConfig& config, ConfigJsonScope scope);

// Reads the fields of `scope` from `j` (the others keep their defaults) and validates the result.
// Throws nlohmann::json::exception for a missing field or a wrong type (its message names the
// key), Error for a value out of range or an unknown name.
TrainingConfig configFromJson(const nlohmann::json& j, ConfigJsonScope scope);

// A measured number: NaN ("not measured") is written as null and read back as NaN.
nlohmann::json measuredJson(double value);
double measuredFrom(const nlohmann::json& object, const char* field);

} // namespace semrel
