using System.Diagnostics;
using System.Globalization;
using System.Xml;
using OneCExchange.Core.CommerceMl;
using OneCExchange.Synthetic;

namespace OneCExchange.Benchmarks;

/// <summary>
/// reader [--products N] [--folder F] [--runs R]: the CommerceML reader's throughput next to a bare XmlReader pass over
/// the same files (the physical limit: every node visited, nothing materialised), and the process's peak memory.
/// The package is generated once into the temp folder (or F) and reused.
/// </summary>
public static class ReaderBenchmark
{
    public static int Run(string[] args)
    {
        var products = IntOption(args, "--products", 100_000);
        var runs = IntOption(args, "--runs", 3);
        var folder = StringOption(args, "--folder") ?? Path.Combine(Path.GetTempPath(), "onec-bench", $"products-{products}");
        var files = EnsurePackage(folder, products);
        var bytes = files.Sum(f => new FileInfo(f).Length);
        Console.WriteLine($"Package: {folder}, {products:N0} products, {bytes / 1e6:N1} MB in {files.Length} files");
        Console.WriteLine($"Runtime: .NET {Environment.Version}, {Environment.ProcessorCount} cores, best of {runs} runs");

        // Warm the page cache and the JIT, then alternate the two passes so that neither is favoured.
        BareXmlReaderPass(files);
        CommerceMlReaderPass(files);
        PassResult? bare = null, bareText = null, reader = null;
        for (var i = 0; i < Math.Max(1, runs); i++)
        {
            bare = Faster(bare, BareXmlReaderPass(files));
            bareText = Faster(bareText, BareXmlReaderWithTextPass(files));
            reader = Faster(reader, CommerceMlReaderPass(files));
        }
        Console.WriteLine();
        Console.WriteLine($"{"pass",-22}{"MB/s",10}{"records/s",14}{"seconds",10}{"CPU s",10}");
        Console.WriteLine($"{"bare XmlReader",-22}{bytes / 1e6 / bare!.Seconds,10:N1}{"",14}{bare.Seconds,10:N2}{bare.CpuSeconds,10:N2}");
        Console.WriteLine($"{"bare XmlReader + text",-22}{bytes / 1e6 / bareText!.Seconds,10:N1}{"",14}{bareText.Seconds,10:N2}{bareText.CpuSeconds,10:N2}");
        Console.WriteLine($"{"CommerceMlReader",-22}{bytes / 1e6 / reader!.Seconds,10:N1}{reader.Records / reader.Seconds,14:N0}{reader.Seconds,10:N2}{reader.CpuSeconds,10:N2}");
        Console.WriteLine($"reader / bare XmlReader speed: {bare.Seconds / reader.Seconds:P0} by wall time, {bare.CpuSeconds / reader.CpuSeconds:P0} by CPU time (target >= 50%)");
        Console.WriteLine($"reader / bare XmlReader + text: {bareText.Seconds / reader.Seconds:P0} by wall time, {bareText.CpuSeconds / reader.CpuSeconds:P0} by CPU time");
        Console.WriteLine();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        Console.WriteLine($"records: {reader.Records:N0}, warnings: {reader.Warnings:N0}");
        Console.WriteLine($"peak working set: {process.PeakWorkingSet64 / 1e6:N1} MB (whole process, target < 150 MB)");
        Console.WriteLine($"GC heap after the runs: {GC.GetGCMemoryInfo().HeapSizeBytes / 1e6:N1} MB; allocated per reader pass: {reader.AllocatedBytes / 1e6:N0} MB; gen2 collections: {GC.CollectionCount(2)}");
        return 0;
    }

    private static string[] EnsurePackage(string folder, int products)
    {
        var import = Path.Combine(folder, "import.xml");
        var offers = Path.Combine(folder, "offers.xml");
        if (!File.Exists(import) || !File.Exists(offers))
        {
            Console.WriteLine($"Generating {products:N0} products into {folder} ...");
            var watch = Stopwatch.StartNew();
            SyntheticPackageGenerator.Write(folder, new SyntheticPackageOptions { Products = products, VariantsEvery = 10 });
            Console.WriteLine($"generated in {watch.Elapsed.TotalSeconds:N1} s");
        }
        return [import, offers];
    }

    private static PassResult BareXmlReaderPass(string[] files) => BarePass(files, materialiseText: false);

    private static PassResult BareXmlReaderWithTextPass(string[] files) => BarePass(files, materialiseText: true);

    /// <summary>Every node visited; with <paramref name="materialiseText"/> every text node's string is also created.</summary>
    private static PassResult BarePass(string[] files, bool materialiseText)
    {
        var cpu = CpuSeconds();
        var watch = Stopwatch.StartNew();
        long nodes = 0;
        foreach (var file in files)
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
            using var xml = XmlReader.Create(stream, new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Prohibit, IgnoreWhitespace = true, IgnoreComments = true,
            });
            while (xml.Read())
            {
                nodes++;
                if (materialiseText && xml.NodeType == XmlNodeType.Text)
                    nodes += xml.Value.Length & 1;
            }
        }
        return new PassResult(watch.Elapsed.TotalSeconds, CpuSeconds() - cpu, nodes, 0, 0);
    }

    private static PassResult CommerceMlReaderPass(string[] files)
    {
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var cpu = CpuSeconds();
        var watch = Stopwatch.StartNew();
        long records = 0, warnings = 0;
        var context = new ClassifierContext();
        foreach (var file in files)
        {
            using var reader = CommerceMlReader.Open(file, context);
            while (reader.Read())
                records++;
            warnings += reader.WarningCount;
        }
        var seconds = watch.Elapsed.TotalSeconds;
        return new PassResult(seconds, CpuSeconds() - cpu, records, warnings, GC.GetTotalAllocatedBytes(precise: true) - allocated);
    }

    private static PassResult Faster(PassResult? best, PassResult result) =>
        best == null || result.Seconds < best.Seconds ? result : best;

    private static int IntOption(string[] args, string name, int defaultValue) =>
        StringOption(args, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : defaultValue;

    private static string? StringOption(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    /// <summary>CPU time of the whole process (GC threads included), less disturbed than wall time on a shared machine.</summary>
    private static double CpuSeconds()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalSeconds;
    }

    private sealed record PassResult(double Seconds, double CpuSeconds, long Records, long Warnings, long AllocatedBytes);
}
