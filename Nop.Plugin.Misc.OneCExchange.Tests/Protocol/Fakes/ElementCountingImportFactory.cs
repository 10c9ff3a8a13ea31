using System.Collections.Concurrent;
using System.Xml;
using OneCExchange.Core.Exchange;
using OneCExchange.Core.Messages;
using OneCExchange.Core.Ports;

namespace OneCExchange.Tests.Protocol.Fakes;

/// <summary>
/// A stand-in for the catalog pipeline: parses the whole file forward-only and "applies" every element as an item,
/// in batches, recording what was applied. A batch with a parse error is not applied. Each RunAsync call handles at
/// most <see cref="ItemsPerStep"/> items, so small files still take several import requests.
/// </summary>
public sealed class ElementCountingImportFactory : IFileImportFactory
{
    public int ItemsPerStep { get; set; } = 40;
    public int BatchSize { get; set; } = 10;

    public ConcurrentQueue<FileImportRequest> Opened { get; } = new();

    /// <summary>Applied item numbers per file, in order; a duplicate would mean an item was applied twice.</summary>
    public ConcurrentDictionary<string, List<long>> Applied { get; } = new();

    public IFileImport Open(FileImportRequest request)
    {
        Opened.Enqueue(request);
        return new ElementImport(this, request);
    }

    public IReadOnlyList<long> AppliedTo(string relativePath) =>
        Applied.TryGetValue(relativePath, out var items) ? items : [];

    private sealed class ElementImport(ElementCountingImportFactory factory, FileImportRequest request) : IFileImport
    {
        private XmlReader? _reader;

        public long ItemsCompleted { get; private set; } = request.ResumeAfterItems;
        public string ProgressMessage => $"Обработано {ItemsCompleted} элементов";
        public ImportCounters Counters { get; } = new();

        public Task<bool> RunAsync(DateTimeOffset deadline, CancellationToken cancellationToken)
        {
            var reader = _reader ??= OpenAndSkip();
            var batch = new List<long>();
            var next = ItemsCompleted;
            try
            {
                for (var handled = 0; handled < factory.ItemsPerStep; handled++)
                {
                    if (!ReadElement(reader))
                    {
                        Apply(batch);
                        return Task.FromResult(true);
                    }
                    batch.Add(++next);
                    if (batch.Count == factory.BatchSize)
                        Apply(batch);
                }
                Apply(batch);
                return Task.FromResult(false);
            }
            catch (XmlException exception)
            {
                // A key Core does not know: the message reads as its one argument.
                throw new ImportException(ExchangeMessage.Of("Test.Said", $"некорректный XML ({exception.Message})"), exception);
            }
        }

        private void Apply(List<long> batch)
        {
            var list = factory.Applied.GetOrAdd(request.RelativePath, _ => []);
            lock (list)
                list.AddRange(batch);
            ItemsCompleted += batch.Count;
            Counters.Updated += batch.Count;
            batch.Clear();
        }

        private XmlReader OpenAndSkip()
        {
            var reader = XmlReader.Create(Path.Combine(request.SessionFolder, request.RelativePath),
                new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
            for (var i = 0L; i < request.ResumeAfterItems; i++)
                if (!ReadElement(reader))
                    break;
            return reader;
        }

        private static bool ReadElement(XmlReader reader)
        {
            while (reader.Read())
                if (reader.NodeType == XmlNodeType.Element)
                    return true;
            return false;
        }

        public void Dispose() => _reader?.Dispose();
    }
}
