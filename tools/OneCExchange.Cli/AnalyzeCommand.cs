using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using OneCExchange.Core.CommerceMl.Analysis;

namespace OneCExchange.Cli;

/// <summary>
/// analyze: reads a package (folder, zip or XML file) without touching a store and reports what it holds.
/// Exit code 0 when the package can be imported, 1 when it cannot, 2 on wrong usage.
/// </summary>
public sealed class AnalyzeCommand : ICommand
{
    private const long ProgressThreshold = 16 * 1024 * 1024;

    public string Name => "analyze";
    public string Usage => "analyze <file.xml|folder|package.zip> [--json]";

    public int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        CommandLine line;
        try
        {
            line = new CommandLine(args, "json");
        }
        catch (ArgumentException e)
        {
            error.WriteLine(e.Message);
            return 2;
        }
        if (line.Positional.Count != 1 || line.Names.Any(n => n != "json"))
        {
            error.WriteLine("usage: onec " + Usage);
            return 2;
        }

        PackageSource source;
        try
        {
            source = PackageSource.Open(line.Positional[0]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            error.WriteLine($"cannot open {line.Positional[0]}: {e.Message}");
            return 1;
        }

        PackageAnalysis analysis;
        using (source)
        {
            var bar = ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected ? new ProgressBar(error) : null;
            var analyzer = new PackageAnalyzer { Progress = bar == null ? null : (file, read, length) => { if (length >= ProgressThreshold) bar.Show(file, read, length); } };
            analysis = analyzer.Analyze(source);
            bar?.Clear();
        }

        if (line.Has("json"))
            output.WriteLine(JsonSerializer.Serialize(analysis, JsonOptions));
        else
            new AnalysisReport(analysis).WriteTo(output);
        return analysis.CanImport ? 0 : 1;
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
