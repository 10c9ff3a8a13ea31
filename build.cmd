@echo off
rem Builds the plugin in Release and packs it for nopCommerce's "Upload plugin or theme" page:
rem   dist\Misc.OneCExchange\      the plugin folder
rem   dist\Misc.OneCExchange.zip   the same folder, zipped
rem The build mode is chosen by the project file: inside a nopCommerce source tree it builds against it; with
rem NopDir=<folder of a published nopCommerce 4.90 store> (environment or -p:NopDir=...) against that store's
rem assemblies; otherwise against nopcommerce-ref\. Extra arguments go to both dotnet commands.
setlocal
cd /d "%~dp0"
set PROJECT=Nop.Plugin.Misc.OneCExchange\Nop.Plugin.Misc.OneCExchange.csproj
dotnet build "%PROJECT%" -c Release -nologo %* || exit /b 1
dotnet msbuild "%PROJECT%" -t:PackagePlugin -p:Configuration=Release -nologo -v:m %* || exit /b 1
