using OneCExchange.Core.CommerceMl;
using OneCExchange.Core.CommerceMl.Orders;
using OneCExchange.Core.Exchange;
using OneCExchange.Core.Messages;
using OneCExchange.Core.Ports;
using OneCExchange.Core.Staging;

namespace OneCExchange.Core.Orders;

/// <summary>Opens the import of an order-changes file 1C uploaded with type=sale.</summary>
public sealed class OrderChangesImportFactory(IOrderChangeSink sink, IOrderExchangeOptionsProvider optionsProvider,
    TimeProvider clock) : IFileImportFactory
{
    public IFileImport Open(FileImportRequest request)
    {
        if (request.Type != ExchangeType.Sale)
            throw new ArgumentException($"Order changes come with type=sale, not {request.Type}.", nameof(request));
        return new OrderChangesImport(request, sink, optionsProvider, clock);
    }
}

/// <summary>
/// Applies the order documents of one file through <see cref="IOrderChangeSink"/>, one document per item.
/// The whole file is first read once to check it (bad XML fails the import before any order changes); then the
/// documents are applied in file order until the deadline, resuming after <see cref="FileImportRequest.ResumeAfterItems"/>.
/// Counters: applied → Updated, already in that state or not an order → Skipped, unknown order → Failed,
/// illegal transition or unreadable value → Warnings; each of those is also a message.
/// </summary>
public sealed class OrderChangesImport : IFileImport
{
    private readonly FileImportRequest _request;
    private readonly IOrderChangeSink _sink;
    private readonly IOrderExchangeOptionsProvider _optionsProvider;
    private readonly TimeProvider _clock;
    private readonly string _path;
    private OrderChangeInterpreter? _interpreter;
    private long _documentCount = -1;
    private OrderChangesReader? _reader;
    private IEnumerator<OrderChange>? _documents;

    internal OrderChangesImport(FileImportRequest request, IOrderChangeSink sink, IOrderExchangeOptionsProvider optionsProvider,
        TimeProvider clock)
    {
        _request = request;
        _sink = sink;
        _optionsProvider = optionsProvider;
        _clock = clock;
        _path = ResolvePath(request);
        ItemsCompleted = request.ResumeAfterItems;
    }

    public long ItemsCompleted { get; private set; }

    public string ProgressMessage => _documentCount < 0
        ? "Загрузка документов из 1С"
        : $"Обработано документов: {ItemsCompleted} из {_documentCount}";

    public ImportCounters Counters { get; } = new();

    public async Task<bool> RunAsync(DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        _interpreter ??= await CreateInterpreterAsync(cancellationToken).ConfigureAwait(false);
        if (_documentCount < 0)
            _documentCount = CountDocuments();
        _documents ??= OpenAt(ItemsCompleted);

        var appliedThisStep = 0;
        while (appliedThisStep == 0 || _clock.GetUtcNow() < deadline)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!Next(out var change))
                return true;
            await ApplyAsync(change, cancellationToken).ConfigureAwait(false);
            ItemsCompleted++;
            appliedThisStep++;
        }
        return false;
    }

    public void Dispose()
    {
        _documents?.Dispose();
        _reader?.Dispose();
    }

    private async Task ApplyAsync(OrderChange change, CancellationToken cancellationToken)
    {
        var command = _interpreter!.Interpret(change);
        if (command == null)
        {
            Counters.Skipped++;
            Counters.AddMessage(ExchangeMessage.Of(MessageKeys.OrderNotAnOrder, change.Reference, change.BusinessOperation));
            return;
        }
        OrderChangeResult result;
        try
        {
            result = await _sink.ApplyAsync(command, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            throw new ImportException(ExchangeMessage.Of(MessageKeys.OrderStoreFailed, change.Reference, exception.Message), exception);
        }
        switch (result.Outcome)
        {
            case OrderChangeOutcome.UnknownOrder:
                Counters.Failed++;
                Counters.AddMessage(ExchangeMessage.Of(MessageKeys.OrderNotFound, change.Reference));
                break;
            case OrderChangeOutcome.Applied:
                Counters.Updated++;
                break;
            default:
                Counters.Skipped++;
                break;
        }
        foreach (var rejected in result.Rejected)
        {
            Counters.Warnings++;
            Counters.AddMessage(ExchangeMessage.Of(MessageKeys.OrderRejected, change.Reference, rejected));
        }
    }

    private async Task<OrderChangeInterpreter> CreateInterpreterAsync(CancellationToken cancellationToken)
    {
        var options = await _optionsProvider.GetAsync(cancellationToken).ConfigureAwait(false);
        return new OrderChangeInterpreter(OrderStatusMap.Parse(options.OrderStatusMappings), options.NotifyCustomerOnStatusChange);
    }

    private long CountDocuments()
    {
        try
        {
            using var reader = new OrderChangesReader(File.OpenRead(_path), _request.RelativePath);
            var count = reader.ReadDocuments().LongCount();
            if (_request.ResumeAfterItems == 0)
                foreach (var warning in reader.Warnings)
                {
                    Counters.Warnings++;
                    Counters.AddMessage(ExchangeMessage.Of(MessageKeys.FileWarning, warning.Location.ToString(), warning.Message));
                }
            return count;
        }
        catch (Exception exception) when (exception is CommerceMlException or IOException or UnauthorizedAccessException)
        {
            throw new ImportException(ExchangeMessage.Of(MessageKeys.FileNotLoaded, _request.RelativePath, exception.Message), exception);
        }
    }

    private IEnumerator<OrderChange> OpenAt(long skip)
    {
        _reader = new OrderChangesReader(File.OpenRead(_path), _request.RelativePath);
        var documents = _reader.ReadDocuments().GetEnumerator();
        for (long i = 0; i < skip && documents.MoveNext(); i++)
        {
        }
        return documents;
    }

    private bool Next(out OrderChange change)
    {
        try
        {
            if (_documents!.MoveNext())
            {
                change = _documents.Current;
                return true;
            }
        }
        catch (Exception exception) when (exception is CommerceMlException or IOException)
        {
            throw new ImportException(ExchangeMessage.Of(MessageKeys.FileChanged, _request.RelativePath, exception.Message), exception);
        }
        change = null!;
        return false;
    }

    private static string ResolvePath(FileImportRequest request) =>
        StagingPath.Within(request.SessionFolder, request.RelativePath)
        ?? throw new ImportException(ExchangeMessage.Of(MessageKeys.FileNameInvalid, request.RelativePath));
}
