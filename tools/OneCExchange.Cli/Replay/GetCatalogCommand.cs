using System.Diagnostics;

namespace OneCExchange.Cli.Replay;

/// <summary>
/// `onec get-catalog`: loads a store's catalog as 1C's "load the catalog from the site" does (type=get_catalog:
/// checkauth, init, mode=query until finished=yes) and saves each document into a folder as a package
/// (import00000.xml the classifier, import00001.xml… the product pages, offers00001.xml… the offer pages), which
/// `onec analyze` reads and `onec replay` can send back.
/// </summary>
public sealed class GetCatalogCommand : ICommand
{
    public string Name => "get-catalog";

    private const string UsageLine = "get-catalog --url <exchange-url> --login <login> --password <password> --out <folder> [--verbose]";

    public string Usage => UsageLine;

    public int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error) =>
        RunAsync([.. args], output, error).GetAwaiter().GetResult();

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken ct = default)
    {
        if (StoreOptions.Parse(args, UsageLine, error, ["out"]) is not { } store)
            return 2;
        var folder = store.Line.Get("out")!;
        Directory.CreateDirectory(folder);
        using var http = StoreOptions.Http(TimeSpan.FromMinutes(5));
        var client = store.Client(http, output);
        var clock = Stopwatch.StartNew();
        try
        {
            await client.CheckAuthAsync("get_catalog", ct);
            await client.GetCatalogInitAsync(ct);
            int classifiers = 0, productPages = 0, offerPages = 0;
            long bytes = 0;
            var received = Path.Combine(folder, "~received.xml");
            while (await client.QueryNextDocumentAsync(received, ct))
            {
                bytes += new FileInfo(received).Length;
                var name = await KindOfAsync(received, ct) switch
                {
                    "Каталог" => $"import{++productPages:D5}.xml",
                    "ПакетПредложений" => $"offers{++offerPages:D5}.xml",
                    _ => $"import{0:D5}" + (classifiers++ == 0 ? "" : "-" + classifiers) + ".xml",
                };
                File.Move(received, Path.Combine(folder, name), overwrite: true);
            }
            output.WriteLine($"success: classifier, {productPages} product pages, {offerPages} offer pages, {bytes:N0} bytes " +
                $"in {clock.Elapsed.TotalSeconds:0.0} s -> {folder}");
            return 0;
        }
        catch (ExchangeFailedException exception)
        {
            error.WriteLine($"failure at {exception.Request}: {exception.Answer}");
            return 1;
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException or TaskCanceledException)
        {
            error.WriteLine($"failure: {exception.Message}");
            return 1;
        }
    }

    /// <summary>The first element under the root: Классификатор, Каталог or ПакетПредложений.</summary>
    private static async Task<string?> KindOfAsync(string path, CancellationToken ct)
    {
        await using var file = File.OpenRead(path);
        using var xml = System.Xml.XmlReader.Create(file, new System.Xml.XmlReaderSettings { Async = true, DtdProcessing = System.Xml.DtdProcessing.Prohibit });
        var depth = 0;
        while (await xml.ReadAsync())
        {
            ct.ThrowIfCancellationRequested();
            if (xml.NodeType != System.Xml.XmlNodeType.Element)
                continue;
            if (++depth == 2)
                return xml.LocalName;
        }
        return null;
    }
}
