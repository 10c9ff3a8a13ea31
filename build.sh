#!/usr/bin/env bash
# Builds the plugin in Release and packs it for nopCommerce's "Upload plugin or theme" page:
#   dist/Misc.OneCExchange/      the plugin folder
#   dist/Misc.OneCExchange.zip   the same folder, zipped
# The build mode is chosen by the project file: inside a nopCommerce source tree it builds against it; with
# NopDir=<folder of a published nopCommerce 4.90 store> (environment or -p:NopDir=...) against that store's
# assemblies; otherwise against nopcommerce-ref/. Extra arguments go to both dotnet commands.
set -euo pipefail
cd "$(dirname "$0")"

project=Nop.Plugin.Misc.OneCExchange/Nop.Plugin.Misc.OneCExchange.csproj
dotnet build "$project" -c Release -nologo "$@"
dotnet msbuild "$project" -t:PackagePlugin -p:Configuration=Release -nologo -v:m "$@"
