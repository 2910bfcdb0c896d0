// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/errors.h>

#include <exception>
#include <functional>
#include <string>

namespace semrel::test {

// The message of the ModelError `fn` throws. Anything else comes back as a text that starts
// with "NO MODELERROR" (and names another exception's message), so that a test comparing or
// searching the message fails and shows what happened instead.
inline std::string modelErrorOf(const std::function<void()>& fn)
{
    try {
        fn();
    } catch (const ModelError& e) {
        return e.what();
    } catch (const std::exception& e) {
        return std::string("NO MODELERROR, another exception: ") + e.what();
    }
    return "NO MODELERROR: nothing was thrown";
}

} // namespace semrel::test
