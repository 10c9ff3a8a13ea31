using NUnit.Framework;
using OneCExchange.Core.Catalog;
using OneCExchange.Core.Ports;
using OneCExchange.Synthetic;
using OneCExchange.Core.Exchange;
using OneCExchange.Tests.Protocol.Fakes;

namespace OneCExchange.Tests.Catalog;

/// <summary>Whole files through the reader and the step-wise file import.</summary>
public sealed class CatalogFileImportTests
{
    private string _folder = null!;
    private SyntheticPackage _package = null!;

    [OneTimeSetUp]
    public void Generate()
    {
        _folder = Directory.CreateTempSubdirectory("onec-catalog-package-").FullName;
        _package = SyntheticPackageGenerator.Write(_folder, new SyntheticPackageOptions
        {
            Products = 240, Properties = 6, Images = 2, PriceTypes = 3, Warehouses = 2, VariantsEvery = 8,
            WriteImageFiles = true,
        });
    }

    [OneTimeTearDown]
    public void Delete() => Directory.Delete(_folder, recursive: true);

    private static async Task<bool> RunAsync(IFileImport import, CancellationToken ct = default) =>
        await import.RunAsync(DateTimeOffset.UtcNow.AddMinutes(5), ct);

    private async Task ImportPackageAsync(InMemoryCatalogStore store, CatalogImportOptions options, string session,
        CatalogSessions? sessions = null)
    {
        var factory = new CatalogFileImportFactory(store, options, sessions ?? new CatalogSessions());
        foreach (var file in new[] { "import.xml", "offers.xml" })
        {
            using var import = factory.Open(new FileImportRequest(session, ExchangeType.Catalog, _folder, file, 0));
            Assert.That(await RunAsync(import), Is.True);
            Assert.That(import.Counters.Failed, Is.Zero, string.Join("\n", import.Counters.Messages));
        }
    }

    [Test]
    public async Task A_generated_package_lands_whole()
    {
        var store = new InMemoryCatalogStore();
        await ImportPackageAsync(store, new CatalogImportOptions { BatchSize = 50 }, "s1");

        Assert.That(store.Categories, Has.Count.EqualTo(_package.Groups));
        Assert.That(store.Products, Has.Count.EqualTo(_package.Products));
        Assert.That(store.Combinations, Has.Count.EqualTo(_package.Variants));
        Assert.That(store.Products.Values.Sum(p => p.PictureIds.Count), Is.EqualTo(_package.ImagesReferenced));
        Assert.That(store.Products.Values.All(p => p.Published && p.Specifications.Count > 0 && p.CategoryIds.Count == 1));
        var withVariants = store.Products.Values.Where(p => p.ManageStockByAttributes).ToList();
        Assert.That(withVariants, Is.Not.Empty);
        foreach (var product in withVariants)
            Assert.That(product.StockQuantity,
                Is.EqualTo(store.Combinations.Values.Where(c => c.ProductId == product.Id).Sum(c => c.StockQuantity)));
    }

    [Test]
    public async Task Importing_the_same_package_twice_skips_everything_the_second_time()
    {
        var store = new InMemoryCatalogStore();
        var options = new CatalogImportOptions { BatchSize = 100 };
        await ImportPackageAsync(store, options, "s1");
        var uploads = store.PictureUploads;

        var factory = new CatalogFileImportFactory(store, options, new CatalogSessions());
        long changed = 0, skipped = 0;
        foreach (var file in new[] { "import.xml", "offers.xml" })
        {
            using var import = factory.Open(new FileImportRequest("s2", ExchangeType.Catalog, _folder, file, 0));
            await RunAsync(import);
            changed += import.Counters.Created + import.Counters.Updated;
            skipped += import.Counters.Skipped;
        }
        Assert.That(changed, Is.Zero);
        Assert.That(skipped, Is.EqualTo(_package.Groups + _package.Properties + _package.Products + _package.Offers));
        Assert.That(store.PictureUploads, Is.EqualTo(uploads));
    }

    [Test]
    public async Task Resuming_after_a_lost_step_gives_the_same_store_as_one_run()
    {
        var options = new CatalogImportOptions { BatchSize = 40 };
        var single = new InMemoryCatalogStore();
        await ImportPackageAsync(single, options, "single");

        var resumed = new InMemoryCatalogStore();
        var sessions = new CatalogSessions();
        var factory = new CatalogFileImportFactory(resumed, options, sessions);
        foreach (var file in new[] { "import.xml", "offers.xml" })
        {
            // The process dies during the 4th batch: the step is lost, then a new process resumes from the checkpoint.
            using var cancel = new CancellationTokenSource();
            var batches = 0;
            resumed.BeforeBatch = _ => { if (++batches == 4) cancel.Cancel(); };
            long checkpoint;
            using (var first = factory.Open(new FileImportRequest("s", ExchangeType.Catalog, _folder, file, 0)))
            {
                Assert.ThrowsAsync(Is.InstanceOf<OperationCanceledException>(), () => RunAsync(first, cancel.Token));
                checkpoint = first.ItemsCompleted;
            }
            Assert.That(checkpoint, Is.GreaterThan(0));
            resumed.BeforeBatch = null;
            using var second = factory.Open(new FileImportRequest("s", ExchangeType.Catalog, _folder, file, checkpoint));
            Assert.That(await RunAsync(second), Is.True);
            Assert.That(second.Counters.Failed, Is.Zero, string.Join("\n", second.Counters.Messages));
        }

        Assert.That(Describe(resumed), Is.EqualTo(Describe(single)));
    }

    [Test]
    public async Task A_step_that_starts_past_its_deadline_still_commits_one_batch_and_the_next_step_continues()
    {
        var store = new InMemoryCatalogStore();
        var factory = new CatalogFileImportFactory(store, new CatalogImportOptions { BatchSize = 30 }, new CatalogSessions());
        using var import = factory.Open(new FileImportRequest("s", ExchangeType.Catalog, _folder, "import.xml", 0));

        Assert.That(await import.RunAsync(DateTimeOffset.UtcNow.AddSeconds(-1), default), Is.False);
        Assert.That(import.ItemsCompleted, Is.GreaterThan(0), "no step may end without progress, or 1C would ask forever");
        Assert.That(store.Products, Has.Count.LessThan(_package.Products), "the step stopped at its deadline");
        Assert.That(await RunAsync(import), Is.True, "the next step, with time to spare, finishes the file");
        Assert.That(store.Products, Has.Count.EqualTo(_package.Products));
        Assert.That(import.ProgressMessage, Does.Contain("import.xml"));
    }

    [Test]
    public async Task A_step_ends_within_its_budget_when_a_batch_of_the_store_takes_seconds()
    {
        // A slow store: every command of a batch takes 80 ms, so a batch of 50 products with their pictures, variants,
        // prices and specifications takes several seconds; checked only between batches, the step ran one batch over.
        var clock = new ManualTimeProvider(DateTimeOffset.UnixEpoch);
        var store = new InMemoryCatalogStore { BeforeBatch = batch => clock.Advance(TimeSpan.FromMilliseconds(80) * batch.Commands.Count) };
        var factory = new CatalogFileImportFactory(store, new CatalogImportOptions { BatchSize = 50 }, new CatalogSessions(), clock);
        using var import = factory.Open(new FileImportRequest("s", ExchangeType.Catalog, _folder, "import.xml", 0));
        var budget = TimeSpan.FromSeconds(20);

        var steps = new List<(TimeSpan Took, long Items)>();
        var done = false;
        while (!done)
        {
            var start = clock.GetUtcNow();
            var before = import.ItemsCompleted;
            done = await import.RunAsync(start + budget, default);
            steps.Add((clock.GetUtcNow() - start, import.ItemsCompleted - before));
        }

        Assert.That(steps.Max(s => s.Took), Is.LessThanOrEqualTo(budget + TimeSpan.FromSeconds(2)), string.Join(", ", steps));
        Assert.That(steps.Take(steps.Count - 1).Min(s => s.Took), Is.GreaterThan(budget - TimeSpan.FromSeconds(3)),
            "a step uses its budget: " + string.Join(", ", steps));
        Assert.That(store.Products, Has.Count.EqualTo(_package.Products));
    }

    [Test]
    public async Task The_mapping_rows_are_read_once_per_session_not_per_file()
    {
        var store = new InMemoryCatalogStore();
        var sessions = new CatalogSessions();
        await ImportPackageAsync(store, new CatalogImportOptions(), "s1", sessions);
        Assert.That(store.MappingReads[CatalogEntityKind.Product], Is.EqualTo(1), "import.xml and offers.xml share the rows");

        await ImportPackageAsync(store, new CatalogImportOptions(), "s2", sessions);
        Assert.That(store.MappingReads[CatalogEntityKind.Product], Is.EqualTo(2), "a new session reads them afresh");
    }

    [Test]
    public void A_file_that_is_not_xml_fails_with_a_clear_message_and_writes_nothing()
    {
        var bad = Path.Combine(_folder, "broken.xml");
        File.WriteAllText(bad, "<КоммерческаяИнформация><Классификатор><Группы><Группа><Ид>1</Ид>");
        var store = new InMemoryCatalogStore();
        var factory = new CatalogFileImportFactory(store, new CatalogImportOptions(), new CatalogSessions());
        using var import = factory.Open(new FileImportRequest("s", ExchangeType.Catalog, _folder, "broken.xml", 0));

        var error = Assert.ThrowsAsync<ImportException>(() => RunAsync(import));
        Assert.That(error!.Message, Does.Contain("broken.xml"));
        Assert.That(store.Categories, Is.Empty);
    }

    [Test]
    public async Task A_store_that_cannot_be_read_fails_the_step_with_a_clear_message_and_loses_nothing()
    {
        var factory = new CatalogFileImportFactory(new UnreadableStore(), new CatalogImportOptions(), new CatalogSessions());
        long checkpoint;
        using (var import = factory.Open(new FileImportRequest("s", ExchangeType.Catalog, _folder, "import.xml", 0)))
        {
            var error = Assert.ThrowsAsync<ImportException>(() => RunAsync(import));
            Assert.That(error!.Message, Does.Contain("import.xml").And.Contain("database is down"));
            checkpoint = import.ItemsCompleted;
        }

        // The store is back: resuming from the checkpoint still brings every group and product.
        var store = new InMemoryCatalogStore();
        var working = new CatalogFileImportFactory(store, new CatalogImportOptions(), new CatalogSessions());
        using var resumed = working.Open(new FileImportRequest("s", ExchangeType.Catalog, _folder, "import.xml", checkpoint));
        Assert.That(await RunAsync(resumed), Is.True);
        Assert.That((store.Categories.Count, store.Products.Count), Is.EqualTo((_package.Groups, _package.Products)));
    }

    private sealed class UnreadableStore : ICatalogStore
    {
        public IAsyncEnumerable<EntityMapping> ReadMappingsAsync(CatalogEntityKind kind, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("database is down");
        public Task<CatalogBatchResult> ApplyAsync(CatalogBatch batch, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("database is down");
        public Task<IReadOnlySet<string>> FindTakenSlugsAsync(IReadOnlyCollection<string> slugs, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("database is down");
        public Task<IReadOnlyDictionary<string, int>> FindProductsBySkuAsync(IReadOnlyCollection<string> skus,
            CancellationToken cancellationToken) => throw new InvalidOperationException("database is down");
        public Task<int> UnpublishNotSeenAsync(string sessionId, IReadOnlyCollection<CatalogEntityKind> kinds,
            CancellationToken cancellationToken) => throw new InvalidOperationException("database is down");
    }

    [Test]
    public void A_path_outside_the_session_folder_is_refused()
    {
        var factory = new CatalogFileImportFactory(new InMemoryCatalogStore(), new CatalogImportOptions(), new CatalogSessions());
        Assert.Throws<ImportException>(() =>
            factory.Open(new FileImportRequest("s", ExchangeType.Catalog, _folder, "../etc/passwd", 0)));
    }

    /// <summary>What a shop owner sees, keyed by 1C ids (entity ids may differ between stores).</summary>
    private static List<string> Describe(InMemoryCatalogStore store)
    {
        var key = store.Mappings.Where(m => m.Key.Kind == CatalogEntityKind.Category)
            .ToDictionary(m => m.Value.EntityId, m => m.Key.Key);
        var lines = new List<string>();
        foreach (var (mapping, row) in store.Mappings.Where(m => m.Key.Kind == CatalogEntityKind.Product).OrderBy(m => m.Key.Key))
        {
            var p = store.Products[row.EntityId];
            var combos = store.Combinations.Values.Where(c => c.ProductId == p.Id)
                .Select(c => $"{c.Sku}:{c.StockQuantity}:{c.OverriddenPrice}").Order();
            lines.Add($"{mapping.Key}|{p.Name}|{p.Sku}|{p.Published}|{string.Join(",", p.CategoryIds.Select(c => key[c]))}|" +
                      $"{string.Join(",", store.SpecificationsOf(p))}|{p.PictureIds.Count}|{p.Price}|{p.StockQuantity}|" +
                      $"{string.Join(",", combos)}|{store.SlugOf("Product", p.Id)}");
        }
        lines.Add($"categories {store.Categories.Count}, products {store.Products.Count}, combinations {store.Combinations.Count}, " +
                  $"pictures {store.Pictures.Count}, options {store.SpecificationOptions.Count}, slugs {store.Slugs.Count}");
        return lines;
    }
}
