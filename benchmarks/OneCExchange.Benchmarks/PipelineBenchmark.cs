using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using OneCExchange.Core.Catalog;
using OneCExchange.Synthetic;
using OneCExchange.Core.Exchange;
using OneCExchange.Core.Settings;

namespace OneCExchange.Benchmarks;

/// <summary>
/// pipeline [--products N] [--folder F] [--batch B]: the whole catalog sync pipeline (reader, hashing of records and
/// image files, mapping decisions, slugs, batching) over a generated package (10 properties, 2 images, 3 price types
/// mapped to Price/OldPrice/a tier, 2 warehouses mapped to store warehouses, every 10th product with 3 variants) into a
/// store that does no work except remembering mapping rows. Run 1 creates everything; run 2 re-imports the same
/// package (everything unchanged, skipped by hash). Prints products/s of each run and the peak working set.
/// </summary>
public static class PipelineBenchmark
{
    public static int Run(string[] args)
    {
        var products = IntOption(args, "--products", 100_000);
        var batch = IntOption(args, "--batch", 500);
        var folder = StringOption(args, "--folder") ?? Path.Combine(Path.GetTempPath(), "onec-bench", $"pipeline-{products}");
        Console.WriteLine($"Package: {folder}, {EnsurePackage(folder, products)}");
        Console.WriteLine($"Runtime: .NET {Environment.Version}, {Environment.ProcessorCount} cores, batch {batch}");

        var options = new CatalogImportOptions
        {
            BatchSize = batch,
            PriceTypeMappings =
            [
                new(SyntheticPackageGenerator.Id(7, 0), PriceTarget.Price, null),
                new(SyntheticPackageGenerator.Id(7, 1), PriceTarget.OldPrice, null),
                new(SyntheticPackageGenerator.Id(7, 2), PriceTarget.Tier, "wholesale"),
            ],
            WarehouseMappings = [new(SyntheticPackageGenerator.Id(8, 0), 1), new(SyntheticPackageGenerator.Id(8, 1), 2)],
        };
        var store = new MappingOnlyStore();
        Console.WriteLine();
        Console.WriteLine("(the machine may be shared: products per CPU-second is the figure that does not depend on the load)");
        Console.WriteLine($"{"run",-24}{"products/s",12}{"per CPU-s",11}{"wall s",8}{"CPU s",7}{"created",9}{"updated",9}{"skipped",9}{"failed",7}{"batches",8}");
        Report("1: new catalog", RunOnce(store, options, folder, "run1"), products, store);
        Report("2: same package again", RunOnce(store, options, folder, "run2"), products, store);
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        Console.WriteLine();
        Console.WriteLine($"peak working set: {process.PeakWorkingSet64 / 1e6:N1} MB (whole process, incl. {store.Rows:N0} mapping rows held by the fake store)");
        var gen2 = GC.CollectionCount(2);
        GC.Collect();
        Console.WriteLine($"GC heap after a full collection: {GC.GetTotalMemory(true) / 1e6:N1} MB (what the fake store keeps: " +
                          $"its mapping rows, like the store's table); gen2 collections during the runs: {gen2}");
        return 0;
    }

    private static (TimeSpan Elapsed, TimeSpan Cpu, ImportCounters Counters) RunOnce(MappingOnlyStore store, CatalogImportOptions options,
        string folder, string session)
    {
        var factory = new CatalogFileImportFactory(store, options, new CatalogSessions());
        var total = new ImportCounters();
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        foreach (var file in new[] { "import.xml", "offers.xml" })
        {
            using var import = factory.Open(new FileImportRequest(session, ExchangeType.Catalog, folder, file, 0));
            while (!import.RunAsync(DateTimeOffset.UtcNow.AddSeconds(20), CancellationToken.None).GetAwaiter().GetResult())
            {
            }
            total.Add(import.Counters);
        }
        process.Refresh();
        return (watch.Elapsed, process.TotalProcessorTime - cpu, total);
    }

    private static void Report(string name, (TimeSpan Elapsed, TimeSpan Cpu, ImportCounters Counters) run, int products,
        MappingOnlyStore store)
    {
        var c = run.Counters;
        Console.WriteLine($"{name,-24}{products / run.Elapsed.TotalSeconds,12:N0}{products / run.Cpu.TotalSeconds,11:N0}" +
                          $"{run.Elapsed.TotalSeconds,8:N1}{run.Cpu.TotalSeconds,7:N1}" +
                          $"{c.Created,9:N0}{c.Updated,9:N0}{c.Skipped,9:N0}{c.Failed,7:N0}{store.TakeBatches(),8:N0}");
    }

    /// <summary>Generates the package once (image files included) and describes it.</summary>
    private static string EnsurePackage(string folder, int products)
    {
        var marker = Path.Combine(folder, "complete.txt");
        if (File.Exists(marker))
            return File.ReadAllText(marker);
        Console.WriteLine($"Generating {products:N0} products with image files into {folder} ...");
        var watch = Stopwatch.StartNew();
        var package = SyntheticPackageGenerator.Write(folder, new SyntheticPackageOptions
        {
            Products = products, Properties = 10, Images = 2, PriceTypes = 3, Warehouses = 2, VariantsEvery = 10,
            WriteImageFiles = true,
        });
        var description = $"{package.Products:N0} products, {package.Offers:N0} offers ({package.Variants:N0} variants), " +
                          $"{package.ImagesReferenced:N0} image files, {package.Properties} properties, " +
                          $"{package.PriceTypes} price types, {package.Warehouses} warehouses";
        File.WriteAllText(marker, description);
        Console.WriteLine($"generated in {watch.Elapsed.TotalSeconds:N1} s");
        return description;
    }

    private static int IntOption(string[] args, string name, int fallback) =>
        StringOption(args, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    private static string? StringOption(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    /// <summary>A store that writes nothing: it hands out ids and keeps the mapping rows (so that run 2 sees them).</summary>
    private sealed class MappingOnlyStore : ICatalogStore
    {
        private readonly Dictionary<(CatalogEntityKind, string), EntityMapping> _rows = [];
        private int _nextId;
        private int _batches;

        public int Rows => _rows.Count;

        public int TakeBatches()
        {
            var batches = _batches;
            _batches = 0;
            return batches;
        }

        public async IAsyncEnumerable<EntityMapping> ReadMappingsAsync(CatalogEntityKind kind,
            [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.CompletedTask;
            foreach (var ((rowKind, _), row) in _rows)
                if (rowKind == kind)
                    yield return row;
        }

        public Task<CatalogBatchResult> ApplyAsync(CatalogBatch batch, CancellationToken cancellationToken)
        {
            _batches++;
            var outcomes = new CommandOutcome[batch.Commands.Count];
            for (var i = 0; i < outcomes.Length; i++)
            {
                var command = batch.Commands[i];
                var id = command.EntityId ?? ++_nextId;
                List<int>? pictures = null;
                if (command is UpsertProduct { Pictures: { } sent })
                {
                    pictures = new List<int>(sent.Count);
                    foreach (var picture in sent)
                    {
                        var pictureId = picture.PictureId ?? ++_nextId;
                        pictures.Add(pictureId);
                        _rows[(CatalogEntityKind.Picture, picture.Key)] = new EntityMapping(picture.Key, pictureId, picture.ContentHash);
                    }
                }
                if (command is not RollUpVariantStock)
                    _rows[(command.Kind, command.Key)] = new EntityMapping(command.Key, id, command.Hash);
                outcomes[i] = new CommandOutcome(id, command.EntityId is null, pictures);
            }
            return Task.FromResult(new CatalogBatchResult(outcomes));
        }

        public Task<IReadOnlySet<string>> FindTakenSlugsAsync(IReadOnlyCollection<string> slugs, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlySet<string>>(new HashSet<string>());

        public Task<IReadOnlyDictionary<string, int>> FindProductsBySkuAsync(IReadOnlyCollection<string> skus,
            CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyDictionary<string, int>>(new Dictionary<string, int>());

        public Task<int> UnpublishNotSeenAsync(string sessionId, IReadOnlyCollection<CatalogEntityKind> kinds,
            CancellationToken cancellationToken) => Task.FromResult(0);
    }
}
