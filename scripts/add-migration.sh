#!/usr/bin/env bash
# Adds an EF Core migration to both providers' migrations projects.
#   ./scripts/add-migration.sh AddSharing
# The registry copy here cannot restore Microsoft.EntityFrameworkCore.Design's dependencies (see
# docs/decisions/0002-migrations-without-ef-design.md), so `dotnet ef` cannot run. This primes the NuGet cache with
# the Design package itself (a restore that fails on its missing dependencies still downloads it) and runs
# tools/ChildStory.MigrationTool, which calls EF's migrations scaffolder directly.
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh MigrationName}
root=$(cd "$(dirname "$0")/.." && pwd)
cache=$(dotnet nuget locals global-packages --list | sed 's/^global-packages: //')
if [ ! -f "$cache/microsoft.entityframeworkcore.design/10.0.14/lib/net10.0/Microsoft.EntityFrameworkCore.Design.dll" ]; then
  prime=$(mktemp -d)
  cat > "$prime/prime.csproj" <<'XML'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup>
  <ItemGroup><PackageReference Include="Microsoft.EntityFrameworkCore.Design" Version="10.0.14" /></ItemGroup>
</Project>
XML
  (cd "$prime" && dotnet restore >/dev/null 2>&1 || true)
  rm -rf "$prime"
fi
dotnet run --project "$root/tools/ChildStory.MigrationTool" -- "$name" "$root"
