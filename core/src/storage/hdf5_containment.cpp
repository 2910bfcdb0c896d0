// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "storage/hdf5_containment.h"

#include "storage/hdf5_handle.h"

#include <vector>

namespace semrel::h5 {

namespace {

constexpr const char* kRule = ": files must be self-contained, so it is not followed";

herr_t refuseExternalLink(const char*, const char*, const char*, const char*, unsigned*, hid_t,
                          void*)
{
    return -1;
}

// "file:/object" of an external link, for the message.
std::string externalTarget(hid_t location, const std::string& path, std::size_t size)
{
    std::vector<char> value(size + 1, '\0');
    const char* file = nullptr;
    const char* object = nullptr;
    unsigned flags = 0;
    if (H5Lget_val(location, path.c_str(), value.data(), value.size(), H5P_DEFAULT) < 0 ||
        H5Lunpack_elink_val(value.data(), value.size(), &flags, &file, &object) < 0 || !file ||
        !object)
        return "another file";
    return "'" + std::string(file) + ":" + object + "'";
}

} // namespace

hid_t localAccess()
{
    // Created once, never closed: shared by every thread (HDF5 serialises its calls).
    static const hid_t access = [] {
        silenceErrors();
        const hid_t list = H5Pcreate(H5P_DATASET_ACCESS);
        if (list >= 0)
            H5Pset_elink_cb(list, refuseExternalLink, nullptr);
        return list;
    }();
    return access >= 0 ? access : H5P_DEFAULT;
}

std::string foreignLink(hid_t location, const std::string& path)
{
    H5L_info_t info{};
    if (H5Lget_info(location, path.c_str(), &info, H5P_DEFAULT) < 0)
        return "is a link that could not be read (file truncated or corrupt?)";
    switch (info.type) {
    case H5L_TYPE_HARD:
        return {};
    case H5L_TYPE_SOFT:
        return std::string("is a soft link (only plain members are read)") + kRule;
    case H5L_TYPE_EXTERNAL:
        return "is an external link to " + externalTarget(location, path, info.u.val_size) + kRule;
    default:
        return std::string("is a user-defined link") + kRule;
    }
}

std::string foreignStorage(hid_t dataset)
{
    Handle creation(H5Dget_create_plist(dataset), H5Pclose);
    if (!creation.valid())
        return "has storage settings that could not be read (file truncated or corrupt?)";
    if (H5Pget_layout(creation.get()) == H5D_VIRTUAL)
        return std::string("is a virtual dataset, whose data would come from other files") + kRule;
    const int external = H5Pget_external_count(creation.get());
    if (external < 0)
        return "has storage settings that could not be read (file truncated or corrupt?)";
    if (external > 0) {
        char name[256] = {};
        off_t offset = 0;
        hsize_t size = 0;
        H5Pget_external(creation.get(), 0, sizeof name - 1, name, &offset, &size);
        return "stores its data in the external file '" + std::string(name) + "'" + kRule;
    }
    return {};
}

} // namespace semrel::h5
