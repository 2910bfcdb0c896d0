#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 SemRel Studio developers
# SPDX-License-Identifier: MIT
#
# Installs every Debian 12 package that building, running and testing SemRel Studio needs.
# Safe to run twice: apt-get skips what is already installed.
set -euo pipefail

packages=(
    build-essential cmake ninja-build ccache pkg-config
    # Qt6Charts's CMake package needs Qt6OpenGL, which --no-install-recommends leaves out.
    qt6-base-dev qt6-charts-dev qt6-svg-dev libqt6opengl6-dev libgl-dev libxkbcommon-dev
    libtorch-dev
    libhdf5-dev libmatio-dev libcli11-dev nlohmann-json3-dev libbenchmark-dev
    # The MAT v5 reader inflates compressed variables with zlib.
    zlib1g-dev
    # Without OpenBLAS, LibTorch falls back to the reference BLAS (about 30x slower GEMM).
    libopenblas0-pthread libopenblas-pthread-dev
    xvfb xauth
    # The test command checks formatting against .clang-format (version 14 on Debian 12).
    clang-format
    # The test command validates the desktop entry and the AppStream metadata.
    desktop-file-utils appstream
    # Real images for the built-in demo dataset.
    dataset-fashion-mnist
)

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
    sudo_cmd=(sudo)
fi

export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update
"${sudo_cmd[@]}" apt-get install -y --no-install-recommends "${packages[@]}"
