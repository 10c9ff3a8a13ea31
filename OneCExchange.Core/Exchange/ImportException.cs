using OneCExchange.Core.Messages;

namespace OneCExchange.Core.Exchange;

/// <summary>
/// A file that cannot be imported: bad XML, an unknown document, a store failure. The message (Core's text of the
/// reason) goes to 1C; the reason is what the host shows its admin.
/// </summary>
public class ImportException(ExchangeMessage reason, Exception? inner = null) : Exception(reason.ToString(), inner)
{
    public ExchangeMessage Reason { get; } = reason;
}
