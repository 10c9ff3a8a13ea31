namespace OneCExchange.Cli.Replay;

/// <summary>`onec replay`: performs a 1C exchange against a store, for integrators testing a store without 1C.</summary>
public sealed class ReplayCommand : ICommand
{
    public string Name => "replay";

    public string Usage => "replay <package-folder-or-zip> --url <exchange-url> --login <login> --password <password> [...]";

    public int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error) =>
        RunAsync([.. args], output, error).GetAwaiter().GetResult();

    public const string Help =
        "usage: onec replay <package-folder-or-zip> --url <exchange-url> --login <login> --password <password>\n" +
        "                   [--file-limit <bytes>] [--file-by-file] [--version <2.08|3.1|...>] [--deactivate]\n" +
        "                   [--checkauth-per-file] [--post-all | --basic-only] [--type-at-checkauth sale]\n" +
        "                   [--sale [--sale-file <changes.xml>] [--orders-out <orders.xml>]] [--verbose]\n" +
        "  Follows the store's init answer: zip=yes sends the whole package with its pictures as one zip, zip=no file by file,\n" +
        "  both cut at file_limit; sessid is sent when the store gives one.\n" +
        "  --file-by-file        file by file even when the store answers zip=yes\n" +
        "  --checkauth-per-file  a new checkauth and init for every XML file (pictures go with the first)\n" +
        "  --post-all            every request a POST (empty form body when there is no file) with the cookie and Basic auth\n" +
        "  --basic-only          Basic auth on every request and no cookie\n" +
        "  --type-at-checkauth   the type the catalog exchange's checkauth says (e.g. sale); later requests say catalog\n" +
        "  Exit code 0 when every step ended in success, 1 on a failure answer, 2 on bad arguments.";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken ct = default)
    {
        ReplayOptions options;
        bool verbose;
        try
        {
            (options, verbose) = Parse(args);
        }
        catch (ArgumentException exception)
        {
            error.WriteLine(exception.Message);
            error.WriteLine(Help);
            return 2;
        }
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false })
        {
            Timeout = TimeSpan.FromMinutes(5),
        };
        try
        {
            await new ReplayRunner(http, output, verbose ? output : null).RunAsync(options, ct);
            output.WriteLine("success");
            return 0;
        }
        catch (ExchangeFailedException exception)
        {
            error.WriteLine($"failure at {exception.Request}: {exception.Answer}");
            return 1;
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException or InvalidOperationException or TaskCanceledException)
        {
            error.WriteLine($"failure: {exception.Message}");
            return 1;
        }
    }

    private static (ReplayOptions, bool) Parse(string[] args)
    {
        string? package = null, url = null, login = null, password = null, version = null, saleFile = null, ordersOut = null, checkAuthType = null;
        long? fileLimit = null;
        bool deactivate = false, sale = false, verbose = false, perFile = false, fileByFile = false;
        var style = RequestStyle.Standard;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--url": url = Value(ref i); break;
                case "--login": login = Value(ref i); break;
                case "--password": password = Value(ref i); break;
                case "--version": version = Value(ref i); break;
                case "--file-limit":
                    fileLimit = long.TryParse(Value(ref i), out var parsed) && parsed > 0 ? parsed : throw new ArgumentException("--file-limit needs a positive number of bytes.");
                    break;
                case "--file-by-file": fileByFile = true; break;
                case "--checkauth-per-file": perFile = true; break;
                case "--post-all": style = style == RequestStyle.Standard ? RequestStyle.PostAll : throw new ArgumentException("Give one of --post-all and --basic-only."); break;
                case "--basic-only": style = style == RequestStyle.Standard ? RequestStyle.BasicOnly : throw new ArgumentException("Give one of --post-all and --basic-only."); break;
                case "--type-at-checkauth":
                    checkAuthType = Value(ref i);
                    if (checkAuthType is not ("sale" or "catalog"))
                        throw new ArgumentException("--type-at-checkauth is sale or catalog.");
                    break;
                case "--deactivate": deactivate = true; break;
                case "--sale": sale = true; break;
                case "--sale-file": saleFile = Value(ref i); break;
                case "--orders-out": ordersOut = Value(ref i); break;
                case "--verbose": verbose = true; break;
                default:
                    if (args[i].StartsWith("--", StringComparison.Ordinal) || package is not null)
                        throw new ArgumentException($"Unexpected argument: {args[i]}");
                    package = args[i];
                    break;
            }
        }
        if (package is null || (!Directory.Exists(package) && !File.Exists(package)))
            throw new ArgumentException("Give an existing package folder or zip.");
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
            throw new ArgumentException("--url must be the store's exchange URL, e.g. https://shop.example/1c-exchange");
        if (login is null || password is null)
            throw new ArgumentException("--login and --password are required.");
        var options = new ReplayOptions
        {
            Package = package, Url = uri, Login = login, Password = password, FileLimit = fileLimit, FileByFile = fileByFile,
            Style = style, CheckAuthPerFile = perFile, CatalogCheckAuthType = checkAuthType,
            Version = version, Deactivate = deactivate, Sale = sale, SaleChangesFile = saleFile, OrdersOutput = ordersOut,
        };
        return (options, verbose);

        string Value(ref int i) => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
    }
}
