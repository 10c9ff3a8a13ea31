using System.Diagnostics;
using System.Globalization;
using OneCExchange.Cli.Replay;

namespace OneCExchange.Benchmarks;

/// <summary>
/// uploads --url ENDPOINT --login L --password P [--count N] [--pid SITE_PID]: picture uploads as 1C sends them when
/// the store answers zip=no — one checkauth and init, then N file requests of a small picture (import_files/N.jpg), one
/// after another over one keep-alive connection (the store must be at zip=no). Prints the time per request end to end
/// and, with the site's process id on this machine, the site's CPU time per request (/proc/PID/stat, user + system).
/// </summary>
public static class UploadsBenchmark
{
    /// <summary>A picture of 134 bytes, the size of the generated package's images.</summary>
    private static readonly byte[] Picture = [0xFF, 0xD8, 0xFF, 0xE0, .. new byte[126], 0xFF, 0xD9, 0x00, 0x00];

    public static int Run(string[] args)
    {
        var url = new Uri(RealStoreBenchmark.Option(args, "--url") ?? throw new ArgumentException("--url is required (the exchange endpoint)"));
        var login = RealStoreBenchmark.Option(args, "--login") ?? throw new ArgumentException("--login is required");
        var password = RealStoreBenchmark.Option(args, "--password") ?? throw new ArgumentException("--password is required");
        var count = int.Parse(RealStoreBenchmark.Option(args, "--count") ?? "2000", CultureInfo.InvariantCulture);
        var sitePid = RealStoreBenchmark.Option(args, "--pid") is { } pid ? int.Parse(pid, CultureInfo.InvariantCulture) : (int?)null;
        RunAsync(url, login, password, count, sitePid).GetAwaiter().GetResult();
        return 0;
    }

    private static async Task RunAsync(Uri url, string login, string password, int count, int? sitePid)
    {
        var picture = Path.Combine(Directory.CreateTempSubdirectory("onec-uploads-").FullName, "picture.jpg");
        await File.WriteAllBytesAsync(picture, Picture);
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { Timeout = TimeSpan.FromMinutes(1) };
        var client = new ExchangeClient(http, url, login, password);
        await client.CheckAuthAsync("catalog", CancellationToken.None);
        var (zip, limit) = await client.InitAsync("3.1", CancellationToken.None);
        if (zip)
            throw new InvalidOperationException("The store answers zip=yes: set it to zip=no (UseZip off) so that pictures come one by one.");

        var cpuBefore = sitePid is { } before ? CpuSeconds(before) : 0;
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
            await client.UploadAsync(picture, $"import_files/{i:D6}.jpg", limit, CancellationToken.None);
        watch.Stop();
        Console.WriteLine(FormattableString.Invariant(
            $"{count} pictures in {watch.Elapsed.TotalSeconds:F1} s: {watch.Elapsed.TotalMilliseconds / count:F2} ms a request end to end"));
        if (sitePid is { } after)
        {
            var cpu = CpuSeconds(after) - cpuBefore;
            Console.WriteLine(FormattableString.Invariant($"site CPU {cpu:F1} s: {cpu * 1000 / count:F2} ms a request"));
        }
        File.Delete(picture);
    }

    /// <summary>User + system time of a process, from fields 14 and 15 of /proc/PID/stat (in USER_HZ = 100 ticks a second).</summary>
    private static double CpuSeconds(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }
}
