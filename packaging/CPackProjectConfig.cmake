# SPDX-FileCopyrightText: 2026 SemRel Studio developers
# SPDX-License-Identifier: MIT
# Read by cpack before it builds a package (CPACK_PROJECT_CONFIG_FILE). For the .deb, the
# Depends field comes from dpkg-shlibdeps on the built programs, as CPack's own
# CPACK_DEBIAN_PACKAGE_SHLIBDEPS would, but with packaging/shlibs.local's overrides, which CPack
# offers no way to pass.
if(CPACK_GENERATOR STREQUAL "DEB")
    include("${CPACK_SEMREL_PROGRAMS_FILE}") # sets semrel_programs
    set(work "${CPACK_SEMREL_SHLIBDEPS_DIR}")
    file(REMOVE_RECURSE "${work}")
    file(MAKE_DIRECTORY "${work}/debian")
    file(WRITE "${work}/debian/control" "") # dpkg-shlibdeps wants a source package around it
    set(arguments -O --ignore-missing-info "-L${CPACK_SEMREL_SHLIBS_LOCAL}")
    foreach(program IN LISTS semrel_programs)
        list(APPEND arguments -e "${program}")
    endforeach()
    execute_process(COMMAND dpkg-shlibdeps ${arguments}
                    WORKING_DIRECTORY "${work}"
                    OUTPUT_VARIABLE substvars ERROR_VARIABLE errors RESULT_VARIABLE status
                    OUTPUT_STRIP_TRAILING_WHITESPACE)
    if(NOT status EQUAL 0)
        message(FATAL_ERROR "dpkg-shlibdeps failed (${status}): ${errors}")
    endif()
    string(REGEX REPLACE "^.*Depends=" "" CPACK_DEBIAN_PACKAGE_DEPENDS "${substvars}")
    set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS OFF)
endif()
