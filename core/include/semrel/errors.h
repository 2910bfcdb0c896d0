// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <stdexcept>
#include <string>

namespace semrel {

// Every error the core reports derives from Error. Messages say what failed, where (file and
// field), and what was expected versus found, in words a user understands.
class Error : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

// Input data is missing, malformed or inconsistent.
class DataError : public Error
{
public:
    using Error::Error;
};

// A model file or the model's configuration is unusable.
class ModelError : public Error
{
public:
    using Error::Error;
};

// Training could not go on (for example, the loss became NaN).
class TrainingError : public Error
{
public:
    using Error::Error;
};

// An operation ended early because a stop was requested (progress.h, cancellableProgress()):
// not a failure, nothing to show a user.
class Cancelled : public Error
{
public:
    using Error::Error;
};

} // namespace semrel
