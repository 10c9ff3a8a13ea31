using OneCExchange.Benchmarks;

var benchmarks = new Dictionary<string, Func<string[], int>>
{
    ["reader"] = ReaderBenchmark.Run,
    ["protocol"] = ProtocolBenchmark.Run,
    ["orders"] = OrdersBenchmark.Run,
    ["pipeline"] = PipelineBenchmark.Run,
    ["realstore"] = RealStoreBenchmark.Run,
    ["uploads"] = UploadsBenchmark.Run,
};

if (args.Length == 0 || !benchmarks.TryGetValue(args[0], out var run))
{
    Console.Error.WriteLine("usage: OneCExchange.Benchmarks <" + string.Join('|', benchmarks.Keys) + "> ...");
    return 2;
}
return run(args[1..]);
