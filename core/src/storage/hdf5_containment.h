// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <hdf5.h>

#include <string>

namespace semrel::h5 {

// A file the user opens must be self-contained: HDF5 can make a dataset's data come from other
// files (external storage: raw bytes from any file, such as /etc/passwd or a FIFO; virtual
// datasets: from datasets in other files) and a link point into another file (external links).
// Readers refuse all three; nothing is followed. Soft and user-defined links are refused too:
// our files and MATLAB's use hard links only.

// A link (and dataset) access property list under which HDF5 refuses to traverse an external
// link: pass it to every open by name, as a second guard behind foreignLink().
hid_t localAccess();

// Why the link `path` (relative to `location`, which must exist) may not be followed, such as
// "is an external link to 'other.h5:/x'", or an empty string for a hard link.
std::string foreignLink(hid_t location, const std::string& path);

// Why the open dataset's data would come from outside the file ("stores its data in the
// external file '/dev/zero'", "is a virtual dataset ..."), or an empty string. Nothing is read.
std::string foreignStorage(hid_t dataset);

} // namespace semrel::h5
