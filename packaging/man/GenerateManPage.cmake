# SPDX-FileCopyrightText: 2026 SemRel Studio developers
# SPDX-License-Identifier: MIT
#
# Writes a man page from a hand-written template and the program's own --help, so that the
# options (and, for `semrel`, the verbs) the page lists are the ones the program has: a new verb
# or option appears in the page at the next build. Then gzips it as Debian installs man pages.
#
# cmake -DPROGRAM=<built program> -DSTYLE=cli11|qt -DTEMPLATE=<x.1.in> -DOUTPUT=<x.1>
#       -DVERSION=<project version> -DMETAINFO=<metainfo.xml> -P GenerateManPage.cmake
#
# The template's @VERSION@, @DATE@ (the metainfo's release of VERSION), @OPTIONS@ (the
# program's options) and, with STYLE=cli11, @COMMANDS@ (one subsection per verb, from
# `PROGRAM VERB --help`) are replaced.
cmake_minimum_required(VERSION 3.25)
foreach(var PROGRAM STYLE TEMPLATE OUTPUT VERSION METAINFO)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "GenerateManPage.cmake: -D${var}=... is required")
    endif()
endforeach()

# Text for roff: backslashes escaped, no line read as a request.
function(roff_text text out)
    string(REPLACE "\\" "\\e" text "${text}")
    string(REGEX REPLACE "^([.'])" "\\\\&\\1" text "${text}")
    set(${out} "${text}" PARENT_SCOPE)
endfunction()

# An option's term: its names in bold with real minus signs, the rest (type, default) as is.
function(roff_term term out)
    roff_text("${term}" term)
    if(term MATCHES "^(-[^ ]*)(.*)$")
        set(names "${CMAKE_MATCH_1}")
        set(rest "${CMAKE_MATCH_2}")
        string(REPLACE "-" "\\-" names "${names}")
        set(term "\\fB${names}\\fR${rest}")
    endif()
    set(${out} "${term}" PARENT_SCOPE)
endfunction()

function(run_help out)
    execute_process(COMMAND ${CMAKE_COMMAND} -E env QT_QPA_PLATFORM=offscreen
                            ${PROGRAM} ${ARGN} --help
                    OUTPUT_VARIABLE text ERROR_QUIET RESULT_VARIABLE status)
    if(NOT status EQUAL 0)
        message(FATAL_ERROR "GenerateManPage.cmake: `${PROGRAM} ${ARGN} --help` failed: ${status}")
    endif()
    # Semicolons would split the text as a CMake list; they come back in the written page.
    string(REPLACE ";" "%SEMICOLON%" text "${text}")
    set(${out} "${text}" PARENT_SCOPE)
endfunction()

# The lines of one help section ("Options:", "Positionals:", "Subcommands:", ...): a section
# starts at its unindented title line ending in a colon and runs to the next such line.
function(help_section_lines help section out)
    string(REPLACE "\n" ";" lines "${help}")
    set(inside FALSE)
    set(section_lines "")
    foreach(line IN LISTS lines)
        if(line MATCHES "^[^ ].*:$")
            set(inside FALSE)
            if(line STREQUAL "${section}:")
                set(inside TRUE)
            endif()
        elseif(inside AND NOT line STREQUAL "")
            list(APPEND section_lines "${line}")
        endif()
    endforeach()
    set(${out} "${section_lines}" PARENT_SCOPE)
endfunction()

# The entries of a help section as roff .TP paragraphs: an entry starts with two spaces and its
# term, its description follows after two or more spaces or on the lines below, indented.
function(help_section_to_roff help section out)
    help_section_lines("${help}" ${section} lines)
    set(roff "")
    foreach(line IN LISTS lines)
        if(line MATCHES "^  ([^ ]+( [^ ]+)*)( [ ]+(.*))?$")
            roff_term("${CMAKE_MATCH_1}" term)
            roff_text("${CMAKE_MATCH_4}" description)
            string(APPEND roff ".TP\n${term}\n")
            if(NOT description STREQUAL "")
                string(APPEND roff "${description}\n")
            endif()
        elseif(line MATCHES "^ +(.*)$")
            roff_text("${CMAKE_MATCH_1}" description)
            string(APPEND roff "${description}\n")
        endif()
    endforeach()
    set(${out} "${roff}" PARENT_SCOPE)
endfunction()

# One subsection per verb listed under "Subcommands:": its usage line, description and options.
function(cli11_commands_to_roff help out)
    help_section_lines("${help}" Subcommands lines)
    set(roff "")
    foreach(line IN LISTS lines)
        if(line MATCHES "^  ([a-z][a-z0-9-]*)( |$)")
            set(verb "${CMAKE_MATCH_1}")
            run_help(verb_help ${verb})
            string(REGEX MATCH "^[^\n]*" description "${verb_help}")
            string(REGEX MATCH "\nUsage: [^ \n]*[/ ]?(semrel [^\n]*)" usage "${verb_help}")
            set(usage "${CMAKE_MATCH_1}")
            roff_text("${description}" description)
            string(REPLACE "-" "\\-" usage "${usage}")
            string(APPEND roff ".SS ${verb}\n.B ${usage}\n.PP\n${description}\n")
            foreach(section Positionals Options)
                help_section_to_roff("${verb_help}" ${section} entries)
                if(NOT entries STREQUAL "")
                    set(title ${section})
                    if(section STREQUAL "Positionals")
                        set(title Arguments)
                    endif()
                    string(APPEND roff ".PP\n\\fI${title}:\\fR\n${entries}")
                endif()
            endforeach()
        endif()
    endforeach()
    set(${out} "${roff}" PARENT_SCOPE)
endfunction()

run_help(help)
help_section_to_roff("${help}" Options OPTIONS)
if(STYLE STREQUAL "cli11")
    cli11_commands_to_roff("${help}" COMMANDS)
elseif(STYLE STREQUAL "qt")
    help_section_to_roff("${help}" Arguments ARGUMENTS)
else()
    message(FATAL_ERROR "GenerateManPage.cmake: STYLE is cli11 or qt, not '${STYLE}'")
endif()

set(DATE "")
file(READ "${METAINFO}" metainfo)
string(REPLACE "." "\\." version_pattern "${VERSION}")
if(metainfo MATCHES "<release version=\"${version_pattern}\" date=\"([0-9-]+)\"")
    set(DATE "${CMAKE_MATCH_1}")
endif()

file(READ "${TEMPLATE}" template)
string(CONFIGURE "${template}" page @ONLY)
string(REPLACE "%SEMICOLON%" ";" page "${page}")
file(WRITE "${OUTPUT}" "${page}")
execute_process(COMMAND gzip -9n -c "${OUTPUT}" OUTPUT_FILE "${OUTPUT}.gz" RESULT_VARIABLE status)
if(NOT status EQUAL 0)
    message(FATAL_ERROR "GenerateManPage.cmake: gzip ${OUTPUT} failed: ${status}")
endif()
