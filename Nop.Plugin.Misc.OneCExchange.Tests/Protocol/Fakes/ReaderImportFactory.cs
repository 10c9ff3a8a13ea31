using System.Collections.Concurrent;
using OneCExchange.Core.CommerceMl;
using OneCExchange.Core.Exchange;
using OneCExchange.Core.Messages;
using OneCExchange.Core.Ports;

namespace OneCExchange.Tests.Protocol.Fakes;

/// <summary>
/// A catalog import that parses each staged file fully with <see cref="CommerceMlReader"/> and records every record
/// it "applies", a few per step. Stands in for the catalog pipeline in the corpus replay.
/// </summary>
public sealed class ReaderImportFactory : IFileImportFactory
{
    public int RecordsPerStep { get; set; } = 25;

    /// <summary>Applied records per file: (position in the file, record).</summary>
    public ConcurrentDictionary<string, List<(long Index, CommerceMlRecord Record)>> Applied { get; } = new();

    public ConcurrentDictionary<string, bool> Finished { get; } = new();

    public IFileImport Open(FileImportRequest request) => new ReaderImport(this, request);

    private sealed class ReaderImport(ReaderImportFactory factory, FileImportRequest request) : IFileImport
    {
        private CommerceMlReader? _reader;

        public long ItemsCompleted { get; private set; } = request.ResumeAfterItems;
        public string ProgressMessage => $"Обработано {ItemsCompleted} записей";
        public ImportCounters Counters { get; } = new();

        public Task<bool> RunAsync(DateTimeOffset deadline, CancellationToken cancellationToken)
        {
            try
            {
                var reader = _reader ??= OpenAndSkip();
                var applied = factory.Applied.GetOrAdd(request.RelativePath, _ => []);
                for (var i = 0; i < factory.RecordsPerStep; i++)
                {
                    if (!reader.Read())
                    {
                        factory.Finished[request.RelativePath] = true;
                        return Task.FromResult(true);
                    }
                    lock (applied)
                        applied.Add((++ItemsCompleted, reader.Current));
                    Counters.Updated++;
                }
                return Task.FromResult(false);
            }
            catch (CommerceMlException exception)
            {
                throw new ImportException(ExchangeMessage.Of(MessageKeys.FileCannotLoad, "file", exception.Message), exception);
            }
        }

        private CommerceMlReader OpenAndSkip()
        {
            var reader = CommerceMlReader.Open(Path.Combine(request.SessionFolder, request.RelativePath));
            for (var i = 0L; i < request.ResumeAfterItems && reader.Read(); i++)
            {
            }
            return reader;
        }

        public void Dispose() => _reader?.Dispose();
    }
}
