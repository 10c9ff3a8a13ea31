using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Xml;
using OneCExchange.Core.CommerceMl.Orders;
using OneCExchange.Core.Exchange;
using OneCExchange.Core.Messages;
using OneCExchange.Core.Orders;
using OneCExchange.Core.Ports;

namespace OneCExchange.Benchmarks;

/// <summary>
/// orders [--orders N] [--lines L]: mode=query building N orders of L lines each into a discarding stream, and
/// mode=import of a 1C changes file with N documents through a sink that only counts; prints throughput, the
/// process's peak working set and the GC heap, which must not grow with N (run it with two N to compare).
/// </summary>
public static class OrdersBenchmark
{
    public static int Run(string[] args)
    {
        var orders = IntOption(args, "--orders", 50_000);
        var lines = IntOption(args, "--lines", 5);
        Console.WriteLine($"Runtime: .NET {Environment.Version}, {Environment.ProcessorCount} cores; {orders:N0} orders x {lines} lines");

        var query = QueryAsync(orders, lines).GetAwaiter().GetResult();
        Console.WriteLine($"{"mode=query (write)",-22}{query.Bytes / 1e6 / query.Seconds,10:N1} MB/s{orders / query.Seconds,14:N0} orders/s{query.Seconds,10:N2} s  ({query.Bytes / 1e6:N1} MB)");
        var folder = Directory.CreateTempSubdirectory("onec-orders-bench-").FullName;
        try
        {
            var file = WriteChangesFile(folder, orders);
            var import = ImportAsync(folder, file).GetAwaiter().GetResult();
            var bytes = new FileInfo(Path.Combine(folder, file)).Length;
            Console.WriteLine($"{"mode=import (read)",-22}{bytes / 1e6 / import.Seconds,10:N1} MB/s{orders / import.Seconds,14:N0} docs/s  {import.Seconds,10:N2} s  ({bytes / 1e6:N1} MB, {import.Applied:N0} applied)");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        Console.WriteLine($"peak working set: {process.PeakWorkingSet64 / 1e6:N1} MB (whole process); GC heap: {GC.GetGCMemoryInfo().HeapSizeBytes / 1e6:N1} MB; gen2 collections: {GC.CollectionCount(2)}");
        return 0;
    }

    private static async Task<(long Bytes, double Seconds)> QueryAsync(int orders, int lines)
    {
        var exchange = new OrderExchange(new SyntheticOrderSource(orders, lines),
            new FixedOptions(new OrderExchangeOptions { MaxOrdersPerQuery = orders }), TimeProvider.System);
        var watch = Stopwatch.StartNew();
        var document = await exchange.QueryAsync(new OrderQuery("bench", "2.10"), CancellationToken.None);
        await using var output = new CountingStream();
        await document.WriteToAsync(output, CancellationToken.None);
        return (output.Count, watch.Elapsed.TotalSeconds);
    }

    private static async Task<(long Applied, double Seconds)> ImportAsync(string folder, string file)
    {
        var sink = new CountingSink();
        var factory = new OrderChangesImportFactory(sink,
            new FixedOptions(new OrderExchangeOptions { OrderStatusMappings = "Открыт=Processing" }), TimeProvider.System);
        var watch = Stopwatch.StartNew();
        using var import = factory.Open(new FileImportRequest("bench", ExchangeType.Sale, folder, file, 0));
        while (!await import.RunAsync(DateTimeOffset.UtcNow.AddSeconds(20), CancellationToken.None))
        {
        }
        return (sink.Applied, watch.Elapsed.TotalSeconds);
    }

    /// <summary>A 3.1 changes file as the 1C-Bitrix module writes it: one Документ per Контейнер.</summary>
    private static string WriteChangesFile(string folder, int orders)
    {
        const string name = "documents.xml";
        using var xml = XmlWriter.Create(Path.Combine(folder, name), new XmlWriterSettings { Encoding = new UTF8Encoding(true), Indent = true });
        xml.WriteStartElement("КоммерческаяИнформация", "urn:1C.ru:commerceml_3");
        xml.WriteAttributeString("ВерсияСхемы", "3.1");
        for (var i = 1; i <= orders; i++)
        {
            var id = i.ToString(CultureInfo.InvariantCulture);
            xml.WriteStartElement("Контейнер");
            xml.WriteStartElement("Документ");
            xml.WriteElementString("Ид", id);
            xml.WriteElementString("Номер", id);
            xml.WriteElementString("Номер1С", $"ЗК-{id}      ");
            xml.WriteElementString("Дата1С", "2026-11-26");
            xml.WriteElementString("ХозОперация", "Заказ товара");
            xml.WriteStartElement("Товары");
            xml.WriteStartElement("Товар");
            xml.WriteElementString("Ид", "p" + id);
            xml.WriteElementString("Количество", "1");
            xml.WriteElementString("Сумма", "100");
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteStartElement("ЗначенияРеквизитов");
            foreach (var (requisite, value) in new[] { ("Проведен", "true"), ("Отгружен", i % 2 == 0 ? "true" : "false"),
                         ("Дата отгрузки по 1С", i % 2 == 0 ? "2026-11-27T10:00:00" : "T"), ("Статус заказа", "Открыт") })
            {
                xml.WriteStartElement("ЗначениеРеквизита");
                xml.WriteElementString("Наименование", requisite);
                xml.WriteElementString("Значение", value);
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        return name;
    }

    private sealed class SyntheticOrderSource(int orders, int lines) : IOrderSource
    {
        public Task<IReadOnlyList<OrderHandOut>> HandOutAsync(string sessionId, OrderExportFilter filter, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<OrderHandOut>>(Enumerable.Range(1, Math.Min(orders, filter.MaxOrders))
                .Select(id => new OrderHandOut(id, 1)).ToList());

        public async IAsyncEnumerable<OrderSnapshot> GetSnapshotsAsync(IReadOnlyList<int> orderIds,
            [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            foreach (var id in orderIds)
            {
                await Task.CompletedTask;
                yield return Snapshot(id);
            }
        }

        public Task<int> ConfirmAsync(string sessionId, CancellationToken cancellationToken) => Task.FromResult(0);

        public Task<OrderReferenceData> GetReferenceDataAsync(CancellationToken cancellationToken) =>
            Task.FromResult(new OrderReferenceData([], [], []));

        private OrderSnapshot Snapshot(int id) => new()
        {
            OrderId = id,
            DocumentId = id.ToString(CultureInfo.InvariantCulture),
            Number = id.ToString(CultureInfo.InvariantCulture),
            CreatedOn = new DateTime(2026, 11, 20).AddMinutes(id),
            CurrencyCode = "RUB",
            Total = lines * 100m + 300m,
            Customer = new ContractorSnapshot
            {
                Id = "customer-" + id % 1000, Name = "Покупатель " + id, LastName = "Иванов", FirstName = "Иван",
                Email = $"buyer{id}@example.ru", Phone = "+7 900 000-00-00",
                RegistrationAddress = new PostalAddressSnapshot { PostalCode = "101000", City = "Москва", Street = "ул. Тверская, 1" },
            },
            Lines = Enumerable.Range(1, lines).Select(line => new OrderLineSnapshot
            {
                OneCId = $"a1b2c3d4-0000-0000-0000-{line:D12}", SiteId = "site-product-" + line, Name = "Товар №" + line,
                Sku = "SKU-" + line, Quantity = 1, UnitPrice = 100m, Sum = 100m, Vat = new VatSnapshot(20m, 16.67m),
            }).ToList(),
            ShippingCost = 300m,
            StatusName = "Pending",
            PaymentMethodName = "Наличный расчет",
        };
    }

    private sealed class CountingSink : IOrderChangeSink
    {
        public long Applied { get; private set; }

        public Task<OrderChangeResult> ApplyAsync(OrderChangeCommand command, CancellationToken cancellationToken)
        {
            Applied++;
            return Task.FromResult(new OrderChangeResult(OrderChangeOutcome.Applied, 1, [ExchangeMessage.Of(MessageKeys.OrderAppliedPaid, "")], []));
        }
    }

    private sealed class FixedOptions(OrderExchangeOptions options) : IOrderExchangeOptionsProvider
    {
        public Task<OrderExchangeOptions> GetAsync(CancellationToken cancellationToken) => Task.FromResult(options);
    }

    private sealed class CountingStream : Stream
    {
        public long Count { get; private set; }
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => Count;
        public override long Position { get => Count; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => Count += count;
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Count += buffer.Length;
            return ValueTask.CompletedTask;
        }
    }

    private static int IntOption(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], out var value) ? value : fallback;
    }
}
