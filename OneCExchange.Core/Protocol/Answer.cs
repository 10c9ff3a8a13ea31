using OneCExchange.Core.Ports;

namespace OneCExchange.Core.Protocol;

/// <summary>What a mode answers before it is encoded: a keyword with message lines, or a document.</summary>
/// <param name="Document">The document, written to the response when the host sends the body.</param>
internal sealed record Answer(ExchangeOutcome Outcome, string Text, IReadOnlyList<ExchangeCookie>? Cookies = null,
    OrderExportDocument? Document = null)
{
    public static Answer Success(params string[] lines) => new(ExchangeOutcome.Success, Join("success", lines));

    public static Answer Progress(string message) => new(ExchangeOutcome.Progress, Join("progress", [message]));

    public static Answer Failure(string reason) => new(ExchangeOutcome.Failure, Join("failure", [reason]));

    /// <summary>type=listen found no order in time: HTTP 304, no body.</summary>
    public static Answer NotModified() => new(ExchangeOutcome.NotModified, "");

    /// <summary>Lines that are not a keyword answer (init's zip=/file_limit=).</summary>
    public static Answer Lines(params string[] lines) => new(ExchangeOutcome.Success, string.Join("\n", lines));

    public static Answer ForDocument(OrderExportDocument document) => new(ExchangeOutcome.Document, "", Document: document);

    /// <summary>The message lines after the keyword, for the log.</summary>
    public string? Message => Document is not null ? $"document, {Document.OrderCount} item(s)"
        : Text.IndexOf('\n') is var i and >= 0 ? Text[(i + 1)..] : null;

    private static string Join(string keyword, string[] lines) =>
        string.Join("\n", lines.Where(l => !string.IsNullOrEmpty(l)).Select(OneLine).Prepend(keyword));

    // A message line must not break the line protocol.
    private static string OneLine(string line) => line.Replace("\r", " ").Replace("\n", " ");
}
