# SPDX-FileCopyrightText: 2026 SemRel Studio developers
# SPDX-License-Identifier: MIT
# semrel_add_test(name SOURCE file LIBS libs... [LABELS labels...])
# One Qt Test executable per concept, registered with ctest. Tests run headless.
function(semrel_add_test name)
    cmake_parse_arguments(ARG "" "SOURCE" "LIBS;LABELS" ${ARGN})
    add_executable(${name} ${ARG_SOURCE})
    set_target_properties(${name} PROPERTIES AUTOMOC ON)
    target_link_libraries(${name} PRIVATE Qt6::Test semrel_test_support ${ARG_LIBS})
    semrel_warnings(${name})
    add_test(NAME ${name} COMMAND ${name})
    set_tests_properties(${name} PROPERTIES
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;OMP_WAIT_POLICY=PASSIVE;SEMREL_SHARED_DATA=${SEMREL_SHARED_DATA}"
        LABELS "${ARG_LABELS}")
endfunction()
