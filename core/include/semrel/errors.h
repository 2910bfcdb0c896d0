// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <stdexcept>
#include <string>

namespace semrel {

// Every error the core reports derives from Error. Messages say what failed, where (file and
// field), and what was expected versus found, in words a user understands.
//
// what() holds that message on its first line. What a library reported (HDF5's own words, for
// a bug report) may follow on the lines after it, as technical detail: the command line prints
// all of it, the window shows the first line and the detail one click away.
class Error : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

// A message with technical detail after it (just the message when `detail` is empty).
inline std::string withTechnicalDetail(const std::string& message, const std::string& detail)
{
    return detail.empty() ? message : message + "\n" + detail;
}

// what() split into the message for the user and the technical detail (empty when none).
struct ErrorText
{
    std::string message;
    std::string detail;
};

inline ErrorText splitErrorText(const std::string& what)
{
    const std::size_t newline = what.find('\n');
    if (newline == std::string::npos)
        return {what, {}};
    return {what.substr(0, newline), what.substr(newline + 1)};
}

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
