#!/bin/sh
# Fetches Fashion-MNIST (Zalando Research, MIT licence) into data/fashion-mnist/ (or the folder given as $1)
# from the Debian package dataset-fashion-mnist. Nothing is installed: the .deb is downloaded and unpacked
# in a temporary folder. Needs apt's package lists (run `apt-get update` first on a fresh system). Run as
# root, apt warns "Download is performed unsandboxed as root": harmless.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
target=${1:-$here/fashion-mnist}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
cd "$work"
apt-get download dataset-fashion-mnist
dpkg-deb -x dataset-fashion-mnist_*.deb unpacked
mkdir -p "$target"
cp unpacked/usr/share/datasets/fashion-mnist/*-ubyte.gz "$target"/
ls -l "$target"
