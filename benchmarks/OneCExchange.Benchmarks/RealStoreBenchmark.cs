using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using OneCExchange.Cli.Replay;
using OneCExchange.Synthetic;

namespace OneCExchange.Benchmarks;

/// <summary>
/// realstore --url ENDPOINT --login L --password P (--psql CONNINFO | --mysql DATABASE) [--products N] [--rich]
/// [--phases new,same,offers,unpublish,query] [--folder F] [--pid SITE_PID] [--excel-seconds S]: drives generated
/// packages through the exchange protocol into a live store exactly as 1C sends them (checkauth, init, file uploads cut
/// to file_limit, the import loop, complete), then reads the plugin's exchange log through psql (PostgreSQL) or the mysql
/// client (MySQL/MariaDB) and prints the server time of every phase by request kind, products per second and the longest
/// request; with --pid, the site's peak resident memory over its resident memory before the phase (sampled every
/// 100 ms); with --excel-seconds, how many times faster than nopCommerce's Excel import of the same number of products
/// (its seconds, e.g. from nop_import.sh) the new catalog was.
/// Phases: new = the package into a store that lacks it; same = the same package again (everything skipped by hash);
/// offers = offers.xml alone with every price and quantity changed; unpublish = a full exchange that carries one
/// product, so that complete unpublishes the others; query = the sale exchange's orders document.
/// </summary>
public static class RealStoreBenchmark
{
    public static int Run(string[] args)
    {
        var url = new Uri(Option(args, "--url") ?? throw new ArgumentException("--url is required (the exchange endpoint)"));
        var login = Option(args, "--login") ?? throw new ArgumentException("--login is required");
        var password = Option(args, "--password") ?? throw new ArgumentException("--password is required");
        var database = Option(args, "--psql") is { } psql ? StoreDatabase.PostgreSql(psql)
            : Option(args, "--mysql") is { } mysql ? StoreDatabase.MySql(mysql)
            : throw new ArgumentException("--psql (a libpq connection string) or --mysql (a database name) is required");
        var products = int.Parse(Option(args, "--products") ?? "20000", CultureInfo.InvariantCulture);
        var rich = args.Contains("--rich");
        var phases = (Option(args, "--phases") ?? "new,same,offers,unpublish").Split(',', StringSplitOptions.RemoveEmptyEntries);
        var folder = Option(args, "--folder") ?? Path.Combine(Path.GetTempPath(), "onec-bench", $"realstore-{products}{(rich ? "-rich" : "")}");
        var sitePid = Option(args, "--pid") is { } pid ? int.Parse(pid, CultureInfo.InvariantCulture) : (int?)null;
        var excelSeconds = Option(args, "--excel-seconds") is { } excel ? double.Parse(excel, CultureInfo.InvariantCulture) : (double?)null;

        var options = rich
            ? new SyntheticPackageOptions { Products = products, VariantsEvery = 10, WriteImageFiles = true }
            : new SyntheticPackageOptions { Products = products, Properties = 0, Images = 0, PriceTypes = 1, Warehouses = 0 };
        var package = SyntheticPackageGenerator.Write(Path.Combine(folder, "full"), options);
        Console.WriteLine($"Package: {folder}: {package.Products:N0} products, {package.Offers:N0} offers, {package.Variants:N0} variants, " +
                          $"{package.Properties} properties, {package.PriceTypes} price types, {package.Warehouses} warehouses, {package.ImagesReferenced:N0} images");
        var bench = new Runner(url, login, password, database, sitePid, args.Contains("--file-by-file"));
        Console.WriteLine($"{"phase",-12}{"server s",10}{"wall s",9}{"items/s",10}{"longest s",11}{"RSS +MB",9}  server time by request (s)");
        foreach (var phase in phases)
        {
            var (items, run) = phase switch
            {
                "new" or "same" => (products, (Func<Task>)(() => bench.CatalogAsync(package.Folder))),
                "offers" => (package.Offers, () => bench.CatalogAsync(ChangedOffers(package, folder))),
                "unpublish" => (products - 1, () => bench.CatalogAsync(
                    SyntheticPackageGenerator.Write(Path.Combine(folder, "one"), options with { Products = 1 }).Folder)),
                "query" => (0, bench.QueryAsync),
                _ => throw new ArgumentException($"unknown phase {phase}")
            };
            var result = bench.Measure(run).GetAwaiter().GetResult();
            var perSecond = result.ServerSeconds > 0 && items > 0 ? items / result.ServerSeconds : 0;
            var memory = result.PeakRssOverIdleMb is { } mb ? mb.ToString("F0", CultureInfo.InvariantCulture) : "-";
            Console.WriteLine($"{phase,-12}{result.ServerSeconds,10:F1}{result.WallSeconds,9:F1}{perSecond,10:N0}{result.LongestSeconds,11:F1}{memory,9}  " +
                              $"{result.Breakdown}; longest: {result.Longest}");
            if (phase == "new" && excelSeconds is { } seconds && result.ServerSeconds > 0)
                Console.WriteLine($"new: {seconds / result.ServerSeconds:F1}x faster than nopCommerce's Excel import ({seconds:F1} s) in server time, " +
                                  $"{seconds / result.WallSeconds:F1}x in wall time");
        }
        return 0;
    }

    /// <summary>offers.xml with every price raised by 1 and every quantity by 3 (a daily price and stock update).</summary>
    private static string ChangedOffers(SyntheticPackage package, string folder)
    {
        var target = Path.Combine(folder, "offers-changed");
        Directory.CreateDirectory(target);
        using var reader = new StreamReader(package.OffersFile, Encoding.UTF8);
        using var writer = new StreamWriter(Path.Combine(target, "offers.xml"), false, new UTF8Encoding(true));
        while (reader.ReadLine() is { } line)
            writer.WriteLine(Number.Replace(line, m => m.Groups[1].Value
                + (decimal.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture) + (m.Groups[2].Value == "Количество" ? 3 : 1)).ToString(CultureInfo.InvariantCulture)
                + m.Groups[4].Value));
        return target;
    }

    private static readonly Regex Number = new("(<(ЦенаЗаЕдиницу|Количество)>)([0-9.]+)(</)", RegexOptions.Compiled);

    internal static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private sealed record Result(double ServerSeconds, double WallSeconds, string Breakdown, double LongestSeconds, string Longest,
        double? PeakRssOverIdleMb);

    private sealed class Runner(Uri url, string login, string password, StoreDatabase database, int? sitePid, bool fileByFile)
    {
        private readonly HttpClient _http = new() { Timeout = TimeSpan.FromMinutes(30) };

        public async Task<Result> Measure(Func<Task> run)
        {
            var since = database.UtcNow();
            using var memory = sitePid is { } pid ? new RssSampler(pid) : null;
            var watch = Stopwatch.StartNew();
            await run();
            watch.Stop();
            var peakOverIdle = memory?.Stop();
            // The exchange log: one row per request with its server duration.
            var rows = database.Rows(database.Quote(
                "select case when [FileName] is null then [Mode] else concat([Mode], ' ', [FileName]) end, count(*), sum([DurationMs]) " +
                "from [OneCExchangeLogEntry] where [StartedOnUtc] >= '" + since + "' " +
                "and [Mode] in ('import', 'complete', 'query', 'deactivate') group by 1 order by min([Id])"));
            var total = rows.Sum(r => long.Parse(r[2], CultureInfo.InvariantCulture)) / 1000.0;
            var breakdown = string.Join(", ", rows.Select(r =>
                $"{r[0]} {long.Parse(r[2], CultureInfo.InvariantCulture) / 1000.0:F1} ({r[1]} req)"));
            var longest = database.Rows(database.Quote(
                "select [DurationMs], case when [FileName] is null then [Mode] else concat([Mode], ' ', [FileName]) end " +
                "from [OneCExchangeLogEntry] where [StartedOnUtc] >= '" + since + "' " +
                "and [Mode] in ('import', 'complete', 'query', 'deactivate') order by [DurationMs] desc limit 1"));
            var longestSeconds = longest.Count == 0 ? 0 : long.Parse(longest[0][0], CultureInfo.InvariantCulture) / 1000.0;
            return new Result(total, watch.Elapsed.TotalSeconds, breakdown, longestSeconds,
                longest.Count == 0 ? "-" : $"{longest[0][1]} {longestSeconds:F1} s", peakOverIdle);
        }

        /// <summary>As `onec replay` sends a package: zip=yes → one zip cut at file_limit, zip=no or --file-by-file → file by file.</summary>
        public Task CatalogAsync(string packageFolder) =>
            new ReplayRunner(_http, TextWriter.Null).RunAsync(new ReplayOptions
            {
                Package = packageFolder, Url = url, Login = login, Password = password, Version = "2.08", FileByFile = fileByFile,
            }, CancellationToken.None);

        public async Task QueryAsync()
        {
            var client = new ExchangeClient(_http, url, login, password);
            await client.CheckAuthAsync("sale", CancellationToken.None);
            await client.InitAsync("2.08", CancellationToken.None);
            var output = Path.GetTempFileName();
            var bytes = await client.QueryAsync(output, CancellationToken.None);
            var orders = File.ReadLines(output).Count(l => l.Contains("<Документ>", StringComparison.Ordinal));
            File.Delete(output);
            Console.WriteLine($"query: {orders:N0} orders, {bytes:N0} bytes, first byte after {client.LastQueryFirstByte.TotalSeconds:F2} s");
        }
    }

    /// <summary>The store's database through its command-line client (the benchmark needs no database driver).</summary>
    private sealed class StoreDatabase(string client, string[] arguments, bool mysql)
    {
        public static StoreDatabase PostgreSql(string connection) => new("psql", ["-X", "-A", "-t", "-F", "\t", "-d", connection, "-c"], false);

        public static StoreDatabase MySql(string database) => new("mysql", ["-N", "-B", database, "-e"], true);

        /// <summary>The SQL with [Name] written as the database quotes names.</summary>
        public string Quote(string sql) => Regex.Replace(sql, @"\[(\w+)\]", m => mysql ? $"`{m.Groups[1].Value}`" : $"\"{m.Groups[1].Value}\"");

        public string UtcNow() => Rows(mysql ? "select date_format(utc_timestamp(6), '%Y-%m-%d %H:%i:%s.%f')"
            : "select to_char(now() at time zone 'utc', 'YYYY-MM-DD HH24:MI:SS.US')").Single()[0];

        public List<string[]> Rows(string sql)
        {
            var start = new ProcessStartInfo(client, [.. arguments, sql]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"{client} failed: {error}");
            return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t')).ToList();
        }
    }

    /// <summary>
    /// The site's resident memory (VmRSS of /proc/PID/status) sampled every 100 ms while a phase runs: the peak over the
    /// value read when sampling started, in MB.
    /// </summary>
    private sealed class RssSampler : IDisposable
    {
        private readonly string _status;
        private readonly long _idleKb;
        private long _peakKb;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _sampling;

        public RssSampler(int pid)
        {
            _status = $"/proc/{pid}/status";
            _idleKb = _peakKb = ReadKb();
            _sampling = Task.Run(async () =>
            {
                while (!_stop.IsCancellationRequested)
                {
                    _peakKb = Math.Max(_peakKb, ReadKb());
                    try { await Task.Delay(100, _stop.Token); }
                    catch (OperationCanceledException) { }
                }
            });
        }

        private long ReadKb()
        {
            var line = File.ReadLines(_status).FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
                       ?? throw new InvalidOperationException($"{_status} has no VmRSS line");
            return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }

        /// <summary>Stops sampling; the peak over idle in MB.</summary>
        public double Stop()
        {
            _stop.Cancel();
            _sampling.GetAwaiter().GetResult();
            _peakKb = Math.Max(_peakKb, ReadKb());
            return (_peakKb - _idleKb) / 1024.0;
        }

        public void Dispose()
        {
            _stop.Cancel();
            _stop.Dispose();
        }
    }
}
