# SPDX-FileCopyrightText: 2026 SemRel Studio developers
# SPDX-License-Identifier: MIT
# ctest's `format` test: fails when a C++ file differs from .clang-format, naming the files, so
# that formatting is checked rather than hoped for. Fix with `clang-format -i FILE...` (the
# clang-format 14 of Debian 12; other versions format a few constructs differently).
# Usage: cmake -DCLANG_FORMAT=... -DSOURCE_DIR=... -P CheckFormat.cmake
if(NOT CLANG_FORMAT)
    message(FATAL_ERROR "clang-format was not found at configure time: install clang-format "
                        "(packaging/install-deps.sh does) and configure again")
endif()
set(sources)
foreach(folder app core tests ui)
    file(GLOB_RECURSE found RELATIVE ${SOURCE_DIR}
         ${SOURCE_DIR}/${folder}/*.cpp ${SOURCE_DIR}/${folder}/*.h)
    list(APPEND sources ${found})
endforeach()
list(SORT sources)
execute_process(COMMAND ${CLANG_FORMAT} --dry-run ${sources}
                WORKING_DIRECTORY ${SOURCE_DIR}
                RESULT_VARIABLE status ERROR_VARIABLE report)
if(NOT status EQUAL 0)
    message(FATAL_ERROR "clang-format failed (${status}): ${report}")
endif()
string(REGEX MATCHALL "[^\n]+: warning: code should be clang-formatted" drifts "${report}")
set(files)
foreach(drift ${drifts})
    string(REGEX REPLACE ":[0-9]+:[0-9]+: warning.*" "" file "${drift}")
    list(APPEND files ${file})
endforeach()
list(REMOVE_DUPLICATES files)
list(LENGTH sources checked)
list(LENGTH files drifting)
if(drifting GREATER 0)
    list(JOIN files "\n  " listed)
    message(FATAL_ERROR "${drifting} of ${checked} files differ from .clang-format:\n  ${listed}\n"
                        "Run: clang-format -i on them")
endif()
message(STATUS "${checked} files match .clang-format")
