namespace OneCExchange.Cli.Replay;

/// <summary>Plays a whole 1C exchange against a store: the catalog package, then optionally the sale exchange.</summary>
public sealed class ReplayRunner(HttpClient http, TextWriter output, TextWriter? verbose = null)
{
    public async Task RunAsync(ReplayOptions options, CancellationToken ct)
    {
        var work = Directory.CreateTempSubdirectory("onec-replay-");
        try
        {
            var package = File.Exists(options.Package) && options.Package.EndsWith(".zip", StringComparison.OrdinalIgnoreCase)
                ? CatalogPackage.FromZip(options.Package, Path.Combine(work.FullName, "package"))
                : CatalogPackage.FromFolder(options.Package);
            await RunCatalogAsync(package, options, work.FullName, ct);
            if (options.Sale)
                await RunSaleAsync(options, work.FullName, ct);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private async Task RunCatalogAsync(CatalogPackage package, ReplayOptions options, string work, CancellationToken ct)
    {
        var client = NewClient(options);
        await client.CheckAuthAsync("catalog", ct);
        var (zip, storeLimit) = await client.InitAsync(options.Version, ct);
        var limit = Math.Min(storeLimit, options.FileLimit ?? long.MaxValue);
        if (zip && options.Zip)
        {
            var zipPath = Path.Combine(work, "package.zip");
            package.WriteZip(zipPath);
            await client.UploadAsync(zipPath, "package.zip", limit, ct);
            output.WriteLine($"uploaded package.zip ({new FileInfo(zipPath).Length} bytes, {package.Files.Count} files)");
        }
        else
        {
            foreach (var file in package.Files)
                await client.UploadAsync(file.LocalPath, file.RemoteName, limit, ct);
            output.WriteLine($"uploaded {package.Files.Count} files");
        }
        foreach (var file in package.ImportOrder)
            output.WriteLine($"import {file.RemoteName}: {await client.ImportAsync(file.RemoteName, ct)}");
        if (options.Deactivate)
            output.WriteLine($"deactivate: {await client.DeactivateAsync(ct)}");
        output.WriteLine($"complete: {await client.CompleteAsync(ct)}");
    }

    private async Task RunSaleAsync(ReplayOptions options, string work, CancellationToken ct)
    {
        var client = NewClient(options);
        await client.CheckAuthAsync("sale", ct);
        var (_, limit) = await client.InitAsync(options.Version, ct);
        var ordersPath = options.OrdersOutput ?? Path.Combine(work, "orders.xml");
        output.WriteLine($"query: {await client.QueryAsync(ordersPath, ct)} bytes -> {(options.OrdersOutput ?? "(discarded)")}");
        await client.SuccessAsync(ct);
        output.WriteLine("success: confirmed");
        if (options.SaleChangesFile is { } changes)
        {
            var name = Path.GetFileName(changes);
            if (options.Version is null)
            {
                output.WriteLine($"file {name}: {await client.UploadAndProcessAsync(changes, name, ct)}");
                return;
            }
            await client.UploadAsync(changes, name, Math.Min(limit, options.FileLimit ?? long.MaxValue), ct);
            output.WriteLine($"import {name}: {await client.ImportAsync(name, ct)}");
        }
    }

    private ExchangeClient NewClient(ReplayOptions options) => new(http, options.Url, options.Login, options.Password, verbose);
}
