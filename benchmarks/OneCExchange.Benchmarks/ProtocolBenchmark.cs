using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using OneCExchange.Core.CommerceMl;
using OneCExchange.Core.Ports;
using OneCExchange.Synthetic;
using OneCExchange.Core.Exchange;
using OneCExchange.Core.Protocol;
using OneCExchange.Core.Security;

namespace OneCExchange.Benchmarks;

/// <summary>
/// protocol [--products N] [--file-limit BYTES] [--budget-ms MS]: a whole catalog exchange through the Core endpoint
/// in process (no HTTP): checkauth, init, the package uploaded in file_limit chunks, the import loop (each file read
/// to its end by the CommerceML reader, nothing applied), complete. Shows the protocol's own cost per request and
/// per MB, that import steps keep to the time budget, and the process's peak memory.
/// </summary>
public static class ProtocolBenchmark
{
    public static int Run(string[] args)
    {
        var products = IntOption(args, "--products", 10_000);
        var fileLimit = IntOption(args, "--file-limit", 1024 * 1024);
        var budget = TimeSpan.FromMilliseconds(IntOption(args, "--budget-ms", 1000));
        var work = Directory.CreateTempSubdirectory("onec-protocol-bench-");
        try
        {
            var packageFolder = Path.Combine(work.FullName, "package");
            SyntheticPackageGenerator.Write(packageFolder, new SyntheticPackageOptions { Products = products, VariantsEvery = 10 });
            var files = Directory.GetFiles(packageFolder, "*.xml").OrderBy(f => f.Contains("offers") ? 1 : 0).ThenBy(f => f, StringComparer.Ordinal).ToArray();
            var bytes = files.Sum(f => new FileInfo(f).Length);
            Console.WriteLine($"Package: {products:N0} products, {bytes / 1e6:N1} MB in {files.Length} files; file_limit {fileLimit:N0} B; step budget {budget.TotalMilliseconds:N0} ms");
            Console.WriteLine($"Runtime: .NET {Environment.Version}, {Environment.ProcessorCount} cores");

            var endpoint = new ExchangeEndpoint(new ExchangeOptions
            {
                Login = "bench", PasswordHash = PasswordHasher.Hash("bench"), FileSizeLimitBytes = fileLimit, StepTimeBudget = budget,
                StagingRoot = Path.Combine(work.FullName, "staging"),
            }, new InMemoryExchangeStateStore(), new DiscardingLog(), new ExchangeHandlers(new ReadToEndImports(), new ReadToEndImports(),
                new NoCompletion(), new NoOrders()), new ExchangeRuntime());
            var session = new Conversation(endpoint);

            var total = Stopwatch.StartNew();
            session.Get("checkauth", authorization: "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("bench:bench")));
            session.Get("init");
            var upload = Stopwatch.StartNew();
            var uploadRequests = 0;
            var buffer = new byte[fileLimit];
            foreach (var file in files)
            {
                using var input = File.OpenRead(file);
                int read;
                while ((read = input.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false)) > 0)
                {
                    session.Post(Path.GetFileName(file), new MemoryStream(buffer, 0, read, writable: false));
                    uploadRequests++;
                }
            }
            upload.Stop();

            var import = Stopwatch.StartNew();
            var steps = 0;
            var longestStep = TimeSpan.Zero;
            foreach (var file in files)
            {
                string answer;
                do
                {
                    var step = Stopwatch.StartNew();
                    answer = session.Get("import", filename: Path.GetFileName(file));
                    longestStep = step.Elapsed > longestStep ? step.Elapsed : longestStep;
                    steps++;
                }
                while (answer.StartsWith("progress", StringComparison.Ordinal));
                if (!answer.StartsWith("success", StringComparison.Ordinal))
                    throw new InvalidOperationException(answer);
            }
            import.Stop();
            session.Get("complete");
            total.Stop();

            Console.WriteLine();
            Console.WriteLine($"upload: {uploadRequests:N0} requests, {bytes / 1e6 / upload.Elapsed.TotalSeconds:N1} MB/s, {upload.Elapsed.TotalMilliseconds / uploadRequests:N2} ms per request");
            Console.WriteLine($"import: {steps:N0} requests, {bytes / 1e6 / import.Elapsed.TotalSeconds:N1} MB/s, longest step {longestStep.TotalMilliseconds:N0} ms (budget {budget.TotalMilliseconds:N0} ms)");
            Console.WriteLine($"whole exchange: {total.Elapsed.TotalSeconds:N2} s");
            using var process = Process.GetCurrentProcess();
            process.Refresh();
            Console.WriteLine($"peak working set: {process.PeakWorkingSet64 / 1e6:N1} MB (whole process); GC heap: {GC.GetGCMemoryInfo().HeapSizeBytes / 1e6:N1} MB");
            return 0;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>1C's side: the cookie from checkauth on every later request.</summary>
    private sealed class Conversation(ExchangeEndpoint endpoint)
    {
        private string? _cookie;

        public string Get(string mode, string? filename = null, string? authorization = null) =>
            Send("GET", mode, filename, Stream.Null, null, authorization);

        public void Post(string filename, MemoryStream body)
        {
            var answer = Send("POST", "file", filename, body, body.Length, null);
            if (answer != "success")
                throw new InvalidOperationException(answer);
        }

        private string Send(string method, string mode, string? filename, Stream body, long? length, string? authorization)
        {
            var query = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["type"] = "catalog", ["mode"] = mode };
            if (filename is not null)
                query["filename"] = filename;
            var response = endpoint.HandleAsync(new ExchangeRequest
            {
                Method = method, Query = query, Authorization = authorization, Cookie = _cookie, RemoteAddress = IPAddress.Loopback,
                Body = body, ContentLength = length,
            }, CancellationToken.None).GetAwaiter().GetResult();
            var text = response.Text ?? "";
            if (mode == "checkauth")
            {
                var lines = text.Split('\n');
                _cookie = lines[1] + "=" + lines[2];
            }
            if (text.StartsWith("failure", StringComparison.Ordinal))
                throw new InvalidOperationException(text);
            return text;
        }
    }

    /// <summary>Reads every record of the file with the CommerceML reader until the deadline; applies nothing.</summary>
    private sealed class ReadToEndImports : IFileImportFactory
    {
        public IFileImport Open(FileImportRequest request) => new Import(CommerceMlReader.Open(Path.Combine(request.SessionFolder, request.RelativePath)));

        private sealed class Import(CommerceMlReader reader) : IFileImport
        {
            public long ItemsCompleted { get; private set; }
            public string ProgressMessage => $"{ItemsCompleted} records";
            public ImportCounters Counters { get; } = new();

            public Task<bool> RunAsync(DateTimeOffset deadline, CancellationToken cancellationToken)
            {
                while (DateTimeOffset.UtcNow < deadline)
                {
                    for (var i = 0; i < 1000; i++)
                    {
                        if (!reader.Read())
                            return Task.FromResult(true);
                        ItemsCompleted++;
                    }
                }
                return Task.FromResult(false);
            }

            public void Dispose() => reader.Dispose();
        }
    }

    private sealed class DiscardingLog : IExchangeLog
    {
        public Task RecordAsync(ExchangeLogEntry entry, CancellationToken cancellationToken) => Task.CompletedTask;
        public Task DeleteBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class NoCompletion : ICatalogCompletion
    {
        public Task<string> CompleteAsync(CatalogCompletion completion, CancellationToken cancellationToken) => Task.FromResult("done");
    }

    private sealed class NoOrders : IOrderExchange
    {
        public Task<OrderExportDocument> QueryAsync(OrderQuery query, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task ConfirmAsync(string sessionId, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<OrderExportDocument> InfoAsync(OrderQuery query, CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    private static int IntOption(string[] args, string name, int defaultValue)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : defaultValue;
    }
}
