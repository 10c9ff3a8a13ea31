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

    /// <summary>
    /// As 1C does: checkauth and init, then, as init answered, the whole package with its pictures as one zip
    /// (zip=yes, unless told to send file by file) or file by file (zip=no), each cut at file_limit; then the imports. With a checkauth per file every
    /// XML file gets its own exchange (the pictures travel with the first).
    /// </summary>
    private async Task RunCatalogAsync(CatalogPackage package, ReplayOptions options, string work, CancellationToken ct)
    {
        var client = NewClient(options);
        if (!options.CheckAuthPerFile)
        {
            await SendAsync(client, package.Files, package.ImportOrder.ToList(), options, work, ct);
        }
        else
        {
            var xml = package.ImportOrder.ToList();
            var others = package.Files.Where(f => !f.IsXml).ToList();
            for (var i = 0; i < xml.Count; i++)
                await SendAsync(client, i == 0 ? [xml[i], .. others] : [xml[i]], [xml[i]], options, work, ct);
        }
        if (options.Deactivate)
            output.WriteLine($"deactivate: {await client.DeactivateAsync(ct)}");
        output.WriteLine($"complete: {await client.CompleteAsync(ct)}");
    }

    private async Task SendAsync(ExchangeClient client, IReadOnlyList<PackageFile> files, IReadOnlyList<PackageFile> imports,
        ReplayOptions options, string work, CancellationToken ct)
    {
        await client.CheckAuthAsync("catalog", ct, options.CatalogCheckAuthType);
        var (zip, storeLimit) = await client.InitAsync(options.Version, ct);
        var limit = Math.Min(storeLimit, options.FileLimit ?? long.MaxValue);
        if (zip && !options.FileByFile)
        {
            var zipPath = Path.Combine(work, "package.zip");
            CatalogPackage.WriteZip(files, zipPath);
            await client.UploadAsync(zipPath, "package.zip", limit, ct);
            output.WriteLine($"uploaded package.zip ({new FileInfo(zipPath).Length} bytes, {files.Count} files)");
            File.Delete(zipPath);
        }
        else
        {
            foreach (var file in files)
                await client.UploadAsync(file.LocalPath, file.RemoteName, limit, ct);
            output.WriteLine($"uploaded {files.Count} files");
        }
        foreach (var file in imports)
            output.WriteLine($"import {file.RemoteName}: {await client.ImportAsync(file.RemoteName, ct)}");
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

    private ExchangeClient NewClient(ReplayOptions options) => new(http, options.Url, options.Login, options.Password, verbose, options.Style);
}
