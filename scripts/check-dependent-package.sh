#!/usr/bin/env bash
# Builds a throwaway package that depends on this one's library products (Cluster, Lang) and runs
# it: SwiftPM refuses a dependency whose products reach a target with unsafe flags, so this fails
# if one comes back.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/Sources/dependent"
cat > "$work/Package.swift" <<SWIFT
// swift-tools-version: 6.1
import PackageDescription
let package = Package(
    name: "dependent",
    dependencies: [.package(path: "$root")],
    targets: [.executableTarget(name: "dependent", dependencies: [
        .product(name: "Cluster", package: "$(basename "$root")"),
        .product(name: "Lang", package: "$(basename "$root")"),
    ])]
)
SWIFT
cat > "$work/Sources/dependent/main.swift" <<'SWIFT'
import Cluster
import Lang
let cluster = Cluster(seed: 1)
try cluster.add(["n1", "n2", "n3"])
print(try cluster.perform(.put(key: "k", fields: [FieldValue("a", "1")], via: nil)))
SWIFT
cd "$work"
swift build
./.build/debug/dependent
