using Nop.Plugin.Misc.OneCExchange;
using OneCExchange.Tests.Support;

namespace OneCExchange.Tests.Plugin;

internal static class PluginPaths
{
    public static string ProjectDir => Path.Combine(TestPaths.RepoRoot, "Nop.Plugin.Misc.OneCExchange");

    public static string ProjectFile => Path.Combine(ProjectDir, "Nop.Plugin.Misc.OneCExchange.csproj");

    /// <summary>The plugin's build output the tests run against (its content files are copied beside it).</summary>
    public static string OutputDir => Path.GetDirectoryName(typeof(OneCExchangePlugin).Assembly.Location)!;

    public static string AssemblyFileName => typeof(OneCExchangePlugin).Assembly.GetName().Name + ".dll";
}
