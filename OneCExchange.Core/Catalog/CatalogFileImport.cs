using OneCExchange.Core.CommerceMl;
using OneCExchange.Core.Exchange;
using OneCExchange.Core.Messages;
using OneCExchange.Core.Ports;

namespace OneCExchange.Core.Catalog;

/// <summary>
/// The step-wise import of one staged catalog file (classifier, catalog, offers, prices or rests): reads it forward,
/// skips (without applying) the items earlier steps committed, and applies the rest in batches until the deadline.
/// Items are the reader's records, counted from the start of the file.
/// </summary>
public sealed class CatalogFileImport : IFileImport
{
    private readonly FileImportRequest _request;
    private readonly string _path;
    private readonly CatalogSessionState _session;
    private readonly CatalogImporter _importer;
    private CommerceMlReader? _reader;
    private long _read;
    private long _warningsTaken;
    private bool _done;

    public CatalogFileImport(FileImportRequest request, string path, ICatalogStore store, CatalogImportOptions options,
        CatalogSessionState session, TimeProvider? clock = null)
    {
        _request = request;
        _path = path;
        _session = session;
        _importer = new CatalogImporter(store, options, session, request.SessionFolder, Counters, clock);
        ItemsCompleted = request.ResumeAfterItems;
    }

    public long ItemsCompleted { get; private set; }

    public ImportCounters Counters { get; } = new();

    public string? SessionState => CatalogSessionSnapshot.Write(_session);

    public string ProgressMessage => _done
        ? $"Файл {_request.RelativePath} загружен: {Counters.Describe()}"
        : $"Файл {_request.RelativePath}: обработано элементов {ItemsCompleted}";

    public async Task<bool> RunAsync(DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        if (_done)
            return true;
        try
        {
            _reader ??= CommerceMlReader.Open(_path, _session.Classifier);
            // Every step applies at least one item, so an exchange always ends even when a step starts late. A step
            // stops taking items when their flush could not end by the deadline (not only once it has passed).
            var appliedThisStep = false;
            while (true)
            {
                if (appliedThisStep && _importer.NextItemWouldOverrun(deadline))
                {
                    await _importer.FlushAsync(cancellationToken);
                    ItemsCompleted = Math.Max(ItemsCompleted, _importer.CommittedItems);
                    return false;
                }
                if (!_reader.Read())
                    break;
                _read++;
                if (_read <= _request.ResumeAfterItems)
                    _importer.Observe(_reader.Current, _read);
                else
                {
                    await _importer.AddAsync(_reader.Current, _read, cancellationToken);
                    appliedThisStep = true;
                }
                ItemsCompleted = Math.Max(ItemsCompleted, _importer.CommittedItems);
                TakeReaderWarnings();
            }
            await _importer.CompleteAsync(cancellationToken);
            ItemsCompleted = _importer.CommittedItems;
            TakeReaderWarnings();
            _done = true;
            return true;
        }
        catch (CommerceMlException e)
        {
            throw new ImportException(ExchangeMessage.Of(MessageKeys.FileCannotLoad, _request.RelativePath, e.Message), e);
        }
        catch (IOException e)
        {
            throw new ImportException(ExchangeMessage.Of(MessageKeys.FileCannotRead, _request.RelativePath, e.Message), e);
        }
        catch (Exception e) when (e is not ImportException and not OperationCanceledException)
        {
            // A store failure outside a batch (reading mappings, checking slugs or SKUs): the checkpoint stays put.
            throw new ImportException(ExchangeMessage.Of(MessageKeys.FileStoreError, _request.RelativePath, e.Message), e);
        }
    }

    private void TakeReaderWarnings()
    {
        if (_reader is null || _reader.WarningCount == _warningsTaken)
            return;
        foreach (var warning in _reader.Warnings.Skip((int)Math.Min(_warningsTaken, int.MaxValue)))
            Counters.AddMessage(ExchangeMessage.Of(MessageKeys.FileWarning, warning.Location.ToString(), warning.Message));
        Counters.Warnings += _reader.WarningCount - _warningsTaken;
        _warningsTaken = _reader.WarningCount;
    }

    public void Dispose() => _reader?.Dispose();
}
